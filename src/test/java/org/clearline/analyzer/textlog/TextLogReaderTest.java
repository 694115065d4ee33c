package org.clearline.analyzer.textlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.clearline.analyzer.Packets;
import org.clearline.analyzer.input.CapturedMessage;
import org.clearline.analyzer.input.Endpoint;
import org.clearline.analyzer.input.InputCounters;
import org.clearline.analyzer.input.Problems;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SyntaxLimits;
import org.junit.jupiter.api.Test;

/** Finding messages in logs: each format's framing lines, and logs that mangle what they print. */
class TextLogReaderTest {
    private final List<CapturedMessage> messages = new ArrayList<>();
    private final Problems problems = new Problems();

    private void read(String log) throws IOException {
        new TextLogReader("t.log", SyntaxLimits.DEFAULT, messages::add, problems, new InputCounters())
                .read(new ByteArrayInputStream(log.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static final String OPTIONS = Packets.options("c1@x", "z9hG4bK1");
    private static final String OK = Packets.ok("c1@x", "z9hG4bK1");
    private static final String INVITE = """
            INVITE sip:bob@example.com SIP/2.0\r
            Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK7\r
            From: <sip:alice@example.com>;tag=a\r
            To: <sip:bob@example.com>\r
            Call-ID: inv@x\r
            CSeq: 1 INVITE\r
            Content-Type: application/sdp\r
            Content-Length: 57\r
            \r
            v=0\r
            o=- 1 1 IN IP4 192.0.2.10\r
            s=-\r
            c=IN IP4 192.0.2.10\r
            """;

    @Test
    void sippMessageTraceGivesTimeAndDirection() throws IOException {
        read("----------------------------------------------- 2026-01-10\t10:00:00.250000\n"
                + "UDP message sent (" + OPTIONS.length() + " bytes):\n\n" + OPTIONS
                + "\n----------------------------------------------- 2026-01-10\t10:00:00.251000\n"
                + "UDP message received [" + OK.length() + "] bytes :\n\n" + OK);
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).source()).isEqualTo(Endpoint.LOCAL);
        assertThat(messages.get(0).destination()).isEqualTo(Endpoint.REMOTE);
        assertThat(messages.get(1).source()).isEqualTo(Endpoint.REMOTE);
        assertThat(messages.get(1).micros() - messages.get(0).micros()).isEqualTo(1000);
        assertThat(messages.get(0).micros()).isEqualTo(1_768_039_200_250_000L);
    }

    @Test
    void sngrepTextNamesBothAddresses() throws IOException {
        read("2026/01/10 10:00:00.100000 192.0.2.10:5060 -> 198.51.100.1:5060\n" + OPTIONS + "\n\n"
                + "2026/01/10 10:00:00.120000 198.51.100.1:5060 -> 192.0.2.10:5060\n" + OK + "\n\n");
        assertThat(messages).extracting(CapturedMessage::source)
                .containsExactly(new Endpoint("192.0.2.10", 5060), new Endpoint("198.51.100.1", 5060));
        assertThat(messages.get(1).destination()).isEqualTo(new Endpoint("192.0.2.10", 5060));
    }

    @Test
    void kamailioSipdumpBlocksCarryEverything() throws IOException {
        read("""
                ====================
                tag: rcv
                pid: 4242
                process: 3
                time: 1768039200.500000
                date: Sat Jan 10 10:00:00 2026
                proto: tcp ipv4
                srcip: 192.0.2.10
                srcport: 40000
                dstip: 198.51.100.1
                dstport: 5060
                ~~~~~~~~~~~~~~~~~~~~
                """ + OPTIONS + "||||||||||||||||||||\n");
        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(m.micros()).isEqualTo(1_768_039_200_500_000L);
            assertThat(m.transport()).isEqualTo("TCP");
            assertThat(m.source()).isEqualTo(new Endpoint("192.0.2.10", 40000));
            assertThat(m.destination()).isEqualTo(new Endpoint("198.51.100.1", 5060));
        });
    }

    @Test
    void asteriskLoggersNameThePeer() throws IOException {
        read("[2026-01-10 10:00:00.100] VERBOSE[123][C-00000001] res_pjsip_logger.c: "
                + "<--- Received SIP request (412 bytes) from UDP:192.0.2.10:5060 --->\n" + OPTIONS + "\n"
                + "[2026-01-10 10:00:00.101] VERBOSE[123][C-00000001] res_pjsip_logger.c: "
                + "<--- Transmitting SIP response (300 bytes) to UDP:192.0.2.10:5060 --->\n" + OK + "\n"
                + "[Jan 10 10:00:01] VERBOSE[77] chan_sip.c: <--- SIP read from UDP:[2001:db8::5]:5062 --->\n" + OPTIONS
                + "\n<------------->\n");
        assertThat(messages).hasSize(3);
        assertThat(messages.get(0).source()).isEqualTo(new Endpoint("192.0.2.10", 5060));
        assertThat(messages.get(0).destination()).isEqualTo(Endpoint.LOCAL);
        assertThat(messages.get(1).destination()).isEqualTo(new Endpoint("192.0.2.10", 5060));
        assertThat(messages.get(2).source()).isEqualTo(new Endpoint("2001:db8::5", 5062));
        assertThat(messages.get(1).micros() - messages.get(0).micros()).isEqualTo(1000);
    }

    @Test
    void aBodyIsReadByContentLengthEvenWhenTheLogLostItsLineEnds() throws IOException {
        read("some log line before\n" + INVITE.replace("\r\n", "\n") + "next log line after\n");
        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(((SipRequest) m.message()).method()).isEqualTo("INVITE");
            assertThat(new String(m.message().body(), StandardCharsets.ISO_8859_1)).startsWith("v=0\r\no=-").hasSize(57);
            assertThat(m.defect()).isNull();
        });
    }

    @Test
    void aContentLengthLargerThanThePrintedBodyIsCorrected() throws IOException {
        read(INVITE.replace("Content-Length: 57", "Content-Length: 90") + "\n\n");
        assertThat(messages).singleElement().satisfies(m -> assertThat(m.defect()).isNull());
    }

    @Test
    void withoutAnyAddressTheViaNamesTheSender() throws IOException {
        read(OPTIONS + "\n" + OK);
        assertThat(messages.get(0).source()).isEqualTo(new Endpoint("192.0.2.10", 5060));
        assertThat(messages.get(1).destination()).isEqualTo(new Endpoint("192.0.2.10", 5060));
        assertThat(messages.get(0).micros()).isEqualTo(-1);
    }

    @Test
    void binaryLinesAreSkippedAndNoted() throws IOException {
        read("\u0000\u0001\u0002garbage\n" + OPTIONS);
        assertThat(messages).hasSize(1);
        assertThat(problems.lines()).containsExactly("t.log: 1 lines hold binary data (NUL bytes); they were skipped");
    }

    @Test
    void startLinesAreRecognised() {
        assertThat(TextLogReader.isStartLine("INVITE sip:bob@x SIP/2.0")).isTrue();
        assertThat(TextLogReader.isStartLine("SIP/2.0 486 Busy Here")).isTrue();
        assertThat(TextLogReader.isStartLine("SIP/2.0 999 Nope")).isFalse();
        assertThat(TextLogReader.isStartLine("GET / HTTP/1.1")).isFalse();
        assertThat(TextLogReader.isStartLine("note: INVITE sip:bob@x SIP/2.0")).isFalse();
    }

    @Test
    void timeStampsOfEachStyle() {
        assertThat(LogTimes.find("x 2026-01-10 10:00:00.5 y")).isEqualTo(1_768_039_200_500_000L);
        assertThat(LogTimes.find("2026/01/10 10:00:00")).isEqualTo(1_768_039_200_000_000L);
        assertThat(LogTimes.find("2026-01-10T10:00:00.123456789Z")).isEqualTo(1_768_039_200_123_456L);
        assertThat(LogTimes.find("[Jan 10 10:00:00]")).isEqualTo(777_600_000_000L + 36_000_000_000L);
        assertThat(LogTimes.find("2026-02-31 10:00:00")).isEqualTo(-1);
        assertThat(LogTimes.epoch("1768039200.000001")).isEqualTo(1_768_039_200_000_001L);
        assertThat(LogTimes.find("no time here")).isEqualTo(-1);
    }
}
