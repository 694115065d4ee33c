package org.clearline.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.analyzer.CaptureFixturesTest.expect;

import java.util.Map;
import org.clearline.analyzer.diagnosis.FindingKind;
import org.clearline.analyzer.input.Endpoint;
import org.clearline.analyzer.report.CallSummary;
import org.clearline.failures.Situation;
import org.clearline.ladder.Lane;
import org.junit.jupiter.api.Test;

/**
 * Text logs: SIPp's own -trace_msg log of two of the UDP callers, and the UDP
 * capture's messages written the way sngrep, Kamailio's sipdump module and
 * Asterisk's pjsip logger write them. Each tells the same story as the capture.
 */
class TextLogFixturesTest {
    @Test
    void sippsMessageTrace() {
        AnalysisReport r = Fixtures.analyze("logs/sipp-trace_msg.log");
        assertThat(r.problems()).isEmpty();
        assertThat(r.sources().getFirst().format()).isEqualTo("text log");
        Map<String, CallSummary> calls = Fixtures.byCallee(r);
        expect(calls, "busy", 486, null);
        expect(calls, "register:wrongpass", 401, Situation.AUTH_WRONG_CREDENTIALS, FindingKind.AUTH_LOOP);
        assertThat(r.problemCalls().getFirst().ladder().lanes()).extracting(Lane::title).containsExactly("local", "remote");
    }

    @Test
    void sngrepText() {
        AnalysisReport r = Fixtures.analyze("logs/sngrep.txt");
        assertThat(r.problems()).isEmpty();
        CaptureFixturesTest.expectSippUdp(Fixtures.byCallee(r));
        assertThat(r.problemCalls().getFirst().ladder().lanes()).extracting(Lane::title).allMatch(c -> c.startsWith("127.0.0.1:"));
    }

    @Test
    void kamailioSipdump() {
        AnalysisReport r = Fixtures.analyze("logs/kamailio-sipdump.data");
        assertThat(r.problems()).isEmpty();
        CaptureFixturesTest.expectSippUdp(Fixtures.byCallee(r));
    }

    @Test
    void asteriskPjsipLogger() {
        AnalysisReport r = Fixtures.analyze("logs/asterisk-pjsip.log");
        assertThat(r.problems()).isEmpty();
        CaptureFixturesTest.expectSippUdp(Fixtures.byCallee(r));
        // Asterisk names only its peer: its own side is "local"
        assertThat(r.problemCalls().getFirst().ladder().lanes()).extracting(Lane::title).contains(Endpoint.LOCAL.toString());
    }

    @Test
    void theSameCallsTheCaptureHolds() {
        AnalysisReport capture = Fixtures.analyze("captures/sipp-udp.pcap");
        AnalysisReport log = Fixtures.analyze("logs/sngrep.txt");
        assertThat(log.calls()).extracting(CallSummary::callId).containsExactlyElementsOf(
                capture.calls().stream().map(CallSummary::callId).toList());
        assertThat(log.calls()).extracting(c -> c.diagnosis().label()).containsExactlyElementsOf(
                capture.calls().stream().map(c -> c.diagnosis().label()).toList());
    }
}
