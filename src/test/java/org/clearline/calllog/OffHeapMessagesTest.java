package org.clearline.calllog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.calllog.LogFixtures.ALICE;
import static org.clearline.calllog.LogFixtures.ALICE_SOURCE;
import static org.clearline.calllog.LogFixtures.drain;
import static org.clearline.calllog.LogFixtures.invite;
import static org.clearline.calllog.LogFixtures.inviteResponse;
import static org.clearline.calllog.LogFixtures.parse;
import static org.clearline.calllog.LogFixtures.receive;
import static org.clearline.calllog.LogFixtures.register;
import static org.clearline.calllog.LogFixtures.registerResponse;
import static org.clearline.calllog.LogFixtures.send;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.clearline.failures.Situation;
import org.clearline.store.CallFilter;
import org.clearline.store.CallLogStore;
import org.clearline.store.CallRecord;
import org.clearline.store.JdbcCallLogStore;
import org.clearline.store.LoggedMessage;
import org.clearline.store.RegistrationRecord;
import org.clearline.store.StoreException;
import org.clearline.syntax.SipRequest;
import org.clearline.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The messages of exchanges in progress are copies off the heap: every path that
 * ends an exchange or an entry frees each copy exactly once, and what the writer
 * stores is what went over the wire.
 */
class OffHeapMessagesTest {
    @TempDir Path dir;
    private final ManualClock clock = new ManualClock();
    private LogQueue queue = new LogQueue(10);

    @AfterEach
    void nothingFreedTwice() {
        if (queue != null) assertThat(queue.doubleReleases()).isZero();
    }

    /** An answered call: INVITE, 180, 200, then BYE and its 200. */
    private static void answeredCall(CallLogRecorder recorder, String callId) {
        SipRequest inv = receive(recorder, invite(callId, 1), ALICE, 0);
        send(recorder, inviteResponse(callId, 1, "180 Ringing"), ALICE, 10);
        send(recorder, inviteResponse(callId, 1, "200 OK"), ALICE, 20);
        recorder.ended(inv, 200, null);
        String bye = invite(callId, 2).replace("INVITE sip:+4930123456@example.com", "BYE sip:alice@192.0.2.10")
                .replace("2 INVITE", "2 BYE").replace("To: <sip:+4930123456@example.com>",
                        "To: <sip:+4930123456@example.com>;tag=t1");
        SipRequest byeRequest = receive(recorder, bye, ALICE, 1_000);
        recorder.ended(byeRequest, 200, null);
    }

    @Test
    void theWriterStoresTheWireBytesThenFreesThem() {
        CallLogRecorder recorder = new CallLogRecorder(queue, clock);
        answeredCall(recorder, "w1");
        assertThat(queue.messagesHeld()).isEqualTo(4);
        assertThat(queue.heldBytes()).isPositive();

        try (JdbcCallLogStore store = JdbcCallLogStore.open(dir)) {
            CallLogWriter writer = new CallLogWriter(queue, store);
            writer.write(drainAll());
            assertThat(writer.written()).isEqualTo(1);
            CallRecord r = store.find("w1").orElseThrow();
            assertThat(r.messages()).extracting(LoggedMessage::text)
                    .containsExactly(invite("w1", 1), inviteResponse("w1", 1, "180 Ringing"),
                            inviteResponse("w1", 1, "200 OK"), r.messages().get(3).text());
            assertThat(r.messages().get(3).startLine()).isEqualTo("BYE sip:alice@192.0.2.10 SIP/2.0");
        }
        assertThat(queue.messagesHeld()).isZero();
        assertThat(queue.heldBytes()).isZero();
    }

    @Test
    void aBatchTheStoreRefusesIsFreedToo() {
        CallLogRecorder recorder = new CallLogRecorder(queue, clock);
        answeredCall(recorder, "r1");
        CallLogWriter writer = new CallLogWriter(queue, refusing());
        writer.write(drainAll());
        assertThat(writer.failed()).isEqualTo(1);
        assertThat(queue.messagesHeld()).isZero();
        assertThat(queue.heldBytes()).isZero();
    }

    @Test
    void anEntryTheFullQueueDropsIsFreed() throws Exception {
        queue = new LogQueue(1);
        CallLogRecorder recorder = new CallLogRecorder(queue, clock);
        answeredCall(recorder, "q1");
        answeredCall(recorder, "q2");  // the queue holds one: this one is dropped
        assertThat(queue.dropped()).isEqualTo(1);
        assertThat(queue.messagesHeld()).isEqualTo(4);
        drain(queue).forEach(p -> p.release(queue));
        assertThat(queue.messagesHeld()).isZero();
    }

