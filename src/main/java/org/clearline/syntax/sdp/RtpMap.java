package org.clearline.syntax.sdp;

import java.util.Locale;
import java.util.Set;

/**
 * What an RTP payload type carries: {@code a=rtpmap:<payload type> <encoding
 * name>/<clock rate>[/<encoding parameters>]} (RFC 4566 §6), or the same facts
 * from RFC 3551's static table when a static type has no rtpmap.
 *
 * @param clockRate {@link #CLOCK_RATE_NOT_STATED} when an rtpmap omits it (seen
 *                  in the wild, e.g. RFC 4475's sdp01 offer {@code a=rtpmap:31 LPC})
 * @param channels  audio channels; 1 when not stated (§6: "may be omitted if the
 *                  number of channels is one")
 */
public record RtpMap(String payloadType, String encodingName, int clockRate, int channels) {
    public static final int CLOCK_RATE_NOT_STATED = 0;

    /** RFC 4733 named telephone events (DTMF): signalling, not a codec. */
    public static final String TELEPHONE_EVENT = "telephone-event";

    /**
     * Encodings that carry no media of their own but ride on a real codec, so an
     * offer made only of these offers nothing the policy could accept:
     * DTMF events (RFC 4733), comfort noise (RFC 3389), redundancy (RFC 2198),
     * FEC (RFC 5109, RFC 8627) and retransmission (RFC 4588).
     */
    private static final Set<String> AUXILIARY = Set.of(TELEPHONE_EVENT, "cn", "red", "ulpfec", "flexfec", "rtx");

    private static final int MAX_CLOCK_RATE = 100_000_000;
    private static final int MAX_CHANNELS = 255;

    /** Encoding names are case-insensitive (RFC 4855 §3, media subtype names). */
    public boolean is(String name) {
        return encodingName.equalsIgnoreCase(name);
    }

    public boolean isTelephoneEvent() {
        return is(TELEPHONE_EVENT);
    }

    /** True for DTMF events, comfort noise, redundancy, FEC and retransmission formats. */
    public boolean isAuxiliary() {
        return AUXILIARY.contains(encodingName.toLowerCase(Locale.ROOT));
    }

    /** The value of an {@code a=rtpmap:} attribute (everything after the colon). */
    static RtpMap parse(String value) {
        String[] f = SdpText.fields(value);
        if (f.length != 2) {
            throw new SdpSyntaxException("a=rtpmap needs <payload type> <encoding name>/<clock rate>, found "
                    + SdpText.quote(value));
        }
        if (SdpText.smallNumber(f[0], MediaDescription.MAX_PAYLOAD_TYPE) < 0) {
            throw new SdpSyntaxException("a=rtpmap payload type " + SdpText.quote(f[0]) + " is not a number 0-127");
        }
        String[] enc = f[1].split("/", -1);
        if (enc.length > 3 || !SdpText.isToken(enc[0])) {
            throw new SdpSyntaxException("a=rtpmap encoding " + SdpText.quote(f[1]) + " is not <name>/<clock rate>[/<channels>]");
        }
        int clockRate = CLOCK_RATE_NOT_STATED;
        if (enc.length > 1) {
            clockRate = SdpText.smallNumber(enc[1], MAX_CLOCK_RATE);
            if (clockRate <= 0) {
                throw new SdpSyntaxException("a=rtpmap clock rate " + SdpText.quote(enc[1]) + " is not a positive number");
            }
        }
        int channels = 1;
        if (enc.length > 2) {
            channels = SdpText.smallNumber(enc[2], MAX_CHANNELS);
            if (channels <= 0) {
                throw new SdpSyntaxException("a=rtpmap channel count " + SdpText.quote(enc[2]) + " is not a number 1-255");
            }
        }
        return new RtpMap(f[0], enc[0], clockRate, channels);
    }
}
