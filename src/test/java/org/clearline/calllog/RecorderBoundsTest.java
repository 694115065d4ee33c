package org.clearline.calllog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.calllog.LogFixtures.ALICE;
import static org.clearline.calllog.LogFixtures.drain;
import static org.clearline.calllog.LogFixtures.drainClosed;
import static org.clearline.calllog.LogFixtures.invite;
import static org.clearline.calllog.LogFixtures.inviteResponse;
import static org.clearline.calllog.LogFixtures.receive;
import static org.clearline.calllog.LogFixtures.send;

import java.util.List;
import org.clearline.failures.Situation;
import org.clearline.store.CallRecord;
import org.clearline.store.StoreException;
import org.clearline.syntax.SipRequest;
import org.clearline.time.ManualClock;
import org.junit.jupiter.api.Test;

/** The ladders policy and the recorder's memory bounds, on calls. */
class RecorderBoundsTest {
    private final ManualClock clock = new ManualClock();

    @Test
    void withoutLaddersACallKeepsItsTimingsButNoBytes() throws Exception {
        LogQueue queue = new LogQueue(10);
        CallLogRecorder recorder = new CallLogRecorder(queue, clock, CallLogSettings.Ladders.NONE);
        SipRequest invite = receive(recorder, invite("n1", 1), ALICE, 10_000);
        send(recorder, inviteResponse("n1", 1, "180 Ringing"), ALICE, 10_300);
        assertThat(queue.heldBytes()).isZero();
        send(recorder, inviteResponse("n1", 1, "486 Busy Here"), ALICE, 14_300);
        recorder.ended(invite, 486, null);

        CallRecord r = Records.call((Pending.Call) drainClosed(recorder, queue).get(0));
        assertThat(r.code()).isEqualTo(486);
        assertThat(r.postDialMillis()).isEqualTo(300);
        assertThat(r.ringMillis()).isEqualTo(4_000);
        assertThat(r.messages()).isEmpty();
        assertThat(r.messagesDropped()).isZero();
    }

    @Test
    void withLaddersForFailedOnlyAnAnsweredCallKeepsNone() throws Exception {
        LogQueue queue = new LogQueue(10);
        CallLogRecorder recorder = new CallLogRecorder(queue, clock, CallLogSettings.Ladders.FAILED);
        SipRequest ok = receive(recorder, invite("f1", 1), ALICE, 0);
        send(recorder, inviteResponse("f1", 1, "200 OK"), ALICE, 5);
        recorder.ended(ok, 200, null);
        recorder.ended((SipRequest) LogFixtures.parse(LogFixtures.bye("f1", 2)), 200, null);
        SipRequest busy = receive(recorder, invite("f2", 1), ALICE, 0);
        recorder.ended(busy, 486, null);

        List<Pending> closed = drainClosed(recorder, queue);
        assertThat(closed).extracting(p -> Records.call((Pending.Call) p).messages().size()).containsExactly(0, 1);
        assertThat(queue.heldBytes()).isEqualTo(closed.get(1).heldBytes());
    }

    @Test
    void withLaddersForFailedAnAnsweredCallLetsGoOfItsMessagesWhenAnsweredNotAtTheBye() throws Exception {
        LogQueue queue = new LogQueue(10);
        CallLogRecorder recorder = new CallLogRecorder(queue, clock, CallLogSettings.Ladders.FAILED);
        SipRequest invite = receive(recorder, invite("g1", 1), ALICE, 0);
        send(recorder, inviteResponse("g1", 1, "180 Ringing"), ALICE, 5);
        assertThat(queue.heldBytes()).as("it may still fail: its messages are held").isPositive();
        send(recorder, inviteResponse("g1", 1, "200 OK"), ALICE, 10);
        recorder.ended(invite, 200, null);
        assertThat(queue.heldBytes()).as("answered: no ladder will be kept, the bytes go back now").isZero();
        send(recorder, inviteResponse("g1", 1, "200 OK"), ALICE, 510);  // a 2xx retransmission, §13.3.1.4
        assertThat(queue.heldBytes()).isZero();
        recorder.ended((SipRequest) LogFixtures.parse(LogFixtures.bye("g1", 2)), 200, null);

        CallRecord r = Records.call((Pending.Call) drainClosed(recorder, queue).get(0));
        assertThat(r.code()).isEqualTo(200);
        assertThat(r.postDialMillis()).isEqualTo(5);
        assertThat(r.messages()).isEmpty();
        assertThat(r.messagesDropped()).as("the policy's choice, not a loss").isZero();
        assertThat(queue.messagesNotKept()).isZero();
    }

