package org.clearline.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.clearline.interop.harness.ClearlineProcess;
import org.clearline.interop.harness.Flows;
import org.clearline.interop.harness.ServerConfig;
import org.clearline.interop.harness.SippResult;
import org.clearline.interop.harness.SippRun;
import org.clearline.interop.harness.TestAccount;
import org.clearline.interop.harness.TraceMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Calls through the proxy between SIPp UAs (RFC 3261 §16): authentication of
 * the caller, record-routing, CANCEL, parallel forking, and retransmissions
 * over a lossy path. Each test uses its own callee account, so bindings of one
 * test never reach another's callee.
 */
@Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
class CallIT {
    private static final TestAccount ALICE = TestAccount.of("alice", "+493012345001");
    private static final TestAccount BOB = TestAccount.of("bob", "+493012345002");
    private static final TestAccount CAROL = TestAccount.of("carol", "+493012345003");
    private static final TestAccount DAVE = TestAccount.of("dave", "+493012345004");
    private static final TestAccount ERIN = TestAccount.of("erin", "+493012345005");
    private static final TestAccount GINA = TestAccount.of("gina", "+493012345007");

    private static ClearlineProcess server;

    @BeforeAll
    static void startServer() {
        server = ClearlineProcess.start("call-it",
                ServerConfig.onFreePort(List.of(ALICE, BOB, CAROL, DAVE, ERIN, GINA)));
    }

    @AfterAll
    static void stopServer() {
        if (server == null) return;
        server.stop();
        assertThat(server.stackTraceLines()).as("stack traces in %s", server.log()).isEmpty();
    }

    @Test
    void callsAreAuthenticatedRecordRoutedAndCompleted() {
        int calls = 20;
        try (SippRun callee = Flows.callee("uas_answer.xml", calls, Duration.ofSeconds(90))) {
            Flows.register(server, BOB, callee.localPort());

            SippResult caller = Flows.caller("call_uac.xml", server, ALICE, "bob", calls)
                    .arg("-d", "300", "-r", "10").timeout(Duration.ofSeconds(60)).run();
            SippResult answered = callee.await();

            assertThat(caller.succeeded()).as("caller: %s", caller.diagnostics()).isTrue();
            assertThat(answered.succeeded()).as("callee: %s", answered.diagnostics()).isTrue();

            // the first INVITE is challenged by the proxy (§22.3), the second gets through
            Map<String, List<Integer>> first = caller.trace().receivedStatusesForCseq("1 INVITE");
            Map<String, List<Integer>> second = caller.trace().receivedStatusesForCseq("2 INVITE");
            assertThat(first).hasSize(calls);
            assertThat(first.values()).allSatisfy(s -> assertThat(s).filteredOn(c -> c >= 200).containsExactly(407));
            assertThat(second).hasSize(calls);
            assertThat(second.values()).allSatisfy(s -> assertThat(s).containsExactly(100, 180, 200));
            assertThat(caller.trace().finalStatusesByCall("BYE").values())
                    .hasSize(calls).allSatisfy(s -> assertThat(s).containsExactly(200));

            // the callee saw each call once, with the proxy in Record-Route (§16.6 step 4)
            assertThat(answered.trace().callsReceived("INVITE")).isEqualTo(calls);
            assertThat(answered.trace().callsReceived("ACK")).isEqualTo(calls);
            assertThat(answered.trace().callsReceived("BYE")).isEqualTo(calls);
            TraceMessage invite = answered.trace().requestsReceived("INVITE").get(0);
            assertThat(invite.header("Record-Route")).contains("127.0.0.1:" + server.port()).contains(";lr");
            // ACK and BYE came through the proxy too (route set of the dialog)
            assertThat(caller.trace().sent().stream().filter(m -> "BYE".equals(m.method())).findFirst().orElseThrow()
                    .header("Route")).contains("127.0.0.1:" + server.port());
        }
    }

    @Test
    void cancelWhileRingingGives200ForCancelAnd487ForInvite() {
        int calls = 3;
        try (SippRun callee = Flows.callee("uas_ring.xml", calls, Duration.ofSeconds(60))) {
            Flows.register(server, CAROL, callee.localPort());

            SippResult caller = Flows.caller("cancel_uac.xml", server, ALICE, "carol", calls)
                    .timeout(Duration.ofSeconds(40)).run();
            SippResult rang = callee.await();

            assertThat(caller.succeeded()).as("caller: %s", caller.diagnostics()).isTrue();
            assertThat(rang.succeeded()).as("callee: %s", rang.diagnostics()).isTrue();
            assertThat(caller.trace().receivedStatusesForCseq("2 CANCEL").values())
                    .hasSize(calls).allSatisfy(s -> assertThat(s).containsExactly(200));
            assertThat(caller.trace().receivedStatusesForCseq("2 INVITE").values())
                    .hasSize(calls).allSatisfy(s -> assertThat(s).contains(180).filteredOn(c -> c >= 200)
                            .containsExactly(487));
            // the proxy passed the CANCEL on to the ringing branch (§16.10)
            assertThat(rang.trace().callsReceived("CANCEL")).isEqualTo(calls);
        }
    }

