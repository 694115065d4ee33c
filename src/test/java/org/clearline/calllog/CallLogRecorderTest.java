package org.clearline.calllog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.clearline.failures.Situation;
import org.clearline.store.CallRecord;
import org.clearline.syntax.MessageParser;
import org.clearline.syntax.ParseResult;
import org.clearline.syntax.SipMessage;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SyntaxLimits;
import org.clearline.time.ManualClock;
import org.clearline.transport.Peer;
import org.junit.jupiter.api.Test;

/** The recorder on real SIP text: bounds, drop counting and timings, on virtual time. */
class CallLogRecorderTest {
    private static final Peer ALICE = Peer.udp("192.0.2.10", 5060);
    private static final Peer BOB = Peer.udp("192.0.2.20", 5060);

    private final ManualClock clock = new ManualClock();

    @Test
    void aRejectedCallBecomesOneRecordWithItsSituation() throws Exception {
        LogQueue queue = new LogQueue(10);
        CallLogRecorder recorder = new CallLogRecorder(queue, clock);
        SipRequest invite = (SipRequest) parse(invite("a1"));
        recorder.inbound(invite, ALICE, 1_000);
        recorder.outbound(parse(response("a1", "480 Temporarily Unavailable", 1, "INVITE")), null, ALICE, 1_050);
        clock.advance(java.time.Duration.ofMillis(1_050));
        recorder.ended(invite, 480, Situation.CALLEE_OFFLINE);
        assertThat(recorder.closeLingering(clock.epochMillis() + CallLogRecorder.LINGER_MAX_MILLIS)).isEqualTo(1);

        List<Pending> batch = drain(queue);
        assertThat(batch).hasSize(1);
        CallRecord r = Records.call((Pending.Call) batch.get(0));
        assertThat(r.code()).isEqualTo(480);
        assertThat(r.situation()).isEqualTo("callee.offline");
        assertThat(r.callee()).isEqualTo("+4930123456");
        assertThat(r.calleeE164()).isEqualTo("+4930123456");
        assertThat(r.postDialMillis()).isEqualTo(-1);
        assertThat(r.messages()).extracting(m -> m.startLine())
                .containsExactly("INVITE sip:+4930123456@example.com SIP/2.0", "SIP/2.0 480 Temporarily Unavailable");
        assertThat(recorder.callsInProgress()).isZero();
    }

    @Test
    void aRefusedCallKeepsItsLadderOpenForTheCallersAck() throws Exception {
        LogQueue queue = new LogQueue(10);
        CallLogRecorder recorder = new CallLogRecorder(queue, clock);
        SipRequest invite = (SipRequest) parse(invite("a3"));
        recorder.inbound(invite, ALICE, 1_000);
        recorder.outbound(parse(response("a3", "407 Proxy Authentication Required", 1, "INVITE")), null, ALICE, 1_001);
        recorder.ended(invite, 407, Situation.AUTH_PROXY_REQUIRED);
        recorder.inbound(parse(ack("a3", 1)), ALICE, 1_002); // the challenge's ACK: the call goes on
        recorder.outbound(parse(response("a3", "480 Temporarily Unavailable", 1, "INVITE")), null, ALICE, 1_050);
        clock.advance(java.time.Duration.ofMillis(1_050));
        recorder.ended(invite, 480, Situation.CALLEE_OFFLINE);
        assertThat(queue.size()).as("open until the ACK").isZero();

        long failedAt = clock.epochMillis();
        recorder.inbound(parse(ack("a3", 1)), ALICE, 1_051);
        assertThat(recorder.closeLingering(failedAt + 50)).as("the cancelled branches may still answer").isZero();
        assertThat(recorder.closeLingering(failedAt + CallLogRecorder.LINGER_MIN_MILLIS)).isEqualTo(1);

        CallRecord r = Records.call((Pending.Call) drain(queue).get(0));
        assertThat(r.messages()).extracting(m -> m.startLine()).containsExactly(
                "INVITE sip:+4930123456@example.com SIP/2.0", "SIP/2.0 407 Proxy Authentication Required",
                "ACK sip:+4930123456@example.com SIP/2.0", "SIP/2.0 480 Temporarily Unavailable",
                "ACK sip:+4930123456@example.com SIP/2.0");
        assertThat(r.code()).isEqualTo(480);
        assertThat(r.situation()).isEqualTo("callee.offline");
        assertThat(recorder.callsInProgress()).isZero();
    }

