package org.clearline.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.features.Decisions.assertRejected;
import static org.clearline.features.Decisions.branches;
import static org.clearline.features.Decisions.warning;
import static org.clearline.features.Provider.DOMAIN;
import static org.clearline.features.Provider.phone;

import java.util.ArrayList;
import java.util.List;
import org.clearline.core.routing.Routing;
import org.clearline.failures.Situation;
import org.junit.jupiter.api.Test;

/**
 * The line's codec and SRTP policy against the caller's SDP offer (issue 4):
 * 488 with a Warning 305 (RFC 3261 §20.43) naming what was offered and what the
 * line accepts; no offer passes; media are never rewritten.
 */
class CodecStepTest {
    private static final String JUDY_RINGS = phone("judy", 1) + " | judy: phone 1 | CONTACT";

    private final Provider provider = Provider.demo();

    /** An offer from 198.51.100.7 with these m= lines, each followed by its own attribute lines. */
    private static String[] offer(String... mediaAndAttributes) {
        List<String> lines = new ArrayList<>(List.of("v=0", "o=- 20518 0 IN IP4 198.51.100.7", "s=-",
                "c=IN IP4 198.51.100.7", "t=0 0"));
        lines.addAll(List.of(mediaAndAttributes));
        return lines.toArray(String[]::new);
    }

    private Routing callJudy(String... sdp) {
        return provider.invite("sip:judy@" + DOMAIN).sdp(sdp).route();
    }

    private static org.clearline.syntax.Header incompatible(String text) {
        return warning("305 " + DOMAIN + " \"Incompatible media format: " + text + "\"");
    }

    @Test
    void judyRingsForG722() {
        assertThat(branches(callJudy(offer("m=audio 11780 RTP/AVP 9 101", "a=rtpmap:9 G722/8000",
                "a=rtpmap:101 telephone-event/8000", "a=fmtp:101 0-15")))).containsExactly(JUDY_RINGS);
    }

    @Test
    void aStaticPayloadTypeNeedsNoRtpmap() {
        // RFC 3551 §6: payload type 9 is G722 without any a=rtpmap
        assertThat(branches(callJudy(offer("m=audio 11780 RTP/AVP 9")))).containsExactly(JUDY_RINGS);
    }

    @Test
    void aPcmuOnlyOfferToJudyIs488NamingBoth() {
        assertRejected(callJudy(offer("m=audio 6000 RTP/AVP 0", "a=rtpmap:0 PCMU/8000")),
                Situation.MEDIA_CODEC_NOT_ALLOWED, incompatible("offered PCMU, accepted G722"));
    }

    @Test
    void theWarningListsEveryRealCodecOfferedOnceWithoutDtmfOrComfortNoise() {
        assertRejected(callJudy(offer("m=audio 6000 RTP/AVP 0 8 13 101", "a=rtpmap:0 PCMU/8000",
                "a=rtpmap:8 PCMA/8000", "a=rtpmap:13 CN/8000", "a=rtpmap:101 telephone-event/8000",
                "m=audio 6002 RTP/AVP 8 0")),
                Situation.MEDIA_CODEC_NOT_ALLOWED, incompatible("offered PCMU PCMA, accepted G722"));
    }

    @Test
    void anyAllowedCodecInAnyActiveAudioStreamIsEnough() {
        provider.line("judy", Line.plain().codecs("opus", "G722"));
        assertThat(branches(callJudy(offer("m=audio 6000 RTP/AVP 0", "m=audio 6002 RTP/AVP 111",
                "a=rtpmap:111 OPUS/48000/2")))).containsExactly(JUDY_RINGS);
        assertRejected(callJudy(offer("m=audio 6000 RTP/AVP 8")), Situation.MEDIA_CODEC_NOT_ALLOWED,
                incompatible("offered PCMA, accepted opus G722"));
    }

    @Test
    void codecNamesCompareWithoutCase() {
        provider.line("judy", Line.plain().codecs("g722"));
        assertThat(branches(callJudy(offer("m=audio 11780 RTP/AVP 96", "a=rtpmap:96 G722/8000"))))
                .containsExactly(JUDY_RINGS);
    }

    @Test
    void aDisabledStreamOffersNothing() {
        // RFC 3264 §5.1: port 0 offers the stream as disabled
        assertRejected(callJudy(offer("m=audio 0 RTP/AVP 9", "m=audio 6000 RTP/AVP 0")),
                Situation.MEDIA_CODEC_NOT_ALLOWED, incompatible("offered PCMU, accepted G722"));
    }

    @Test
    void videoOnlyOffersNoAudioCodec() {
        assertRejected(callJudy(offer("m=video 6004 RTP/AVP 96", "a=rtpmap:96 H264/90000")),
                Situation.MEDIA_CODEC_NOT_ALLOWED, incompatible("offered no audio codec, accepted G722"));
        assertThat(branches(callJudy(offer("m=audio 6000 RTP/AVP 9", "m=video 6004 RTP/AVP 96",
                "a=rtpmap:96 H264/90000")))).containsExactly(JUDY_RINGS);
    }