    @Test
    void theByteBudgetCapsWhatCallsInProgressHold() throws Exception {
        int one = invite("b0", 1).length();
        LogQueue queue = new LogQueue(10, 2L * one + 10);  // room for two INVITEs
        CallLogRecorder recorder = new CallLogRecorder(queue, clock);
        SipRequest[] invites = new SipRequest[3];
        for (int i = 0; i < 3; i++) invites[i] = receive(recorder, invite("b" + i, 1), ALICE, 0);
        assertThat(queue.heldBytes()).isEqualTo(2L * one);
        for (int i = 0; i < 3; i++) recorder.ended(invites[i], 404, Situation.byId("number.no-route"));

        List<Pending> closed = drainClosed(recorder, queue);
        assertThat(closed).extracting(p -> ((Pending.Call) p).entries().size()).containsExactly(1, 1, 0);
        assertThat(closed).extracting(p -> ((Pending.Call) p).dropped()).containsExactly(0, 0, 1);
        // once written (or refused by the store), the bytes are free again
        CallLogWriter writer = new CallLogWriter(queue, new RefusingStore());
        writer.write(closed);
        assertThat(queue.heldBytes()).isZero();
    }

    @Test
    void aFinalResponseNobodyReportedIsClosedAfterAWhile() throws Exception {
        LogQueue queue = new LogQueue(10);
        CallLogRecorder recorder = new CallLogRecorder(queue, clock);
        receive(recorder, invite("o1", 1), ALICE, 0);
        // refused before routing (overload, maintenance): a final goes out, no outcome is reported
        send(recorder, inviteResponse("o1", 1, "503 Service Unavailable"), ALICE, 2);
        assertThat(recorder.sweep(CallLogRecorder.ORPHAN_FINAL_MILLIS)).isZero();
        assertThat(recorder.sweep(CallLogRecorder.ORPHAN_FINAL_MILLIS + 3)).isOne();
        assertThat(Records.call((Pending.Call) drain(queue).get(0)).code()).isEqualTo(503);
    }

    @Test
    void aRetransmittedInviteAfterTheCallClosedStartsNoNewCall() throws Exception {
        LogQueue queue = new LogQueue(10);
        CallLogRecorder recorder = new CallLogRecorder(queue, clock);
        SipRequest invite = receive(recorder, invite("r1", 1), ALICE, 0);
        recorder.ended(invite, 486, null);
        // while the failed call lingers for its ACK, a copy of its INVITE joins its ladder
        receive(recorder, invite("r1", 1), ALICE, 300);
        assertThat(recorder.callsInProgress()).isOne();
        assertThat(recorder.closeLingering(clock.epochMillis() + CallLogRecorder.LINGER_MAX_MILLIS)).isOne();
        // after it closed, a late copy starts no new call
        receive(recorder, invite("r1", 1), ALICE, 4_600);
        assertThat(recorder.callsInProgress()).isZero();
        List<Pending> closed = drain(queue);
        assertThat(closed).hasSize(1);
        assertThat(((Pending.Call) closed.get(0)).entries()).hasSize(2);
    }