    @Test
    void aRefusedCallWhoseAckNeverComesIsClosedAfterTheLongestWait() throws Exception {
        LogQueue queue = new LogQueue(10);
        CallLogRecorder recorder = new CallLogRecorder(queue, clock);
        SipRequest invite = (SipRequest) parse(invite("a4"));
        recorder.inbound(invite, ALICE, 0);
        recorder.outbound(parse(response("a4", "486 Busy Here", 1, "INVITE")), null, ALICE, 5);
        recorder.ended(invite, 486, Situation.CALLEE_CALL_LIMIT);

        long failedAt = clock.epochMillis();
        assertThat(recorder.closeLingering(failedAt + CallLogRecorder.LINGER_MAX_MILLIS - 1)).isZero();
        assertThat(recorder.sweep(failedAt + CallLogRecorder.MAX_SETUP_MILLIS * 2))
                .as("the sweep leaves it to closeLingering").isZero();
        assertThat(recorder.closeLingering(failedAt + CallLogRecorder.LINGER_MAX_MILLIS)).isEqualTo(1);
        CallRecord r = Records.call((Pending.Call) drain(queue).get(0));
        assertThat(r.messages()).extracting(m -> m.startLine())
                .containsExactly("INVITE sip:+4930123456@example.com SIP/2.0", "SIP/2.0 486 Busy Here");
    }

    @Test
    void aNewAttemptInTheSameCallIdClosesTheRefusedOneAtOnce() throws Exception {
        LogQueue queue = new LogQueue(10);
        CallLogRecorder recorder = new CallLogRecorder(queue, clock);
        SipRequest invite = (SipRequest) parse(invite("a5"));
        recorder.inbound(invite, ALICE, 0);
        recorder.outbound(parse(response("a5", "302 Moved Temporarily", 1, "INVITE")), null, ALICE, 5);
        recorder.ended(invite, 302, Situation.CALLEE_MOVED_TEMPORARILY);
        recorder.inbound(parse(ack("a5", 1)), ALICE, 6);
        // §8.1.3.4: following the redirect with the same Call-ID and a higher CSeq
        SipRequest retry = (SipRequest) parse(invite("a5").replace("CSeq: 1 INVITE", "CSeq: 2 INVITE"));
        recorder.inbound(retry, ALICE, 10);

        CallRecord first = Records.call((Pending.Call) drain(queue).get(0));
        assertThat(first.code()).isEqualTo(302);
        assertThat(first.messages()).hasSize(3);
        assertThat(recorder.callsInProgress()).as("the retry is a call of its own").isEqualTo(1);
    }

    @Test
    void answeredCallsRunUntilByeAndKnowTheirTimings() throws Exception {
        LogQueue queue = new LogQueue(10);
        CallLogRecorder recorder = new CallLogRecorder(queue, clock);
        SipRequest invite = (SipRequest) parse(invite("a2"));
        recorder.inbound(invite, ALICE, 10_000);
        recorder.outbound(parse(response("a2", "180 Ringing", 1, "INVITE")), null, ALICE, 12_500);
        recorder.outbound(parse(response("a2", "200 OK", 1, "INVITE")), null, ALICE, 20_000);
        clock.advance(java.time.Duration.ofMillis(20_000));
        recorder.ended(invite, 200, null);
        // still talking: no record yet, only the writer's cue to compress what the call has so far
        assertThat(drain(queue)).singleElement().isInstanceOf(Pending.Compact.class);

        SipRequest bye = (SipRequest) parse(bye("a2"));
        recorder.inbound(bye, BOB, 80_000);
        clock.advance(java.time.Duration.ofMillis(60_000));
        recorder.ended(bye, 200, null);

        CallRecord r = Records.call((Pending.Call) drain(queue).get(0));
        assertThat(r.code()).isEqualTo(200);
        assertThat(r.postDialMillis()).isEqualTo(2_500);
        assertThat(r.ringMillis()).isEqualTo(7_500);
        assertThat(r.durationMillis()).isEqualTo(60_000);
        assertThat(r.messages()).hasSize(4);
    }

