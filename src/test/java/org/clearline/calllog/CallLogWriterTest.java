package org.clearline.calllog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.clearline.store.CallFilter;
import org.clearline.store.CallLogStore;
import org.clearline.store.CallRecord;
import org.clearline.store.JdbcCallLogStore;
import org.clearline.store.StoreException;
import org.clearline.store.JdbcStore;
import org.clearline.store.LoggedMessage;
import org.clearline.store.RegistrationRecord;
import org.clearline.syntax.MessageParser;
import org.clearline.syntax.ParseResult;
import org.clearline.syntax.SipMessage;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SyntaxLimits;
import org.clearline.time.ManualClock;
import org.clearline.transport.Peer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer: queued entries reach the store; a batch the store refuses is counted, and writing goes on. */
class CallLogWriterTest {
    @TempDir Path dir;

    @Test
    void writesQueuedEntriesAndCountsFailedBatches() {
        LogQueue queue = new LogQueue(100);
        try (JdbcStore store = JdbcStore.open(dir); CallLogWriter writer = new CallLogWriter(queue, store.callLog())) {
            writer.start();
            queue.offer(new Pending.Registration(new RegistrationRecord("r1", 1_000, "udp:192.0.2.1:5060", "alice",
                    403, "auth.wrong-password")));
            await().atMost(Duration.ofSeconds(10)).until(() -> writer.written() == 1);
            assertThat(store.callLog().registrations("alice", 0, 10)).extracting(RegistrationRecord::callId)
                    .containsExactly("r1");

            assertThat(store.callLog().list(CallFilter.ALL)).isEmpty();
        }
    }