    @Test
    void aCallBegunWhileLeanKeepsItsSummaryButNoMessagesAndOneBegunBeforeKeepsItsOwn() throws Exception {
        LogQueue queue = new LogQueue(10);
        CallLogRecorder recorder = new CallLogRecorder(queue, clock);
        SipRequest before = receive(recorder, invite("l1", 1), ALICE, 0);
        queue.lean(true);  // the server ran short of memory
        SipRequest during = receive(recorder, invite("l2", 1), ALICE, 0);
        long heldByFirst = invite("l1", 1).length();
        assertThat(queue.heldBytes()).as("the lean call holds nothing").isEqualTo(heldByFirst);
        for (String id : List.of("l1", "l2")) {
            send(recorder, inviteResponse(id, 1, "180 Ringing"), ALICE, 200);
            send(recorder, inviteResponse(id, 1, "486 Busy Here"), ALICE, 1_200);
        }
        recorder.ended(before, 486, Situation.byId("callee.call-limit"));
        recorder.ended(during, 486, Situation.byId("callee.call-limit"));
        queue.lean(false);  // memory is back: the next call keeps its messages again
        SipRequest after = receive(recorder, invite("l3", 1), ALICE, 2_000);
        recorder.ended(after, 404, Situation.byId("number.no-route"));

        List<CallRecord> calls = drainClosed(recorder, queue).stream()
                .map(p -> Records.call((Pending.Call) p)).toList();
        assertThat(calls).extracting(CallRecord::callId).containsExactly("l1", "l2", "l3");
        assertThat(calls).extracting(c -> c.messages().size()).containsExactly(3, 0, 1);
        assertThat(calls).extracting(CallRecord::messagesDropped).containsExactly(0, 3, 0);
        CallRecord lean = calls.get(1);
        assertThat(lean.code()).isEqualTo(486);
        assertThat(lean.situation()).isEqualTo("callee.call-limit");
        assertThat(lean.postDialMillis()).as("timings come from the trace, not the ladder").isEqualTo(200);
        assertThat(lean.ringMillis()).isEqualTo(1_000);
        assertThat(queue.messagesNotKept()).isEqualTo(3);
    }

    @Test
    void aRegistrationAttemptBegunWhileLeanIsLoggedWithoutItsMessages() throws Exception {
        LogQueue queue = new LogQueue(10);
        queue.lean(true);
        CallLogRecorder recorder = new CallLogRecorder(queue, clock);
        SipRequest register = receive(recorder, LogFixtures.register("lr1", 1, ""), ALICE, 0);
        send(recorder, LogFixtures.registerResponse("lr1", 1, "403 Forbidden", ""), ALICE, 3);
        recorder.registered(register, LogFixtures.ALICE_SOURCE, 403, Situation.byId("auth.account-disabled"),
                "alice");

        var r = Records.registration((Pending.Registration) drain(queue).get(0));
        assertThat(r.code()).isEqualTo(403);
        assertThat(r.situation()).isEqualTo("auth.account-disabled");
        assertThat(r.messages()).isEmpty();
        assertThat(r.messagesDropped()).isEqualTo(2);
        assertThat(queue.messagesNotKept()).isEqualTo(2);
        assertThat(queue.heldBytes()).isZero();
    }

    @Test
    void messagesOverTheBoundsAreCountedInTheTotalToo() throws Exception {
        LogQueue queue = new LogQueue(10);
        CallLogRecorder recorder = new CallLogRecorder(queue, clock, 2, 10);  // two messages per call
        SipRequest invite = receive(recorder, invite("m1", 1), ALICE, 0);
        for (int i = 0; i < 3; i++) send(recorder, inviteResponse("m1", 1, "180 Ringing"), ALICE, 10 + i);
        recorder.ended(invite, 486, null);
        CallRecord r = Records.call((Pending.Call) drainClosed(recorder, queue).get(0));
        assertThat(r.messages()).hasSize(2);
        assertThat(r.messagesDropped()).isEqualTo(2);
        assertThat(queue.messagesNotKept()).isEqualTo(2);
    }

    /** A store that refuses every batch, as a broken log database does. */
    private static final class RefusingStore implements org.clearline.store.CallLogStore {
        @Override public void append(List<CallRecord> c, List<org.clearline.store.RegistrationRecord> r) {
            throw new StoreException("call log unavailable: disk full");
        }
        @Override public List<CallRecord> list(org.clearline.store.CallFilter f) { return List.of(); }
        @Override public java.util.Optional<CallRecord> find(String id) { return java.util.Optional.empty(); }
        @Override public List<org.clearline.store.RegistrationRecord> registrations(String s, long t, int l) {
            return List.of();
        }
        @Override public int purge(long before, int max) { return 0; }
    }
}