    @Test
    void forkingToARingingAndAnAnsweringContactConnectsAndCancelsTheOther() {
        int calls = 3;
        try (SippRun ringing = Flows.callee("uas_ring.xml", calls, Duration.ofSeconds(60));
                SippRun answering = Flows.callee("uas_answer.xml", calls, Duration.ofSeconds(60))) {
            Flows.register(server, DAVE, List.of(ringing.localPort(), answering.localPort()));

            SippResult caller = Flows.caller("call_uac.xml", server, ALICE, "dave", calls)
                    .arg("-d", "300").timeout(Duration.ofSeconds(40)).run();
            SippResult rang = ringing.await();
            SippResult answered = answering.await();

            assertThat(caller.succeeded()).as("caller: %s", caller.diagnostics()).isTrue();
            assertThat(caller.trace().receivedStatusesForCseq("2 INVITE").values())
                    .hasSize(calls).allSatisfy(s -> assertThat(s).filteredOn(c -> c >= 200).containsExactly(200));
            assertThat(answered.succeeded()).as("answering branch: %s", answered.diagnostics()).isTrue();
            // §16.7 step 10: once a 2xx is forwarded, the pending branches are CANCELled
            assertThat(rang.succeeded()).as("ringing branch: %s", rang.diagnostics()).isTrue();
            assertThat(rang.trace().callsReceived("CANCEL")).isEqualTo(calls);
        }
    }

    @Test
    void forkingToABusyAndAnAnsweringContactConnects() {
        int calls = 3;
        try (SippRun busy = Flows.callee("uas_busy.xml", calls, Duration.ofSeconds(60));
                SippRun answering = Flows.callee("uas_answer.xml", calls, Duration.ofSeconds(60))) {
            Flows.register(server, ERIN, List.of(busy.localPort(), answering.localPort()));

            SippResult caller = Flows.caller("call_uac.xml", server, ALICE, "erin", calls)
                    .arg("-d", "300").timeout(Duration.ofSeconds(40)).run();
            SippResult refused = busy.await();
            SippResult answered = answering.await();

            assertThat(caller.succeeded()).as("caller: %s", caller.diagnostics()).isTrue();
            // §16.7 step 6: a 2xx beats the 486; the caller never sees the busy branch's answer
            assertThat(caller.trace().receivedStatusesForCseq("2 INVITE").values())
                    .hasSize(calls).allSatisfy(s -> assertThat(s).doesNotContain(486)
                            .filteredOn(c -> c >= 200).containsExactly(200));
            assertThat(answered.succeeded()).as("answering branch: %s", answered.diagnostics()).isTrue();
            assertThat(refused.succeeded()).as("busy branch (486 acknowledged): %s", refused.diagnostics()).isTrue();
        }
    }

    @Test
    void callsCompleteDespiteTenPercentLossOnBothSides() {
        int calls = 30;
        // SIPp drops 10% of what it sends and receives, on both ends; the proxy's
        // transactions (§17.1.1.2 Timer A, §17.2.1 Timer G) must make up for it
        try (SippRun callee = Flows.callee("uas_answer.xml", calls, Duration.ofSeconds(150), "-lost", "10")) {
            Flows.register(server, GINA, callee.localPort());

            SippResult caller = Flows.caller("call_uac.xml", server, ALICE, "gina", calls)
                    .arg("-lost", "10", "-d", "1000", "-r", "10").timeout(Duration.ofSeconds(120)).run();
            SippResult answered = callee.await();

            assertThat(caller.succeeded()).as("caller: %s", caller.diagnostics()).isTrue();
            assertThat(answered.succeeded()).as("callee: %s", answered.diagnostics()).isTrue();
            assertThat(caller.trace().receivedStatusesForCseq("2 INVITE").values())
                    .hasSize(calls).allSatisfy(s -> assertThat(s).filteredOn(c -> c >= 200).containsExactly(200));
            assertThat(caller.trace().finalStatusesByCall("BYE").values())
                    .hasSize(calls).allSatisfy(s -> assertThat(s).containsExactly(200));
        }
    }
}
