package org.clearline.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
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
 * test never reach another's callee. Assertions are soft: a failing call
 * reports every part of the flow that went wrong, not just the first.
 */
@Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
class CallIT {
    /** A callee ends a few seconds after its caller (timewait 2 s); after failed calls it may never end. */
    private static final Duration CALLEE_AFTER_CALLER = Duration.ofSeconds(20);
    private static final Duration CALLEE_AFTER_FAILED_CALLER = Duration.ofSeconds(5);

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
        server.stop(ClearlineProcess.QUICK_STOP);
        assertThat(server.stackTraceLines()).as("stack traces in %s", server.log()).isEmpty();
    }

    @Test
    void callsAreAuthenticatedRecordRoutedAndCompleted() {
        int calls = 20;
        try (SippRun callee = Flows.callee("uas_answer.xml", calls, Duration.ofSeconds(90))) {
            Flows.register(server, BOB, callee.localPort());

            SippResult caller = Flows.caller("call_uac.xml", server, ALICE, "bob", calls)
                    .arg("-d", "300", "-r", "10").timeout(Duration.ofSeconds(60)).run();
            SippResult answered = callee.await(calleeWait(caller));

            SoftAssertions soft = new SoftAssertions();
            // the first INVITE is challenged by the proxy (§22.3), the second gets through
            Map<String, List<Integer>> first = caller.trace().receivedStatusesForCseq("1 INVITE");
            Map<String, List<Integer>> second = caller.trace().receivedStatusesForCseq("2 INVITE");
            soft.assertThat(first).as("challenged INVITEs").hasSize(calls);
            soft.assertThat(first.values()).allSatisfy(s -> assertThat(s).filteredOn(c -> c >= 200).containsExactly(407));
            soft.assertThat(second).as("authenticated INVITEs").hasSize(calls);
            soft.assertThat(second.values()).allSatisfy(s -> assertThat(s).containsExactly(100, 180, 200));
            soft.assertThat(caller.trace().finalStatusesByCall("BYE").values()).as("BYE answers")
                    .hasSize(calls).allSatisfy(s -> assertThat(s).containsExactly(200));

            // the callee saw each call once, with the proxy in Record-Route (§16.6 step 4)
            soft.assertThat(answered.trace().callsReceived("INVITE")).as("INVITEs at the callee").isEqualTo(calls);
            soft.assertThat(answered.trace().callsReceived("ACK")).as("ACKs at the callee").isEqualTo(calls);
            soft.assertThat(answered.trace().callsReceived("BYE")).as("BYEs at the callee").isEqualTo(calls);
            answered.trace().requestsReceived("INVITE").stream().findFirst().map(TraceMessage::message)
                    .ifPresent(invite -> soft.assertThat(invite.header("Record-Route", null)).as("Record-Route")
                            .contains("127.0.0.1:" + server.port()).contains(";lr"));
            soft.assertThat(caller.succeeded()).as("caller: %s", caller.diagnostics()).isTrue();
            soft.assertThat(answered.succeeded()).as("callee: %s", answered.diagnostics()).isTrue();
            soft.assertAll();
        }
    }

    @Test
    void cancelWhileRingingGives200ForCancelAnd487ForInvite() {
        int calls = 3;
        try (SippRun callee = Flows.callee("uas_ring.xml", calls, Duration.ofSeconds(60))) {
            Flows.register(server, CAROL, callee.localPort());

            SippResult caller = Flows.caller("cancel_uac.xml", server, ALICE, "carol", calls)
                    .timeout(Duration.ofSeconds(40)).run();
            SippResult rang = callee.await(calleeWait(caller));

            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(caller.trace().receivedStatusesForCseq("2 CANCEL").values()).as("CANCEL answers")
                    .hasSize(calls).allSatisfy(s -> assertThat(s).containsExactly(200));
            soft.assertThat(caller.trace().receivedStatusesForCseq("2 INVITE").values()).as("INVITE answers")
                    .hasSize(calls).allSatisfy(s -> assertThat(s).contains(180).filteredOn(c -> c >= 200)
                            .containsExactly(487));
            // the proxy passed the CANCEL on to the ringing branch (§16.10)
            soft.assertThat(rang.trace().callsReceived("CANCEL")).as("CANCELs at the callee").isEqualTo(calls);
            soft.assertThat(caller.succeeded()).as("caller: %s", caller.diagnostics()).isTrue();
            soft.assertThat(rang.succeeded()).as("callee: %s", rang.diagnostics()).isTrue();
            soft.assertAll();
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
            SippResult rang = ringing.await(calleeWait(caller));
            SippResult answered = answering.await(calleeWait(caller));

            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(caller.trace().receivedStatusesForCseq("2 INVITE").values()).as("INVITE answers")
                    .hasSize(calls).allSatisfy(s -> assertThat(s).filteredOn(c -> c >= 200).containsExactly(200));
            // §16.7 step 10: once a 2xx is forwarded, the pending branches are CANCELled
            soft.assertThat(rang.trace().callsReceived("CANCEL")).as("CANCELs at the ringing branch").isEqualTo(calls);
            soft.assertThat(rang.succeeded()).as("ringing branch: %s", rang.diagnostics()).isTrue();
            soft.assertThat(answered.trace().callsReceived("ACK")).as("ACKs at the answering branch").isEqualTo(calls);
            soft.assertThat(answered.succeeded()).as("answering branch: %s", answered.diagnostics()).isTrue();
            soft.assertThat(caller.succeeded()).as("caller: %s", caller.diagnostics()).isTrue();
            soft.assertAll();
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
            SippResult refused = busy.await(calleeWait(caller));
            SippResult answered = answering.await(calleeWait(caller));

            SoftAssertions soft = new SoftAssertions();
            // §16.7 step 6: a 2xx beats the 486; the caller never sees the busy branch's answer
            soft.assertThat(caller.trace().receivedStatusesForCseq("2 INVITE").values()).as("INVITE answers")
                    .hasSize(calls).allSatisfy(s -> assertThat(s).doesNotContain(486)
                            .filteredOn(c -> c >= 200).containsExactly(200));
            soft.assertThat(refused.succeeded()).as("busy branch (486 acknowledged): %s", refused.diagnostics()).isTrue();
            soft.assertThat(answered.trace().callsReceived("ACK")).as("ACKs at the answering branch").isEqualTo(calls);
            soft.assertThat(answered.succeeded()).as("answering branch: %s", answered.diagnostics()).isTrue();
            soft.assertThat(caller.succeeded()).as("caller: %s", caller.diagnostics()).isTrue();
            soft.assertAll();
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
            SippResult answered = callee.await(caller.succeeded() ? Duration.ofSeconds(30) : CALLEE_AFTER_FAILED_CALLER);

            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(caller.trace().receivedStatusesForCseq("2 INVITE").values()).as("INVITE answers")
                    .hasSize(calls).allSatisfy(s -> assertThat(s).filteredOn(c -> c >= 200).containsExactly(200));
            // (no count of ACKs at the callee: when the ACK and the 200's repeats are all lost,
            // the BYE legitimately ends the 200's retransmission first)
            soft.assertThat(answered.trace().callsReceived("INVITE")).as("INVITEs at the callee").isEqualTo(calls);
            soft.assertThat(answered.trace().callsReceived("BYE")).as("BYEs at the callee").isEqualTo(calls);
            soft.assertThat(caller.trace().finalStatusesByCall("BYE").values()).as("BYE answers")
                    .hasSize(calls).allSatisfy(s -> assertThat(s).containsExactly(200));
            soft.assertThat(caller.succeeded()).as("caller: %s", caller.diagnostics()).isTrue();
            soft.assertThat(answered.succeeded()).as("callee: %s", answered.diagnostics()).isTrue();
            soft.assertAll();
        }
    }

    private static Duration calleeWait(SippResult caller) {
        return caller.succeeded() ? CALLEE_AFTER_CALLER : CALLEE_AFTER_FAILED_CALLER;
    }
}
