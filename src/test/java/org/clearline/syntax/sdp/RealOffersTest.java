package org.clearline.syntax.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.syntax.sdp.Fixtures.parsed;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Offers as real endpoints send them, read the way the codec policy reads them. */
class RealOffersTest {

    @Test
    void baresipOfferFromTheSampleTrace() {
        SessionDescription sd = parsed("baresip-offer.sdp");
        assertThat(sd.origin()).isEqualTo(new Origin("-", "1262841810", "893351142", "IN", "IP4", "127.0.0.1"));
        assertThat(sd.sessionName()).isEqualTo("-");
        assertThat(sd.connection()).isEqualTo(new Connection("IN", "IP4", "127.0.0.1"));
        assertThat(sd.attribute("tool").value()).isEqualTo("baresip 1.0.0");
        assertThat(sd.media()).hasSize(1);

        MediaDescription audio = sd.media().get(0);
        assertThat(audio.type()).isEqualTo("audio");
        assertThat(audio.port()).isEqualTo(9690);
        assertThat(audio.protocol()).isEqualTo("RTP/AVP");
        assertThat(audio.formats()).containsExactly("0", "8", "101");
        assertThat(audio.codecNames()).containsExactly("PCMU", "PCMA");
        assertThat(audio.hasTelephoneEvent()).isTrue();
        assertThat(audio.rtpMap("101")).isEqualTo(new RtpMap("101", "telephone-event", 8000, 1));
        assertThat(audio.fmtp("101")).isEqualTo("0-15");
        assertThat(audio.direction()).isEqualTo(Direction.SENDRECV);
        assertThat(audio.connection()).isEqualTo(sd.connection());
        assertThat(audio.isActive()).isTrue();
        assertThat(audio.isSecure()).isFalse();
        assertThat(audio.attribute("ptime").value()).isEqualTo("20");
        assertThat(audio.attribute("rtcp-rsize").isProperty()).isTrue();
        assertThat(audio.attribute("ssrc").value()).isEqualTo("1957813339 cname:sip:alice@clearline.test");
    }

    @Test
    void sippOfferResolvesTheUnmappedStaticType() {
        MediaDescription audio = parsed("sipp-offer.sdp").media().get(0);
        assertThat(audio.port()).isEqualTo(6000);
        assertThat(audio.rtpMaps()).containsOnlyKeys("0");
        assertThat(audio.codecs()).containsExactly(new RtpMap("0", "PCMU", 8000, 1), new RtpMap("8", "PCMA", 8000, 1));
        assertThat(audio.offers("pcma")).isTrue();
        assertThat(audio.offers("G722")).isFalse();
        assertThat(audio.hasTelephoneEvent()).isFalse();
    }

    @Test
    void g722OnlyOffer() {
        MediaDescription audio = parsed("g722-only.sdp").media().get(0);
        assertThat(audio.codecNames()).containsExactly("G722");
        assertThat(audio.offers("PCMU")).isFalse();
        assertThat(audio.offers("g722")).isTrue();
        assertThat(audio.codecs()).extracting(RtpMap::isAuxiliary).containsExactly(false, true);
    }

    @Test
    void srtpOfferWithSdesKeys() {
        MediaDescription audio = parsed("srtp-sdes.sdp").media().get(0);
        assertThat(audio.protocol()).isEqualTo("RTP/SAVP");
        assertThat(audio.isSecureProfile()).isTrue();
        assertThat(audio.isSecure()).isTrue();
        assertThat(audio.cryptos()).hasSize(2);
        Crypto first = audio.cryptos().get(0);
        assertThat(first.tag()).isEqualTo(1);
        assertThat(first.suite()).isEqualTo("AES_CM_128_HMAC_SHA1_80");
        assertThat(first.keyParams()).startsWith("inline:").endsWith("|2^20|1:32");
        assertThat(first.sessionParams()).isEmpty();
        assertThat(audio.cryptos().get(1).sessionParams()).containsExactly("KDR=1", "UNENCRYPTED_SRTCP");
        assertThat(audio.codecNames()).containsExactly("PCMA", "PCMU");
        assertThat(audio.fingerprints()).isEmpty();
    }

    @Test
    void audioAndVideoWithSessionDirectionOverriddenPerMedia() {
        SessionDescription sd = parsed("audio-video.sdp");
        assertThat(sd.direction()).isEqualTo(Direction.SENDRECV);
        assertThat(sd.media()).extracting(MediaDescription::type).containsExactly("audio", "video");

        MediaDescription audio = sd.media("audio").get(0);
        assertThat(audio.codecNames()).containsExactly("opus", "G722", "PCMU", "PCMA");
        assertThat(audio.rtpMap("111")).isEqualTo(new RtpMap("111", "opus", 48000, 2));
        assertThat(audio.fmtp("111")).isEqualTo("minptime=10; useinbandfec=1");
        assertThat(audio.offers("OPUS")).isTrue();
        assertThat(audio.direction()).isEqualTo(Direction.SENDRECV);

        MediaDescription video = sd.media("VIDEO").get(0);
        assertThat(video.protocol()).isEqualTo("RTP/AVPF");
        assertThat(video.codecNames()).containsExactly("VP8", "H264");
        assertThat(video.fmtp("98")).isEqualTo("apt=96");
        assertThat(video.direction()).isEqualTo(Direction.RECVONLY);
        assertThat(video.isSecure()).isFalse();
        assertThat(sd.activeMedia()).hasSize(2);
    }

