package org.clearline.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.clearline.analyzer.diagnosis.Diagnosis;
import org.clearline.analyzer.diagnosis.Finding;
import org.clearline.analyzer.diagnosis.FindingKind;
import org.clearline.analyzer.diagnosis.Outcome;
import org.clearline.analyzer.report.CallSummary;
import org.clearline.failures.Situation;
import org.junit.jupiter.api.Test;

/**
 * Captures recorded with dumpcap of SIPp scenarios (make-captures.sh): each
 * call is diagnosed with the situation its scenario plays. Calls through a
 * running Clearline are also checked against the situation the server itself
 * logged for them.
 */
class CaptureFixturesTest {
    static void expect(Map<String, CallSummary> calls, String callee, int code, Situation situation, FindingKind... findings) {
        assertThat(calls).as("calls").containsKey(callee);
        Diagnosis d = calls.get(callee).diagnosis();
        assertThat(d.code()).as(callee + " code").isEqualTo(code);
        assertThat(d.situation()).as(callee + " situation").isEqualTo(situation);
        assertThat(d.findings()).extracting(Finding::kind).as(callee + " findings").containsExactly(findings);
    }

    static Finding finding(Map<String, CallSummary> calls, String callee, FindingKind kind) {
        return calls.get(callee).diagnosis().findings().stream().filter(f -> f.kind() == kind).findFirst().orElseThrow();
    }

    /** The SIPp callee plays a failure for each caller, over UDP; also the expectations of the logs made from it. */
    static void expectSippUdp(Map<String, CallSummary> calls) {
        expect(calls, "busy", 486, null);
        assertThat(calls.get("busy").diagnosis().label()).isEqualTo("code.486");
        expect(calls, "nobody", 404, Situation.CALLEE_UNKNOWN);
        expect(calls, "g722only", 488, Situation.MEDIA_CODEC_NOT_ALLOWED, FindingKind.CODEC_MISMATCH);
        assertThat(finding(calls, "g722only", FindingKind.CODEC_MISMATCH).facts())
                .containsEntry("offered", "PCMU, PCMA").containsEntry("accepted", "G722");
        expect(calls, "firewalled", 0, Situation.CALLEE_NO_ANSWER, FindingKind.NO_RESPONSE);
        assertThat(calls.get("firewalled").diagnosis().outcome()).isEqualTo(Outcome.NO_RESPONSE);
        assertThat(finding(calls, "firewalled", FindingKind.NO_RESPONSE).facts()).containsEntry("copies", "4");
        expect(calls, "register:wrongpass", 401, Situation.AUTH_WRONG_CREDENTIALS, FindingKind.AUTH_LOOP);
        assertThat(finding(calls, "register:wrongpass", FindingKind.AUTH_LOOP).facts())
                .containsEntry("user", "wrongpass").containsEntry("attempts", "2");
        expect(calls, "looped", 482, Situation.REQUEST_LOOP, FindingKind.VIA_LOOP);
        assertThat(finding(calls, "looped", FindingKind.VIA_LOOP).facts()).containsEntry("hop", "proxy.analyzer.test:5060");
        expect(calls, "moved", 302, Situation.CALLEE_MOVED_TEMPORARILY, FindingKind.REDIRECT_NOT_FOLLOWED);
        expect(calls, "declines", 603, Situation.CALLEE_REJECTED);
        assertThat(calls).hasSize(8);
    }

    @Test
    void sippAgainstSippOverUdpInPcap() {
        AnalysisReport r = Fixtures.analyze("captures/sipp-udp.pcap");
        assertThat(r.problems()).isEmpty();
        assertThat(r.sources()).singleElement().satisfies(s -> {
            assertThat(s.format()).isEqualTo("pcap");
            assertThat(s.detail()).isEqualTo("Ethernet");
        });
        assertThat(r.input().sipMessages()).isEqualTo(r.input().packets());
        expectSippUdp(Fixtures.byCallee(r));
        assertThat(r.counts().problems()).isEqualTo(8);
    }

    @Test
    void sippAgainstSippOverTcpInPcapng() {
        AnalysisReport r = Fixtures.analyze("captures/sipp-tcp.pcapng");
        assertThat(r.problems()).isEmpty();
        assertThat(r.sources().getFirst().format()).isEqualTo("pcapng");
        assertThat(r.input().tcpStreams()).isGreaterThanOrEqualTo(10);
        Map<String, CallSummary> calls = Fixtures.byCallee(r);
        expect(calls, "busy", 486, null);
        expect(calls, "nobody", 404, Situation.CALLEE_UNKNOWN);
        expect(calls, "g722only", 488, Situation.MEDIA_CODEC_NOT_ALLOWED, FindingKind.CODEC_MISMATCH);
        // over TCP nothing is resent: one INVITE, and the trace went on for more than Timer B's 32 s
        expect(calls, "firewalled", 0, Situation.CALLEE_NO_ANSWER, FindingKind.NO_RESPONSE);
        assertThat(finding(calls, "firewalled", FindingKind.NO_RESPONSE).facts()).containsEntry("copies", "1");
        expect(calls, "register:wrongpass", 401, Situation.AUTH_WRONG_CREDENTIALS, FindingKind.AUTH_LOOP);
        expect(calls, "answers", 200, null);
        assertThat(calls.get("answers").diagnosis().problem()).isFalse();
        assertThat(r.calls()).allSatisfy(c -> assertThat(c.retransmissions()).isZero());
    }

