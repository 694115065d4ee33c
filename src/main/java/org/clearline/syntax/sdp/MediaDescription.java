package org.clearline.syntax.sdp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code m=} section (RFC 4566 §5.14) with what the codec policy reads from
 * it. Session-level defaults are already applied: {@link #connection},
 * {@link #direction} and {@link #fingerprints} are the effective values.
 *
 * @param type        media type as written: audio, video, text, application, message, image...
 * @param port        0 marks a rejected or disabled stream (RFC 3264 §5.1, §6)
 * @param portCount   the {@code /<number of ports>} suffix, 1 when absent
 * @param protocol    transport protocol as written: RTP/AVP, RTP/SAVP, UDP/TLS/RTP/SAVPF, udptl...
 * @param formats     the format list in order of preference; RTP payload types for RTP protocols
 * @param connection  media-level {@code c=}, else the session's; null only for a disabled stream
 * @param rtpMaps     {@code a=rtpmap} by payload type, as written (static types resolve in {@link #codecs})
 * @param fmtps       {@code a=fmtp} parameters by format
 * @param direction   effective direction attribute (media, else session, else sendrecv)
 * @param cryptos     {@code a=crypto} lines (RFC 4568), in order
 * @param fingerprints {@code a=fingerprint} lines of the media, else of the session
 * @param attributes  every media-level {@code a=} line, in order, including the ones above
 */
public record MediaDescription(String type, int port, int portCount, String protocol, List<String> formats,
                               Connection connection, Map<String, RtpMap> rtpMaps, Map<String, String> fmtps,
                               Direction direction, List<Crypto> cryptos, List<Fingerprint> fingerprints,
                               List<Attribute> attributes) {
    /** RFC 3550 §5.1: the payload type is a 7-bit field. */
    static final int MAX_PAYLOAD_TYPE = 127;

    public MediaDescription {
        formats = List.copyOf(formats);
        rtpMaps = Collections.unmodifiableMap(new LinkedHashMap<>(rtpMaps));
        fmtps = Collections.unmodifiableMap(new LinkedHashMap<>(fmtps));
        cryptos = List.copyOf(cryptos);
        fingerprints = List.copyOf(fingerprints);
        attributes = List.copyOf(attributes);
    }

    /** RFC 3264 §5.1: a port of zero offers the stream as disabled; an answer with zero rejects it. */
    public boolean isActive() {
        return port != 0;
    }

    /** The protocol is RTP-based (RTP/AVP, RTP/SAVPF, UDP/TLS/RTP/SAVP, TCP/RTP/AVP...), so formats are payload types. */
    public boolean isRtp() {
        return isRtpProtocol(protocol);
    }

    /**
     * SRTP is offered: a secure profile (RTP/SAVP, RTP/SAVPF, UDP/TLS/RTP/SAVP[F],
     * RFC 3711 §12 and RFC 5764 §8), SDES keys (RFC 4568) or a DTLS fingerprint
     * (RFC 5763). Keys on a plain RTP/AVP line count too: endpoints use that to
     * offer SRTP to peers that may not know SAVP.
     */
    public boolean isSecure() {
        return isSecureProfile() || !cryptos.isEmpty() || !fingerprints.isEmpty();
    }

    /** The protocol's last element is SAVP or SAVPF. */
    public boolean isSecureProfile() {
        String p = protocol.toUpperCase(Locale.ROOT);
        return p.endsWith("/SAVP") || p.endsWith("/SAVPF");
    }

    /**
     * What each format carries, in the offer's order of preference: its rtpmap,
     * or RFC 3551's static assignment for types 0-34 without one. Formats that
     * resolve to neither (a dynamic type without rtpmap, a reserved number) are
     * left out: nobody can know what they carry. Empty for non-RTP media.
     */
    public List<RtpMap> codecs() {
        if (!isRtp()) return List.of();
        List<RtpMap> out = new ArrayList<>(formats.size());
        for (String format : formats) {
            RtpMap map = rtpMap(format);
            if (map != null) out.add(map);
        }
        return out;
    }

    /** The rtpmap of {@code payloadType}, falling back to the static table; null if unknown. */
    public RtpMap rtpMap(String payloadType) {
        RtpMap map = rtpMaps.get(payloadType);
        return map != null ? map : StaticPayloadTypes.lookup(payloadType);
    }

    /**
     * Names of the real codecs offered, in order, each once (compared without
     * case): {@link RtpMap#isAuxiliary() telephone-event, CN, red...} are left out.
     */
    public List<String> codecNames() {
        List<String> out = new ArrayList<>(formats.size());
        for (RtpMap map : codecs()) {
            if (map.isAuxiliary() || containsIgnoreCase(out, map.encodingName())) continue;
            out.add(map.encodingName());
        }
        return out;
    }

    /** True if the offer lists a codec named {@code encodingName}, compared without case. */
    public boolean offers(String encodingName) {
        for (RtpMap map : codecs()) {
            if (map.is(encodingName)) return true;
        }
        return false;
    }

    /** RFC 4733 DTMF events are offered. */
    public boolean hasTelephoneEvent() {
        return offers(RtpMap.TELEPHONE_EVENT);
    }

    /** The {@code a=fmtp} parameters of {@code format}, or null. */
    public String fmtp(String format) {
        return fmtps.get(format);
    }

    /** The first media-level attribute named {@code name} (attribute names are case-sensitive), or null. */
    public Attribute attribute(String name) {
        for (Attribute a : attributes) {
            if (a.name().equals(name)) return a;
        }
        return null;
    }

    static boolean isRtpProtocol(String protocol) {
        String p = protocol.toUpperCase(Locale.ROOT);
        return p.startsWith("RTP/") || p.contains("/RTP/");
    }

    private static boolean containsIgnoreCase(List<String> names, String name) {
        for (String n : names) {
            if (n.equalsIgnoreCase(name)) return true;
        }
        return false;
    }
}