    @Test
    void aResponseSentAgainFromKeptBytesJoinsTheLadderInOrder() throws Exception {
        LogQueue queue = new LogQueue(10);
        CallLogRecorder recorder = new CallLogRecorder(queue, clock);
        SipRequest invite = (SipRequest) parse(invite("r1"));
        recorder.inbound(invite, ALICE, 1_000);
        SipMessage busy = parse(response("r1", "486 Busy Here", 1, "INVITE"));
        byte[] bytes = busy.encode();
        recorder.outbound(busy, bytes, ALICE, 1_050);
        // §17.2.1 Timer G: the transaction repeats the 486 from its bytes, with no parsed message
        recorder.outboundAgain("r1", bytes, ALICE, 1_550);
        recorder.outboundAgain("some-other-call", bytes, ALICE, 1_560); // not this call's: ignored
        recorder.ended(invite, 486, null);
        recorder.closeLingering(clock.epochMillis() + CallLogRecorder.LINGER_MAX_MILLIS);

        CallRecord r = Records.call((Pending.Call) drain(queue).get(0));
        assertThat(r.messages()).extracting(m -> m.startLine()).containsExactly(
                "INVITE sip:+4930123456@example.com SIP/2.0", "SIP/2.0 486 Busy Here", "SIP/2.0 486 Busy Here");
        assertThat(r.messages().get(2).atMillis()).isEqualTo(1_550);
        assertThat(r.messages().get(2).text()).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
    }

    @Test
    void aFullQueueDropsAndCountsRecordsWithoutBlocking() throws Exception {
        LogQueue queue = new LogQueue(2);
        CallLogRecorder recorder = new CallLogRecorder(queue, clock);
        for (int i = 0; i < 5; i++) {
            SipRequest invite = (SipRequest) parse(invite("q" + i));
            recorder.inbound(invite, ALICE, 1_000);
            recorder.ended(invite, 404, Situation.byId("number.no-route"));
        }
        recorder.closeLingering(clock.epochMillis() + CallLogRecorder.LINGER_MAX_MILLIS);
        assertThat(queue.size()).isEqualTo(2);
        assertThat(queue.dropped()).isEqualTo(3);
    }

    @Test
    void messagesPerCallAndCallsInProgressAreBounded() throws Exception {
        LogQueue queue = new LogQueue(10);
        CallLogRecorder recorder = new CallLogRecorder(queue, clock, 3, 1);
        SipRequest invite = (SipRequest) parse(invite("b1"));
        recorder.inbound(invite, ALICE, 1_000);
        for (int i = 0; i < 5; i++) recorder.inbound(invite, ALICE, 1_000 + i);  // retransmissions
        recorder.inbound(parse(invite("b2")), ALICE, 1_000);  // one call at a time in this recorder
        assertThat(recorder.untraced()).isEqualTo(1);

        recorder.ended(invite, 486, null);
        recorder.closeLingering(clock.epochMillis() + CallLogRecorder.LINGER_MAX_MILLIS);
        Pending.Call closed = (Pending.Call) drain(queue).get(0);
        assertThat(closed.entries()).hasSize(3);
        assertThat(closed.dropped()).isEqualTo(3);
        assertThat(Records.call(closed).messagesDropped()).isEqualTo(3);
    }

