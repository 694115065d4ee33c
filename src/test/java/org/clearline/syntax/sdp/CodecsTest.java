package org.clearline.syntax.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.syntax.sdp.Fixtures.parsed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How formats resolve to codecs: rtpmap first, RFC 3551's static table second, case-insensitive names. */
class CodecsTest {

    private static MediaDescription audio(String formats, String... attributes) {
        String body = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP "
                + formats + "\r\n" + String.join("", java.util.Arrays.stream(attributes).map(a -> a + "\r\n").toList());
        return parsed(body.getBytes()).media().get(0);
    }

    @ParameterizedTest(name = "PT {0} is {1}/{2}/{3}")
    @CsvSource({
        "0, PCMU, 8000, 1", "3, GSM, 8000, 1", "4, G723, 8000, 1", "5, DVI4, 8000, 1", "6, DVI4, 16000, 1",
        "7, LPC, 8000, 1", "8, PCMA, 8000, 1", "9, G722, 8000, 1", "10, L16, 44100, 2", "11, L16, 44100, 1",
        "12, QCELP, 8000, 1", "13, CN, 8000, 1", "14, MPA, 90000, 1", "15, G728, 8000, 1", "16, DVI4, 11025, 1",
        "17, DVI4, 22050, 1", "18, G729, 8000, 1", "25, CelB, 90000, 1", "26, JPEG, 90000, 1", "28, nv, 90000, 1",
        "31, H261, 90000, 1", "32, MPV, 90000, 1", "33, MP2T, 90000, 1", "34, H263, 90000, 1",
    })
    void rfc3551StaticPayloadTypes(String pt, String name, int clockRate, int channels) {
        assertThat(audio(pt).codecs()).containsExactly(new RtpMap(pt, name, clockRate, channels));
    }

    @ParameterizedTest(name = "PT {0} has no static meaning")
    @CsvSource({"1", "2", "19", "20", "23", "24", "27", "29", "30", "35", "72", "95", "96", "127"})
    void reservedUnassignedAndDynamicTypesResolveToNothing(String pt) {
        MediaDescription m = audio(pt);
        assertThat(m.codecs()).isEmpty();
        assertThat(m.codecNames()).isEmpty();
        assertThat(m.rtpMap(pt)).isNull();
    }

    @Test
    void rtpmapOverridesTheStaticTable() {
        // RFC 4566 §6: an rtpmap for a static type is allowed and wins
        MediaDescription m = audio("2 18", "a=rtpmap:2 G726-32/8000", "a=rtpmap:18 G729/8000", "a=fmtp:18 annexb=no");
        assertThat(m.codecNames()).containsExactly("G726-32", "G729");
        assertThat(m.fmtp("18")).isEqualTo("annexb=no");
    }

    @Test
    void dynamicOpusInStereo() {
        MediaDescription m = audio("111 0", "a=rtpmap:111 opus/48000/2", "a=fmtp:111 minptime=10;useinbandfec=1");
        assertThat(m.codecs()).containsExactly(new RtpMap("111", "opus", 48000, 2), new RtpMap("0", "PCMU", 8000, 1));
        assertThat(m.offers("Opus")).isTrue();
    }

    @Test
    void namesCompareWithoutCaseAndAreListedOnce() {
        MediaDescription m = audio("96 97 98", "a=rtpmap:96 AMR-WB/16000", "a=rtpmap:97 amr-wb/16000/1",
                "a=rtpmap:98 Telephone-Event/16000");
        assertThat(m.codecNames()).containsExactly("AMR-WB");
        assertThat(m.offers("amr-WB")).isTrue();
        assertThat(m.hasTelephoneEvent()).isTrue();
        assertThat(m.rtpMap("98").isTelephoneEvent()).isTrue();
    }

    @Test
    void onlyAuxiliaryFormatsOfferNoCodec() {
        MediaDescription m = audio("101 13 100", "a=rtpmap:101 telephone-event/8000", "a=rtpmap:100 red/8000");
        assertThat(m.codecs()).hasSize(3).allMatch(RtpMap::isAuxiliary);
        assertThat(m.codecNames()).isEmpty();
    }

    @Test
    void rtpmapForAFormatNotListedIsIgnoredByCodecs() {
        MediaDescription m = audio("0", "a=rtpmap:0 PCMU/8000", "a=rtpmap:9 G722/8000");
        assertThat(m.codecNames()).containsExactly("PCMU");
        assertThat(m.rtpMaps()).containsOnlyKeys("0", "9");
    }

    @Test
    void firstRtpmapOfAPayloadTypeCounts() {
        MediaDescription m = audio("96", "a=rtpmap:96 opus/48000/2", "a=rtpmap:96 speex/16000");
        assertThat(m.codecNames()).containsExactly("opus");
    }

    @Test
    void secureOnlyThroughKeysOrFingerprints() {
        assertThat(audio("0").isSecure()).isFalse();
        // SDES on a plain RTP/AVP line (best-effort SRTP) still offers SRTP
        MediaDescription sdes = audio("0", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5");
        assertThat(sdes.isSecureProfile()).isFalse();
        assertThat(sdes.isSecure()).isTrue();
        assertThat(audio("0", "a=fingerprint:sha-1 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB").isSecure())
                .isTrue();
    }

    @Test
    void directionAttributes() {
        assertThat(audio("0").direction()).isEqualTo(Direction.SENDRECV);
        assertThat(audio("0", "a=sendonly").direction()).isEqualTo(Direction.SENDONLY);
        assertThat(audio("0", "a=inactive").direction()).isEqualTo(Direction.INACTIVE);
        assertThat(audio("0", "a=recvonly").direction().attributeName()).isEqualTo("recvonly");
        // a value attribute of that name is not the direction property
        assertThat(audio("0", "a=sendonly:x").direction()).isEqualTo(Direction.SENDRECV);
    }

    @Test
    void rtpmapWithoutClockRateIsKept() {
        // RFC 4475 sdp01 writes "a=rtpmap:31 LPC": the name is what the policy needs
        MediaDescription m = audio("31", "a=rtpmap:31 LPC");
        assertThat(m.codecs()).containsExactly(new RtpMap("31", "LPC", RtpMap.CLOCK_RATE_NOT_STATED, 1));
    }
}