    @Test
    void disabledStreamIsInactiveAndNeedsNoConnection() {
        SessionDescription sd = parsed("disabled-video.sdp");
        assertThat(sd.connection()).isNull();
        MediaDescription audio = sd.media().get(0);
        MediaDescription video = sd.media().get(1);
        assertThat(audio.connection()).isEqualTo(new Connection("IN", "IP4", "203.0.113.9"));
        assertThat(video.port()).isZero();
        assertThat(video.isActive()).isFalse();
        assertThat(video.connection()).isNull();
        assertThat(video.codecNames()).containsExactly("H261");
        assertThat(sd.activeMedia()).containsExactly(audio);
    }

    @Test
    void staticPayloadTypesWithoutRtpmapFollowRfc3551() {
        SessionDescription sd = parsed("static-types.sdp");
        MediaDescription audio = sd.media().get(0);
        // 2 is reserved since RFC 3551 and 96 is dynamic without rtpmap: nobody can say what they carry
        assertThat(audio.codecs()).extracting(RtpMap::payloadType).containsExactly("0", "3", "4", "8", "9", "13", "18");
        assertThat(audio.codecNames()).containsExactly("PCMU", "GSM", "G723", "PCMA", "G722", "G729");
        assertThat(audio.rtpMap("9").clockRate()).isEqualTo(8000);
        assertThat(audio.rtpMap("2")).isNull();
        assertThat(audio.rtpMap("96")).isNull();
        assertThat(sd.media().get(1).codecNames()).containsExactly("H261", "H263", "JPEG");
    }

    @Test
    void dtlsSrtpOfferInheritsTheSessionFingerprint() {
        SessionDescription sd = parsed("dtls-webrtc.sdp");
        assertThat(sd.connection()).isNull();
        MediaDescription audio = sd.media().get(0);
        assertThat(audio.protocol()).isEqualTo("UDP/TLS/RTP/SAVPF");
        assertThat(audio.isRtp()).isTrue();
        assertThat(audio.isSecure()).isTrue();
        assertThat(audio.fingerprints()).singleElement()
                .satisfies(f -> assertThat(f.hashFunction()).isEqualTo("sha-256"))
                .satisfies(f -> assertThat(f.value()).startsWith("19:E2:1C").hasSize(95));
        assertThat(audio.connection().isUnspecified()).isTrue();
        // red, CN and both telephone-event clock rates are not codecs of their own
        assertThat(audio.codecNames()).containsExactly("opus", "G722", "PCMU", "PCMA");
        assertThat(audio.hasTelephoneEvent()).isTrue();
        assertThat(sd.attribute("group").value()).isEqualTo("BUNDLE 0");
    }

    @Test
    void t38ImageStreamHasFormatsButNoRtpCodecs() {
        SessionDescription sd = parsed("t38-fax.sdp");
        assertThat(sd.activeMedia()).singleElement().satisfies(image -> {
            assertThat(image.type()).isEqualTo("image");
            assertThat(image.protocol()).isEqualTo("udptl");
            assertThat(image.isRtp()).isFalse();
            assertThat(image.formats()).containsExactly("t38");
            assertThat(image.codecs()).isEmpty();
            assertThat(image.attribute("T38MaxBitRate").value()).isEqualTo("14400");
        });
        assertThat(sd.media().get(0).isActive()).isFalse();
    }

    @Test
    void rfc4566SectionFiveExample() {
        SessionDescription sd = parsed("rfc4566-example.sdp");
        assertThat(sd.origin().username()).isEqualTo("jdoe");
        assertThat(sd.origin().sessionVersion()).isEqualTo("2890842807");
        assertThat(sd.sessionName()).isEqualTo("SDP Seminar");
        assertThat(sd.connection().address()).isEqualTo("224.2.17.12/127");
        assertThat(sd.connection().host()).isEqualTo("224.2.17.12");
        assertThat(sd.direction()).isEqualTo(Direction.RECVONLY);
        assertThat(sd.media()).extracting(MediaDescription::direction).containsOnly(Direction.RECVONLY);
        assertThat(sd.media().get(0).codecNames()).containsExactly("PCMU");
        // encoding names are case-insensitive: the example writes h263-1998
        assertThat(sd.media().get(1).offers("H263-1998")).isTrue();
    }

    @Test
    void rfc4566RtpmapExamplesWithChannels() {
        SessionDescription sd = parsed(String.join("\r\n", "v=0", "o=- 1 1 IN IP4 192.0.2.1", "s=-",
                "c=IN IP4 192.0.2.1", "t=0 0", "m=audio 49230 RTP/AVP 96 97 98", "a=rtpmap:96 L8/8000",
                "a=rtpmap:97 L16/8000", "a=rtpmap:98 L16/11025/2", "").getBytes());
        MediaDescription audio = sd.media().get(0);
        assertThat(audio.codecs()).containsExactly(new RtpMap("96", "L8", 8000, 1), new RtpMap("97", "L16", 8000, 1),
                new RtpMap("98", "L16", 11025, 2));
        // one name although offered at two rates
        assertThat(audio.codecNames()).isEqualTo(List.of("L8", "L16"));
    }

    @Test
    void multicastPortCountAndMediaLevelAttributes() {
        SessionDescription sd = parsed(String.join("\n", "v=0", "o=- 1 1 IN IP4 192.0.2.1", "s=-",
                "c=IN IP4 224.2.1.1/127/3", "t=0 0", "r=604800 3600 0 90000", "z=2882844526 -1h 2898848070 0",
                "m=video 49170/2 RTP/AVP 31", "b=AS:128", "i=main camera", "a=sendonly").getBytes());
        MediaDescription video = sd.media().get(0);
        assertThat(video.port()).isEqualTo(49170);
        assertThat(video.portCount()).isEqualTo(2);
        assertThat(video.direction()).isEqualTo(Direction.SENDONLY);
        assertThat(video.connection().host()).isEqualTo("224.2.1.1");
    }
}