    @Test
    void beyondTheCallsWhoseMessagesAreKeptANewCallKeepsItsSummary() throws Exception {
        LogQueue queue = new LogQueue(10);
        // one call with its messages, one more as a summary, none beyond
        CallLogRecorder recorder = new CallLogRecorder(queue, clock,
                new Ladder.Limits(10, CallLogRecorder.MAX_BYTES_PER_CALL, 1, 2, 1), CallLogSettings.Ladders.ALL);
        List<SipRequest> invites = new ArrayList<>();
        for (String id : List.of("s1", "s2", "s3")) {
            SipRequest invite = (SipRequest) parse(invite(id));
            invites.add(invite);
            recorder.inbound(invite, ALICE, 1_000);
            recorder.outbound(parse(response(id, "486 Busy Here", 1, "INVITE")), null, ALICE, 1_010);
        }
        assertThat(recorder.callsInProgress()).isEqualTo(2);
        assertThat(recorder.untraced()).isOne();

        for (SipRequest invite : invites) recorder.ended(invite, 486, null);
        recorder.closeLingering(clock.epochMillis() + CallLogRecorder.LINGER_MAX_MILLIS);
        List<Pending> closed = drain(queue);
        assertThat(closed).hasSize(2);
        CallRecord full = Records.call((Pending.Call) closed.get(0));
        CallRecord summary = Records.call((Pending.Call) closed.get(1));
        assertThat(full.callId()).isEqualTo("s1");
        assertThat(full.messages()).hasSize(2);
        assertThat(summary.callId()).isEqualTo("s2");
        assertThat(summary.code()).isEqualTo(486);
        assertThat(summary.messages()).isEmpty();
        assertThat(summary.messagesDropped()).as("counted, so the record says its ladder was not kept").isEqualTo(2);
    }

    @Test
    void aChallengedCallerWhoNeverRetriesIsClosedAfter64T1WithinASecond() throws Exception {
        LogQueue queue = new LogQueue(10);
        CallLogRecorder recorder = new CallLogRecorder(queue, clock);
        SipRequest invite = (SipRequest) parse(invite("c1"));
        recorder.inbound(invite, ALICE, clock.epochMillis());
        long challengedAt = clock.epochMillis();
        recorder.ended(invite, 407, Situation.AUTH_PROXY_REQUIRED);
        recorder.inbound(invite, ALICE, challengedAt + 500);  // the INVITE again: the 407 was lost
        long waited = challengedAt + CallLogRecorder.CHALLENGE_WAIT_MILLIS;
        assertThat(recorder.closeLingering(waited)).as("still within 64*T1").isZero();
        assertThat(recorder.closeLingering(waited + 1)).as("looked a millisecond ago").isZero();
        assertThat(recorder.sweep(waited + 1)).as("not the 30 s sweep's any more").isZero();
        assertThat(recorder.closeLingering(waited + CallLogRecorder.CHALLENGE_CHECK_MILLIS)).isEqualTo(1);
        CallRecord r = Records.call((Pending.Call) drain(queue).get(0));
        assertThat(r.code()).isEqualTo(407);
        assertThat(r.situation()).isEqualTo("auth.proxy-required");
        assertThat(r.messages()).hasSize(2);
    }

    @Test
    void aChallengeAnsweredWithCredentialsKeepsTheCallOpenWhileItRings() throws Exception {
        LogQueue queue = new LogQueue(10);
        CallLogRecorder recorder = new CallLogRecorder(queue, clock);
        SipRequest first = (SipRequest) parse(invite("c2"));
        recorder.inbound(first, ALICE, clock.epochMillis());
        recorder.ended(first, 407, Situation.AUTH_PROXY_REQUIRED);
        recorder.inbound(parse(invite("c2").replace("CSeq: 1 INVITE", "CSeq: 2 INVITE")), ALICE,
                clock.epochMillis() + 20);
        long now = clock.epochMillis();
        assertThat(recorder.closeLingering(now + CallLogRecorder.CHALLENGE_WAIT_MILLIS + 1)).as("ringing").isZero();
        assertThat(recorder.callsInProgress()).isOne();
        assertThat(recorder.sweep(now + CallLogRecorder.MAX_SETUP_MILLIS + 1)).isOne();
    }