    @Test
    void aLadderNotKeptByThePolicyIsFreedWhenTheCallEnds() throws Exception {
        CallLogRecorder recorder = new CallLogRecorder(queue, clock, CallLogSettings.Ladders.FAILED);
        answeredCall(recorder, "p1");
        List<Pending> closed = drain(queue);
        assertThat(closed).singleElement().extracting(Pending::entries).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.LIST).isEmpty();
        assertThat(queue.messagesHeld()).isZero();
        assertThat(queue.heldBytes()).isZero();
    }

    @Test
    void messagesOverTheBoundsAreNeverCopiedAndLateOnesNeither() throws Exception {
        CallLogRecorder recorder = new CallLogRecorder(queue, clock, 2, 10);
        SipRequest inv = receive(recorder, invite("b1", 1), ALICE, 0);
        send(recorder, inviteResponse("b1", 1, "100 Trying"), ALICE, 1);
        send(recorder, inviteResponse("b1", 1, "180 Ringing"), ALICE, 2);
        assertThat(queue.messagesHeld()).isEqualTo(2);
        send(recorder, inviteResponse("b1", 1, "486 Busy Here"), ALICE, 3);
        recorder.ended(inv, 486, null);
        recorder.closeLingering(Long.MAX_VALUE / 2);
        receive(recorder, invite("b1", 1).replace("INVITE sip", "ACK sip").replace("1 INVITE", "1 ACK"), ALICE, 4);
        assertThat(queue.messagesHeld()).isEqualTo(2);

        Pending p = drain(queue).get(0);
        assertThat(((Pending.Call) p).dropped()).isEqualTo(2);
        p.release(queue);
        assertThat(queue.messagesHeld()).isZero();
    }

    @Test
    void aRegistrationThatOnlySawA2xxIsFreedByTheSweep() {
        CallLogRecorder recorder = new CallLogRecorder(queue, clock);
        // a late copy of a REGISTER already logged: answered again, never reported by the registrar
        receive(recorder, register("s1@phone", 1, ""), ALICE, 1_000);
        send(recorder, registerResponse("s1@phone", 1, "200 OK", ""), ALICE, 1_001);
        assertThat(queue.messagesHeld()).isEqualTo(2);
        recorder.sweep(1_000 + RegistrationRecorder.MAX_ATTEMPT_MILLIS + 1);
        assertThat(queue.size()).isZero();
        assertThat(queue.messagesHeld()).isZero();
        assertThat(queue.heldBytes()).isZero();
    }

    @Test
    void retransmissionsOfAClosedAttemptAreNotCopied() {
        CallLogRecorder recorder = new CallLogRecorder(queue, clock);
        SipRequest r = receive(recorder, register("t1@phone", 1, ""), ALICE, 1_000);
        send(recorder, registerResponse("t1@phone", 1, "200 OK", ""), ALICE, 1_001);
        recorder.registered(r, ALICE_SOURCE, 200, null, "alice");
        receive(recorder, register("t1@phone", 1, ""), ALICE, 1_500);  // the same request again
        recorder.outboundAgain("t1@phone", registerResponse("t1@phone", 1, "200 OK", "")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), ALICE, 1_501);
        assertThat(queue.messagesHeld()).isEqualTo(2);  // the closed attempt's two, nothing more
    }

    @Test
    void stoppingLogsWhatIsOpenAndFreesEverything() {
        try (JdbcCallLogStore store = JdbcCallLogStore.open(dir)) {
            CallLog log = CallLog.start(CallLogSettings.DEFAULT, store, clock);
            CallLogRecorder recorder = (CallLogRecorder) log.tap();
            // an answered call whose BYE never came, a failed one waiting for its ACK,
            // and a registration challenged and never answered
            SipRequest up = receive(recorder, invite("open-1", 1), ALICE, 0);
            send(recorder, inviteResponse("open-1", 1, "200 OK"), ALICE, 10);
            recorder.ended(up, 200, null);  // answered now
            SipRequest busy = receive(recorder, invite("open-2", 1), ALICE, 0);
            send(recorder, inviteResponse("open-2", 1, "486 Busy Here"), ALICE, 10);
            recorder.ended(busy, 486, null);
            SipRequest reg = receive(recorder, register("open-3@phone", 1, ""), ALICE, 0);
            send(recorder, registerResponse("open-3@phone", 1, "401 Unauthorized", ""), ALICE, 1);
            recorder.registered(reg, ALICE_SOURCE, 401, Situation.AUTH_REQUIRED, "alice");

            clock.advance(java.time.Duration.ofSeconds(5));
            log.close();

            assertThat(store.list(CallFilter.ALL)).extracting(CallRecord::callId, CallRecord::code)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("open-1", 200),
                            org.assertj.core.groups.Tuple.tuple("open-2", 486));
            assertThat(store.find("open-1").orElseThrow().durationMillis()).isEqualTo(5_000);
            assertThat(store.findRegistration("open-3@phone").orElseThrow().code()).isEqualTo(401);
            queue = null;  // the log's own queue: checked through the log
            assertThat(log.heldBytes()).isZero();
            assertThat(recorder.callsInProgress()).isZero();
            assertThat(recorder.registrationsInProgress()).isZero();
        }
    }

    private List<Pending> drainAll() {
        try {
            return drain(queue);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static CallLogStore refusing() {
        return new CallLogStore() {
            @Override public void append(List<CallRecord> c, List<RegistrationRecord> r) {
                throw new StoreException("disk full");
            }
            @Override public List<CallRecord> list(CallFilter filter) { return List.of(); }
            @Override public Optional<CallRecord> find(String callId) { return Optional.empty(); }
            @Override public List<RegistrationRecord> registrations(String sipId, long since, int limit) { return List.of(); }
            @Override public int purge(long beforeMillis, int maxRows) { return 0; }
        };
    }
}