    @Test
    void retentionRunsOnTheWriterThreadInChunksUntilDone() {
        long day = 86_400_000L;
        long now = 100 * day;
        List<CallRecord> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            // 2,400 calls older than a day, 100 of today
            long at = i < 2_400 ? now - 2 * day + i : now - 1_000 + i - 2_400;
            calls.add(new CallRecord("c" + i, at, "udp:192.0.2.1:5060", "sip:a@x", "a", "b", null, 486, null, -1, -1,
                    -1, 0, List.of()));
        }
        LogQueue queue = new LogQueue(100);
        try (JdbcCallLogStore log = JdbcCallLogStore.open(dir);
             CallLogWriter writer = new CallLogWriter(queue, log, new CallLogSettings.Retention(1, 60, 1_000))) {
            log.append(calls, List.of());
            writer.start();
            writer.requestPurge(now);
            // 2,400 by age and 40 beyond maxCalls, a chunk of at most 1,000 per rule at a time
            await().atMost(Duration.ofSeconds(20)).until(() -> writer.purged() == 2_440);
            assertThat(log.list(new CallFilter(false, null, 0, 1_000))).hasSize(60)
                    .extracting(CallRecord::callId).first().isEqualTo("c2499");
        }
    }

    @Test
    void aBatchTheStoreRefusesIsCountedAndTheWriterGoesOn() {
        LogQueue queue = new LogQueue(100);
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        CallLogStore refusing = new CallLogStore() {
            @Override public void append(List<CallRecord> c, List<RegistrationRecord> r) {
                if (calls.getAndIncrement() == 0) throw new StoreException("disk full");
            }
            @Override public List<CallRecord> list(CallFilter filter) { return List.of(); }
            @Override public Optional<CallRecord> find(String callId) { return Optional.empty(); }
            @Override public List<RegistrationRecord> registrations(String sipId, long since, int limit) { return List.of(); }
            @Override public int purge(long beforeMillis, int maxRows) { return 0; }
        };
        CallLogWriter writer = new CallLogWriter(queue, refusing);
        Pending one = new Pending.Registration(new RegistrationRecord("r1", 1_000, "x", "alice", 200, null));
        writer.write(List.of(one, one));
        writer.write(List.of(one));
        assertThat(writer.failed()).isEqualTo(2);
        assertThat(writer.written()).isEqualTo(1);
    }
    @Test
    void rowsQueuedWithinTheLingerAreStoredInOneTransaction() {
        LogQueue queue = new LogQueue(100);
        java.util.concurrent.atomic.AtomicInteger transactions = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger rows = new java.util.concurrent.atomic.AtomicInteger();
        CallLogStore counting = new CallLogStore() {
            @Override public void append(List<CallRecord> c, List<RegistrationRecord> r) {
                transactions.incrementAndGet();
                rows.addAndGet(c.size() + r.size());
            }
            @Override public List<CallRecord> list(CallFilter filter) { return List.of(); }
            @Override public Optional<CallRecord> find(String callId) { return Optional.empty(); }
            @Override public List<RegistrationRecord> registrations(String sipId, long since, int limit) { return List.of(); }
            @Override public int purge(long beforeMillis, int maxRows) { return 0; }
        };
        try (CallLogWriter writer = new CallLogWriter(queue, counting).start()) {
            // the first row is taken and encoded at once but waits for others; those offered after join its commit
            queue.offer(new Pending.Registration(new RegistrationRecord("r0", 1_000, "x", "alice", 200, null)));
            await().atMost(Duration.ofSeconds(10)).until(() -> queue.size() == 0);
            for (int i = 1; i < 3; i++) {
                queue.offer(new Pending.Registration(new RegistrationRecord("r" + i, 1_000, "x", "alice", 200, null)));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> writer.written() == 3);
            assertThat(rows.get()).isEqualTo(3);
            assertThat(transactions.get()).isOne();
        }
    }

    // ------------------------------------------------- an answered call, compacted while it lasts

    private static final Peer ALICE = Peer.udp("192.0.2.10", 5060);
    private static final Peer BOB = Peer.udp("192.0.2.20", 5062);
    private static final String SDP = "v=0\r\no=alice 2890844526 2890844526 IN IP4 192.0.2.10\r\ns=-\r\n"
            + "c=IN IP4 192.0.2.10\r\nt=0 0\r\nm=audio 49170 RTP/AVP 0 8 101\r\na=rtpmap:0 PCMU/8000\r\n"
            + "a=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=sendrecv\r\n";

    /** Feeds the recorder an answered call (INVITE, 100, INVITE on, 180, 200 back and on); returns its INVITE. */
    private static SipRequest answer(CallLogRecorder recorder, String callId, long at) {
        SipRequest invite = (SipRequest) parse(invite(callId, "192.0.2.10:5060;branch=z9hG4bK" + callId));
        recorder.inbound(invite, ALICE, at);
        recorder.outbound(parse(response(callId, "100 Trying", "")), null, ALICE, at + 1);
        recorder.outbound(parse(invite(callId, "127.0.0.1:5060;branch=z9hG4bKp" + callId)), null, BOB, at + 2);
        recorder.inbound(parse(response(callId, "180 Ringing", "")), BOB, at + 40);
        recorder.outbound(parse(response(callId, "180 Ringing", "")), null, ALICE, at + 41);
        recorder.inbound(parse(response(callId, "200 OK", SDP)), BOB, at + 900);
        recorder.outbound(parse(response(callId, "200 OK", SDP)), null, ALICE, at + 901);
        recorder.ended(invite, 200, null);
        return invite;
    }

    /** The caller's ACK, the callee's BYE and its 200; the call ends. */
    private static void hangUp(CallLogRecorder recorder, String callId, long at) {
        recorder.inbound(parse(ack(callId)), ALICE, at);
        SipRequest bye = (SipRequest) parse(bye(callId));
        recorder.inbound(bye, BOB, at + 60_000);
        recorder.outbound(parse(bye(callId)), null, ALICE, at + 60_001);
        recorder.outbound(parse(byeOk(callId)), null, BOB, at + 60_030);
        recorder.ended(bye, 200, null);
    }

    @Test
    void anAnsweredCallHoldsItsFirstMessagesCompressedAndReadsBackWhole() throws Exception {
        LogQueue queue = new LogQueue(100);
        ManualClock clock = new ManualClock();
        CallLogRecorder recorder = new CallLogRecorder(queue, clock);
        try (JdbcCallLogStore log = JdbcCallLogStore.open(dir)) {
            CallLogWriter writer = new CallLogWriter(queue, log);
            answer(recorder, "k1", 1_000);
            long held = queue.heldBytes();
            assertThat(held).as("seven messages with two SDP bodies").isGreaterThan(2_500);
            List<Pending> batch = drain(queue);
            assertThat(batch).singleElement().isInstanceOf(Pending.Compact.class);
            writer.write(batch);
            assertThat(writer.compacted()).isEqualTo(1);
            assertThat(writer.written()).as("a cue, no record").isZero();
            assertThat(queue.heldBytes()).as("the part of %d bytes of messages", held).isLessThan(held / 2);

            clock.advance(java.time.Duration.ofMinutes(1));
            hangUp(recorder, "k1", 1_950);
            batch = drain(queue);
            Pending.Call call = (Pending.Call) batch.get(0);
            assertThat(call.parts()).singleElement().satisfies(p -> assertThat(p.messages()).isEqualTo(7));
            assertThat(call.entries()).hasSize(4);
            writer.write(batch);
            assertThat(queue.heldBytes()).isZero();
            CallRecord r = log.find("k1").orElseThrow();
            assertThat(r.durationMillis()).isEqualTo(60_000);
            assertThat(r.messages()).extracting(LoggedMessage::startLine).containsExactly(
                    "INVITE sip:+4930123456@example.com SIP/2.0", "SIP/2.0 100 Trying",
                    "INVITE sip:+4930123456@example.com SIP/2.0", "SIP/2.0 180 Ringing", "SIP/2.0 180 Ringing",
                    "SIP/2.0 200 OK", "SIP/2.0 200 OK", "ACK sip:+4930123456@example.com SIP/2.0",
                    "BYE sip:alice@192.0.2.10 SIP/2.0", "BYE sip:alice@192.0.2.10 SIP/2.0", "SIP/2.0 200 OK");
            assertThat(r.messages()).extracting(LoggedMessage::atMillis).containsExactly(
                    1_000L, 1_001L, 1_002L, 1_040L, 1_041L, 1_900L, 1_901L, 1_950L, 61_950L, 61_951L, 61_980L);
            assertThat(r.messages().get(5).text()).endsWith(SDP).contains("To: <sip:+4930123456@example.com>;tag=t1");
        }
    }

    @Test
    void aCallThatEndsBeforeTheWriterCompactsItKeepsItsMessagesAsTheyWere() throws Exception {
        LogQueue queue = new LogQueue(100);
        CallLogRecorder recorder = new CallLogRecorder(queue, new ManualClock());
        try (JdbcCallLogStore log = JdbcCallLogStore.open(dir)) {
            CallLogWriter writer = new CallLogWriter(queue, log);
            answer(recorder, "k2", 1_000);
            hangUp(recorder, "k2", 1_950);
            List<Pending> batch = drain(queue);
            assertThat(batch).hasSize(2).first().isInstanceOf(Pending.Compact.class);
            writer.write(batch);
            assertThat(writer.compacted()).isZero();
            assertThat(writer.written()).isEqualTo(1);
            assertThat(queue.heldBytes()).isZero();
            assertThat(log.find("k2").orElseThrow().messages()).hasSize(11);
        }
    }

    @Test
    void compactionRequestsLeaveHalfTheQueueToRecords() {
        LogQueue queue = new LogQueue(4);
        CallLogRecorder recorder = new CallLogRecorder(queue, new ManualClock());
        for (int i = 0; i < 4; i++) answer(recorder, "h" + i, 1_000);
        assertThat(queue.size()).as("two cues, then the room is kept for records").isEqualTo(2);
        assertThat(queue.dropped()).isZero();
    }

    private static List<Pending> drain(LogQueue queue) throws InterruptedException {
        List<Pending> out = new java.util.ArrayList<>();
        queue.drain(out, 100, 0);
        return out;
    }

    private static SipMessage parse(String text) {
        byte[] b = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return switch (new MessageParser(SyntaxLimits.DEFAULT).parse(b, 0, b.length)) {
            case ParseResult.Success ok -> ok.message();
            case ParseResult.Failure f -> throw new AssertionError(f.toString());
        };
    }

    private static String invite(String callId, String via) {
        return "INVITE sip:+4930123456@example.com SIP/2.0\r\nVia: SIP/2.0/UDP " + via + "\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:alice@example.com>;tag=f1\r\nTo: <sip:+4930123456@example.com>\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: 2 INVITE\r\nContact: <sip:alice@192.0.2.10>\r\n"
                + "Content-Type: application/sdp\r\nContent-Length: " + SDP.length() + "\r\n\r\n" + SDP;
    }

    private static String response(String callId, String status, String sdp) {
        return "SIP/2.0 " + status + "\r\nVia: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK" + callId + "\r\n"
                + "From: <sip:alice@example.com>;tag=f1\r\nTo: <sip:+4930123456@example.com>"
                + (status.startsWith("100") ? "" : ";tag=t1") + "\r\nCall-ID: " + callId + "\r\nCSeq: 2 INVITE\r\n"
                + (sdp.isEmpty() ? "" : "Content-Type: application/sdp\r\n")
                + "Content-Length: " + sdp.length() + "\r\n\r\n" + sdp;
    }

    private static String ack(String callId) {
        return "ACK sip:+4930123456@example.com SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKa"
                + callId + "\r\nMax-Forwards: 70\r\nFrom: <sip:alice@example.com>;tag=f1\r\n"
                + "To: <sip:+4930123456@example.com>;tag=t1\r\nCall-ID: " + callId + "\r\nCSeq: 2 ACK\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    private static String bye(String callId) {
        return "BYE sip:alice@192.0.2.10 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.20:5062;branch=z9hG4bKbye" + callId
                + "\r\nMax-Forwards: 70\r\nFrom: <sip:+4930123456@example.com>;tag=t1\r\n"
                + "To: <sip:alice@example.com>;tag=f1\r\nCall-ID: " + callId + "\r\nCSeq: 1 BYE\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    private static String byeOk(String callId) {
        return "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 192.0.2.20:5062;branch=z9hG4bKbye" + callId + "\r\n"
                + "From: <sip:+4930123456@example.com>;tag=t1\r\nTo: <sip:alice@example.com>;tag=f1\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: 1 BYE\r\nContent-Length: 0\r\n\r\n";
    }
}