    @Test
    void anInviteWithoutOfferPasses() {
        // §13.2.1: the offer may come in the 2xx; the callee's phone enforces its codecs then
        assertThat(branches(provider.invite("sip:judy@" + DOMAIN).route())).containsExactly(JUDY_RINGS);
        provider.line("judy", Line.plain().codecs("G722").srtpRequired());
        assertThat(branches(provider.invite("sip:judy@" + DOMAIN).route())).containsExactly(JUDY_RINGS);
    }

    @Test
    void theContentTypeIsComparedWithoutCaseOrParameters() {
        assertRejected(provider.invite("sip:judy@" + DOMAIN).body("Application/SDP; charset=UTF-8",
                        String.join("\r\n", offer("m=audio 6000 RTP/AVP 0")) + "\r\n").route(),
                Situation.MEDIA_CODEC_NOT_ALLOWED, incompatible("offered PCMU, accepted G722"));
    }

    @Test
    void anUnreadableOfferIs488NamingTheLine() {
        assertRejected(callJudy("v=0", "o=- 1 1 IN IP4 198.51.100.7", "s=-", "c=IN IP4 198.51.100.7", "t=0 0",
                        "m=audio many RTP/AVP 0"),
                Situation.MEDIA_UNREADABLE, warning("399 " + DOMAIN
                        + " \"Unreadable session description: line 6: port 'many' is not a number\""));
    }

    @Test
    void aLineWithoutMediaPolicyDoesNotReadTheOffer() {
        // media are the phones' business unless the line restricts them
        assertThat(branches(provider.invite("sip:bob@" + DOMAIN).sdp("this is not SDP").route())).hasSize(1);
        assertThat(branches(provider.invite("sip:bob@" + DOMAIN).sdp(offer("m=audio 6000 RTP/AVP 0")).route()))
                .hasSize(1);
    }

    @Test
    void aLineThatRequiresSrtpRefusesPlainRtp() {
        provider.line("judy", Line.plain().srtpRequired());
        assertRejected(callJudy(offer("m=audio 6000 RTP/AVP 0 8")), Situation.MEDIA_SRTP_REQUIRED,
                incompatible("this line requires SRTP"));
        assertRejected(callJudy(offer("m=video 6004 RTP/SAVP 96", "a=rtpmap:96 H264/90000",
                "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:d0RmdmcmVCspeEc3QGZiNWpVLFJhQX1cfHAwJSoj")),
                Situation.MEDIA_SRTP_REQUIRED, incompatible("this line requires SRTP"));
    }

    @Test
    void srtpIsOfferedBySecureProfileSdesKeysOrDtls() {
        provider.line("judy", Line.plain().srtpRequired());
        assertThat(branches(callJudy(offer("m=audio 16384 RTP/SAVP 8 0",
                "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:d0RmdmcmVCspeEc3QGZiNWpVLFJhQX1cfHAwJSoj|2^20|1:32"))))
                .containsExactly(JUDY_RINGS);
        assertThat(branches(callJudy(offer("m=audio 16384 RTP/AVP 8 0",
                "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:d0RmdmcmVCspeEc3QGZiNWpVLFJhQX1cfHAwJSoj|2^20|1:32"))))
                .containsExactly(JUDY_RINGS);
        assertThat(branches(callJudy(offer("m=audio 9 UDP/TLS/RTP/SAVPF 111", "a=rtpmap:111 opus/48000/2",
                "a=fingerprint:sha-256 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB:4A:AD:B9:B1:"
                        + "3F:82:18:3B:54:02:12:DF", "a=setup:actpass")))).containsExactly(JUDY_RINGS);
    }

    @Test
    void srtpAndCodecsAreBothRequired() {
        provider.line("judy", Line.plain().codecs("G722").srtpRequired());
        assertRejected(callJudy(offer("m=audio 16384 RTP/SAVP 0",
                "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:d0RmdmcmVCspeEc3QGZiNWpVLFJhQX1cfHAwJSoj")),
                Situation.MEDIA_CODEC_NOT_ALLOWED, incompatible("offered PCMU, accepted G722"));
        assertRejected(callJudy(offer("m=audio 6000 RTP/AVP 9")), Situation.MEDIA_SRTP_REQUIRED,
                incompatible("this line requires SRTP"));
        assertThat(branches(callJudy(offer("m=audio 16384 RTP/SAVP 9",
                "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:d0RmdmcmVCspeEc3QGZiNWpVLFJhQX1cfHAwJSoj"))))
                .containsExactly(JUDY_RINGS);
    }
}
