package org.clearline.syntax.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.syntax.sdp.Fixtures.error;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed bodies become an {@link SdpError} naming the line and what is wrong. */
class SdpErrorsTest {
    private static final String HEAD = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n";

    /** {@link #HEAD} plus one media line; the media line is line 6. */
    private static SdpError media(String mLine) {
        return error(HEAD + mLine + "\r\na=rtpmap:0 PCMU/8000\r\n");
    }

    @Test
    void missingVersionLine() {
        SdpError e = error("o=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\nm=audio 6000 RTP/AVP 0\r\n");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.reason()).isEqualTo("expected v=0 first, found 'o=- 1 1 IN IP4 192.0.2.1'");
        assertThat(e.describe()).isEqualTo("line 1: expected v=0 first, found 'o=- 1 1 IN IP4 192.0.2.1'");
    }

    @Test
    void unsupportedVersion() {
        assertThat(error("v=1\r\n" + HEAD.substring(5))).isEqualTo(new SdpError(1, "SDP version '1' is not supported (only v=0)"));
    }

    @Test
    void emptyAndBlankBodies() {
        assertThat(Sdp.parse(new byte[0])).isEqualTo(new SdpError(1, "body is empty, expected v=0"));
        assertThat(Sdp.parse("\r\n\r\n")).isEqualTo(new SdpError(1, "body is empty, expected v=0"));
        assertThat(Sdp.parse((byte[]) null)).isEqualTo(new SdpError(1, "no body"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "m=audio                                | m= needs <media> <port> <proto> <fmt>..., found 'audio'",
        "m=audio 6000                           | m= needs <media> <port> <proto> <fmt>..., found 'audio 6000'",
        "m=audio abc RTP/AVP 0                  | port 'abc' is not a number",
        "m=audio -1 RTP/AVP 0                   | port '-1' is not a number",
        "m=audio 70000 RTP/AVP 0                | port '70000' is out of range 0-65535",
        "m=audio 99999999999 RTP/AVP 0          | port '99999999999' is out of range 0-65535",
        "m=audio 6000/0 RTP/AVP 0               | number of ports '0' is not a positive number",
        "m=audio 6000 RTP/AVP                   | m= line lists no formats",
        "m=audio 6000 RTP/AVP 0 PCMA            | payload type 'PCMA' is not a number 0-127",
        "m=audio 6000 RTP/AVP 0 128             | payload type '128' is not a number 0-127",
        "m=audio 6000 RTP//AVP 0                | transport protocol 'RTP//AVP' is not <token>[/<token>...]",
        "m=au(dio 6000 RTP/AVP 0                | media type 'au(dio' is not a token",
    })
    void badMediaLines(String mLine, String reason) {
        assertThat(media(mLine)).isEqualTo(new SdpError(6, reason));
    }

    @Test
    void rejectedStreamMayListNoFormats() {
        SdpResult r = Sdp.parse(HEAD + "m=audio 6000 RTP/AVP 0\r\nm=video 0 RTP/AVP\r\n");
        assertThat(r).isInstanceOfSatisfying(SessionDescription.class,
                sd -> assertThat(sd.media().get(1).formats()).isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "s=-;c=IN IP4 192.0.2.1;t=0 0                      | 5 | missing o= line",
        "o=- 1 1 IN IP4 192.0.2.1;c=IN IP4 192.0.2.1;t=0 0 | 5 | missing s= line",
        "o=- 1 1 IN IP4 192.0.2.1;s=-;c=IN IP4 192.0.2.1   | 5 | missing t= line",
    })
    void missingMandatorySessionLinesAreReportedAtTheFirstMediaLine(String lines, int line, String reason) {
        String body = "v=0\r\n" + lines.replace(";", "\r\n") + "\r\nm=audio 6000 RTP/AVP 0\r\n";
        assertThat(error(body)).isEqualTo(new SdpError(line, reason));
    }

    @Test
    void missingLineWithoutMediaIsReportedPastTheEnd() {
        assertThat(error("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\n")).isEqualTo(new SdpError(4, "missing t= line"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "o=- 1 1 IN IP4                 | 2 | o= needs 6 fields (username sess-id sess-version nettype addrtype address), found 5 fields",
        "o=- 1 1 IN IP4 192.0.2.1 extra | 2 | o= needs 6 fields (username sess-id sess-version nettype addrtype address), found 7 fields",
        "c=IN IP4                       | 4 | c= needs 3 fields (nettype addrtype connection-address), found 2 fields",
        "t=now later                    | 5 | t= needs <start-time> <stop-time> as decimal numbers, found 'now later'",
        "t=0                            | 5 | t= needs <start-time> <stop-time> as decimal numbers, found '0'",
    })
    void badSessionLines(String replacement, int line, String reason) {
        String[] lines = HEAD.split("\r\n");
        lines[line - 1] = replacement;
        String body = String.join("\r\n", lines) + "\r\nm=audio 6000 RTP/AVP 0\r\n";
        assertThat(error(body)).isEqualTo(new SdpError(line, reason));
    }

    @Test
    void duplicateSessionLines() {
        assertThat(error(HEAD + "o=- 2 2 IN IP4 192.0.2.1\r\n")).isEqualTo(new SdpError(6, "second o= line"));
        assertThat(error(HEAD + "s=again\r\n")).isEqualTo(new SdpError(6, "second s= line"));
        assertThat(error(HEAD + "v=0\r\n")).isEqualTo(new SdpError(6, "second v= line"));
        assertThat(error(HEAD + "c=IN IP4 192.0.2.2\r\n")).isEqualTo(new SdpError(6, "second c= line at session level"));
    }

    @Test
    void repeatTimeBeforeTiming() {
        assertThat(error("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nr=7d 1h 0 25h\r\nt=0 0\r\n"))
                .isEqualTo(new SdpError(4, "r= line before any t= line"));
    }

    @Test
    void sessionLineInsideAMediaDescription() {
        assertThat(error(HEAD + "m=audio 6000 RTP/AVP 0\r\nt=0 0\r\n"))
                .isEqualTo(new SdpError(7, "t= is a session-level line and cannot follow an m= line"));
        // two descriptions pasted together are caught at the second v=
        assertThat(error(HEAD + "m=audio 6000 RTP/AVP 0\r\n" + HEAD).line()).isEqualTo(7);
    }

    @Test
    void connectionMissingAtSessionAndMediaLevel() {
        String body = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\n"
                + "m=audio 6000 RTP/AVP 0\r\nc=IN IP4 192.0.2.1\r\nm=video 6002 RTP/AVP 31\r\na=sendonly\r\n";
        assertThat(error(body)).isEqualTo(new SdpError(7, "no c= line in this media description and none at session level"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "v = 0                | 1 | expected <type>=<value>, found 'v = 0'",
        "V=0                  | 1 | expected <type>=<value>, found 'V=0'",
        "=0                   | 1 | expected <type>=<value>, found '=0'",
        "x                    | 1 | expected <type>=<value>, found 'x'",
        "<html>\"quoted\\\"</html> | 1 | expected <type>=<value>, found '<html>?quoted??</html>'",
    })
    void garbageLines(String first, int line, String reason) {
        assertThat(error(first + "\r\n" + HEAD)).isEqualTo(new SdpError(line, reason));
    }

    @Test
    void garbageInTheMiddleNamesItsLine() {
        assertThat(error(HEAD + "m=audio 6000 RTP/AVP 0\r\nthis is not sdp at all, it goes on and on\r\n"))
                .isEqualTo(new SdpError(7, "expected <type>=<value>, found 'this is not sdp at all, it goes ...'"));
    }

    @Test
    void controlCharactersMeanBinaryNotSdp() {
        assertThat(error(HEAD + "s\0=x\r\n")).isEqualTo(new SdpError(6, "control character 0x0 in line"));
        assertThat(error(HEAD + "a=tool:x\ry\r\n")).isEqualTo(new SdpError(6, "control character 0xd in line"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a=rtpmap:0                        | a=rtpmap needs <payload type> <encoding name>/<clock rate>, found '0'",
        "a=rtpmap                          | a=rtpmap needs <payload type> <encoding name>/<clock rate>, found ''",
        "a=rtpmap:x PCMU/8000              | a=rtpmap payload type 'x' is not a number 0-127",
        "a=rtpmap:0 PCMU/fast              | a=rtpmap clock rate 'fast' is not a positive number",
        "a=rtpmap:0 PCMU/0                 | a=rtpmap clock rate '0' is not a positive number",
        "a=rtpmap:0 PCMU/8000/stereo       | a=rtpmap channel count 'stereo' is not a number 1-255",
        "a=rtpmap:0 PCMU/8000/1/2          | a=rtpmap encoding 'PCMU/8000/1/2' is not <name>/<clock rate>[/<channels>]",
        "a=fmtp:                           | a=fmtp needs <format> <parameters>",
        "a=crypto:1 AES_CM_128_HMAC_SHA1_80 | a=crypto needs <tag> <crypto-suite> <key-params>, found 2 fields",
        "a=crypto:one AES_CM_128_HMAC_SHA1_80 inline:abc | a=crypto tag 'one' is not a number",
        "a=fingerprint:sha-256             | a=fingerprint needs <hash-func> <fingerprint>, found 1 field",
        "a=:x                              | a= line has no attribute name",
        "a=                                | a= line has no attribute name",
    })
    void badMediaAttributes(String attribute, String reason) {
        assertThat(error(HEAD + "m=audio 6000 RTP/AVP 0\r\n" + attribute + "\r\n")).isEqualTo(new SdpError(7, reason));
    }

    @Test
    void badSessionFingerprint() {
        assertThat(error(HEAD + "a=fingerprint\r\n"))
                .isEqualTo(new SdpError(6, "a=fingerprint needs <hash-func> <fingerprint>, found 0 fields"));
    }

    @Test
    void errorReasonsAreSafeForAWarningHeader() {
        String nasty = HEAD + "m=audio 6000 RTP/AVP 0 \"\\\u00e9\u4e2d\r\n";
        SdpError e = error(nasty);
        assertThat(e.reason()).isEqualTo("payload type '????' is not a number 0-127");
        assertThat(e.reason()).matches("[\\x20-\\x7E&&[^\"\\\\]]+");
    }
}