    @Test
    void dialogProblemsInLinuxCookedV2() {
        AnalysisReport r = Fixtures.analyze("captures/sipp-dialogs-sll2.pcapng");
        assertThat(r.problems()).isEmpty();
        assertThat(r.sources().getFirst().detail()).isEqualTo("Linux cooked (SLL2)");
        Map<String, CallSummary> calls = Fixtures.byCallee(r);
        expect(calls, "answers", 200, null);
        expect(calls, "natted", 200, null, FindingKind.PRIVATE_ADDRESS);
        assertThat(finding(calls, "natted", FindingKind.PRIVATE_ADDRESS).facts()).containsEntry("where", "SDP c=")
                .containsEntry("address", "192.168.1.50").containsEntry("sender", "127.0.0.1");
        expect(calls, "byegone", 200, Situation.DIALOG_UNKNOWN, FindingKind.BYE_UNKNOWN_DIALOG);
        expect(calls, "race", 200, null, FindingKind.CANCEL_RACE);
        assertThat(finding(calls, "race", FindingKind.CANCEL_RACE).facts()).containsKey("after");
        expect(calls, "noack", 200, null, FindingKind.ACK_MISSING);
        Map<String, String> noAck = finding(calls, "noack", FindingKind.ACK_MISSING).facts();
        assertThat(noAck).containsEntry("copies", "11");
        assertThat(Double.parseDouble(noAck.get("bye"))).isBetween(31.0, 34.0);
    }

    /** The calls through Clearline, the same over UDP and TCP, each playing a situation of the catalogue. */
    static void expectClearline(Map<String, CallSummary> calls) {
        expect(calls, "register:bob", 200, null);
        expect(calls, "carol", 480, Situation.CALLEE_OFFLINE);           // do-not-disturb looks like offline to a caller
        expect(calls, "ken", 480, Situation.CALLEE_OFFLINE);
        expect(calls, "+493012345099", 404, Situation.NUMBER_NO_ROUTE);
        expect(calls, "judy", 488, Situation.MEDIA_CODEC_NOT_ALLOWED, FindingKind.CODEC_MISMATCH);
        assertThat(finding(calls, "judy", FindingKind.CODEC_MISMATCH).facts()).containsEntry("offered", "PCMU, PCMA")
                .containsEntry("accepted", "G722");
        expect(calls, "erin", 301, Situation.CALLEE_MOVED_PERMANENTLY, FindingKind.REDIRECT_NOT_FOLLOWED);
        expect(calls, "grace", 482, Situation.FORWARD_LOOP);
        expect(calls, "ivan", 603, Situation.CALLEE_REJECTED);
        expect(calls, "+494012345", 503, Situation.TRUNK_UNREACHABLE);
        expect(calls, "register:peggy", 401, Situation.AUTH_WRONG_CREDENTIALS, FindingKind.AUTH_LOOP);
        assertThat(calls.get("bob").diagnosis().outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void callsThroughClearlineOverUdpInLinuxCookedV1() throws IOException {
        AnalysisReport r = Fixtures.analyze("captures/clearline-udp.pcap");
        assertThat(r.problems()).isEmpty();
        assertThat(r.sources().getFirst().detail()).isEqualTo("Linux cooked (SLL)");
        Map<String, CallSummary> calls = Fixtures.byCallee(r);
        expectClearline(calls);
        expect(calls, "bob", 200, null);
        agreesWithTheServer(r, "captures/clearline-udp.server-calls.txt");
    }

    @Test
    void callsThroughClearlineOverTcpWithAStaleRegistration() throws IOException {
        AnalysisReport r = Fixtures.analyze("captures/clearline-tcp.pcapng");
        assertThat(r.problems()).isEmpty();
        Map<String, CallSummary> calls = Fixtures.byCallee(r);
        expectClearline(calls);
        // bob registered twice (an old contact lives on); he answered on the new one, and the
        // proxy's branch to the stale contact was never answered
        expect(calls, "register:bob#2", 200, null);
        expect(calls, "bob", 200, null, FindingKind.NO_RESPONSE);
        assertThat(finding(calls, "bob", FindingKind.NO_RESPONSE).situation()).isNull();
        agreesWithTheServer(r, "captures/clearline-tcp.server-calls.txt");
    }

    /** The analyzer names the situation the server logged for each call it failed (and none for the answered ones). */
    private static void agreesWithTheServer(AnalysisReport r, String serverLog) throws IOException {
        List<String> lines = Files.readAllLines(Fixtures.path(serverLog));
        assertThat(lines).hasSizeGreaterThanOrEqualTo(9);
        for (String line : lines) {
            String[] f = line.strip().split(" ");
            CallSummary c = r.call(f[0]).orElseThrow(() -> new AssertionError("no call " + f[0]));
            assertThat(c.diagnosis().code()).as(f[0]).isEqualTo(Integer.parseInt(f[1]));
            String logged = f.length > 2 ? f[2] : null;
            if (logged == null) continue;
            if (logged.equals("callee.dnd")) logged = "callee.offline"; // told apart only inside the server (privacy)
            assertThat(c.diagnosis().situation()).as(f[0]).isNotNull();
            assertThat(c.diagnosis().situation().id()).as(f[0] + " situation").isEqualTo(logged);
        }
    }
}