    @Test
    void aRoutineChallengeIsNotLoggedButWrongCredentialsAre() throws Exception {
        LogQueue queue = new LogQueue(10);
        CallLogRecorder recorder = new CallLogRecorder(queue, clock);
        SipRequest register = (SipRequest) parse(register("r1"));
        // the recorder traces an attempt from the REGISTER it saw arrive from each source
        for (Peer source : List.of(Peer.udp("198.51.100.7", 5060), Peer.udp("198.51.100.7", 5061),
                Peer.udp("198.51.100.7", 5062), Peer.udp("192.0.2.10", 5060))) {
            recorder.inbound(register, source, 0);
        }
        recorder.registered(register, "udp:198.51.100.7:5060", 401, Situation.AUTH_REQUIRED, null);
        recorder.registered(register, "udp:198.51.100.7:5060", 401, Situation.AUTH_STALE_NONCE, "alice");
        recorder.registered(register, "udp:198.51.100.7:5061", 401, Situation.AUTH_WRONG_CREDENTIALS, "alice");
        recorder.registered(register, "udp:198.51.100.7:5062", 401, Situation.AUTH_UNKNOWN_USER, "mallory");
        recorder.registered(register, "udp:192.0.2.10:5060", 200, null, "alice");

        assertThat(drain(queue)).map(p -> ((Pending.Registration) p).record())
                .extracting(r -> r.code() + " " + r.situation() + " " + r.sipId() + " " + r.source())
                .containsExactly("401 auth.wrong-credentials alice udp:198.51.100.7:5061",
                        "401 auth.unknown-user mallory udp:198.51.100.7:5062", "200 null alice udp:192.0.2.10:5060");
    }

    private static String register(String callId) {
        return "REGISTER sip:example.com SIP/2.0\r\nVia: SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK" + callId + "\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:alice@example.com>;tag=f1\r\nTo: <sip:alice@example.com>\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: 1 REGISTER\r\nContent-Length: 0\r\n\r\n";
    }

    private static List<Pending> drain(LogQueue queue) throws InterruptedException {
        List<Pending> out = new ArrayList<>();
        queue.drain(out, 100, 0);
        return out;
    }

    private static SipMessage parse(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return switch (new MessageParser(SyntaxLimits.DEFAULT).parse(b, 0, b.length)) {
            case ParseResult.Success s -> s.message();
            case ParseResult.Failure f -> throw new AssertionError(f.toString());
        };
    }

    private static String invite(String callId) {
        return "INVITE sip:+4930123456@example.com SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK" + callId + "\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:alice@example.com>;tag=f1\r\nTo: <sip:+4930123456@example.com>\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: 1 INVITE\r\nContact: <sip:alice@192.0.2.10>\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    private static String ack(String callId, int cseq) {
        return "ACK sip:+4930123456@example.com SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK" + callId
                + "\r\nMax-Forwards: 70\r\nFrom: <sip:alice@example.com>;tag=f1\r\n"
                + "To: <sip:+4930123456@example.com>;tag=t1\r\nCall-ID: " + callId + "\r\nCSeq: " + cseq + " ACK\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    private static String bye(String callId) {
        return "BYE sip:alice@192.0.2.10 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.20:5060;branch=z9hG4bKbye\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:+4930123456@example.com>;tag=t1\r\n"
                + "To: <sip:alice@example.com>;tag=f1\r\nCall-ID: " + callId + "\r\nCSeq: 1 BYE\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    private static String response(String callId, String status, int cseq, String method) {
        return "SIP/2.0 " + status + "\r\nVia: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK" + callId + "\r\n"
                + "From: <sip:alice@example.com>;tag=f1\r\nTo: <sip:+4930123456@example.com>;tag=t1\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: " + cseq + " " + method + "\r\nContent-Length: 0\r\n\r\n";
    }
}
