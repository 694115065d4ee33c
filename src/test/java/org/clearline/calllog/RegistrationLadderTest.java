package org.clearline.calllog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.calllog.LogFixtures.ALICE;
import static org.clearline.calllog.LogFixtures.ALICE_SOURCE;
import static org.clearline.calllog.LogFixtures.drain;
import static org.clearline.calllog.LogFixtures.parse;
import static org.clearline.calllog.LogFixtures.receive;
import static org.clearline.calllog.LogFixtures.register;
import static org.clearline.calllog.LogFixtures.registerResponse;
import static org.clearline.calllog.LogFixtures.send;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.clearline.failures.Situation;
import org.clearline.store.LoggedMessage;
import org.clearline.store.RegistrationRecord;
import org.clearline.syntax.SipRequest;
import org.clearline.time.ManualClock;
import org.junit.jupiter.api.Test;

/** A registration attempt is one record with its whole exchange: REGISTER, 401, REGISTER with credentials, final. */
class RegistrationLadderTest {
    private static final String CHALLENGE = "WWW-Authenticate: Digest realm=\"example.com\", nonce=\"n1\"\r\n";
    private static final String CREDENTIALS = "Authorization: Digest username=\"alice\", realm=\"example.com\","
            + " nonce=\"n1\", uri=\"sip:example.com\", response=\"0123456789abcdef0123456789abcdef\"\r\n";

    private final ManualClock clock = new ManualClock();
    private final LogQueue queue = new LogQueue(10);

    private void challengeAndAnswer(CallLogRecorder recorder, String callId, String finalStatus, Situation s) {
        SipRequest first = receive(recorder, register(callId, 1, ""), ALICE, 1_000);
        send(recorder, registerResponse(callId, 1, "401 Unauthorized", CHALLENGE), ALICE, 1_001);
        recorder.registered(first, ALICE_SOURCE, 401, Situation.AUTH_REQUIRED, "alice");
        SipRequest second = receive(recorder, register(callId, 2, CREDENTIALS), ALICE, 1_040);
        send(recorder, registerResponse(callId, 2, finalStatus, ""), ALICE, 1_041);
        recorder.registered(second, ALICE_SOURCE, Integer.parseInt(finalStatus.substring(0, 3)), s, "alice");
    }

    @Test
    void theWholeExchangeIsOneAttemptWithItsMessagesAsTheyWentOverTheWire() throws Exception {
        CallLogRecorder recorder = new CallLogRecorder(queue, clock);
        challengeAndAnswer(recorder, "reg-1@phone", "200 OK", null);

        List<Pending> closed = drain(queue);
        assertThat(closed).hasSize(1);
        RegistrationRecord r = Records.registration((Pending.Registration) closed.get(0));
        assertThat(r.callId()).isEqualTo("reg-1@phone");
        assertThat(r.atMillis()).as("when the attempt began").isEqualTo(1_000);
        assertThat(r.source()).isEqualTo(ALICE_SOURCE);
        assertThat(r.sipId()).isEqualTo("alice");
        assertThat(r.code()).isEqualTo(200);
        assertThat(r.situation()).isNull();
        assertThat(r.messages()).extracting(m -> m.direction() + " " + m.atMillis() + " " + m.startLine())
                .containsExactly("IN 1000 REGISTER sip:example.com SIP/2.0", "OUT 1001 SIP/2.0 401 Unauthorized",
                        "IN 1040 REGISTER sip:example.com SIP/2.0", "OUT 1041 SIP/2.0 200 OK");
        assertThat(r.messages()).extracting(LoggedMessage::peer).containsOnly(ALICE_SOURCE);
        assertThat(r.messages().get(2).text()).as("the bytes as received, not the message written again")
                .isEqualTo(register("reg-1@phone", 2, CREDENTIALS));
        assertThat(recorder.registrationsInProgress()).isZero();
        assertThat(queue.heldBytes()).as("the queued entry holds its bytes until written").isPositive();
    }

    @Test
    void a401RepeatedFromItsKeptBytesJoinsTheAttempt() throws Exception {
        CallLogRecorder recorder = new CallLogRecorder(queue, clock);
        SipRequest first = receive(recorder, register("reg-9@phone", 1, ""), ALICE, 1_000);
        String challenge = registerResponse("reg-9@phone", 1, "401 Unauthorized", CHALLENGE);
        send(recorder, challenge, ALICE, 1_001);
        recorder.registered(first, ALICE_SOURCE, 401, Situation.AUTH_REQUIRED, "alice");
        // §17.2.2: the REGISTER came again; its transaction repeats the 401 from the bytes it kept
        receive(recorder, register("reg-9@phone", 1, ""), ALICE, 1_500);
        recorder.outboundAgain("reg-9@phone", challenge.getBytes(StandardCharsets.UTF_8), ALICE, 1_501);
        SipRequest second = receive(recorder, register("reg-9@phone", 2, CREDENTIALS), ALICE, 1_540);
        send(recorder, registerResponse("reg-9@phone", 2, "200 OK", ""), ALICE, 1_541);
        recorder.registered(second, ALICE_SOURCE, 200, null, "alice");

        RegistrationRecord r = Records.registration((Pending.Registration) drain(queue).get(0));
        assertThat(r.messages()).extracting(m -> m.direction() + " " + m.atMillis() + " " + m.startLine())
                .containsExactly("IN 1000 REGISTER sip:example.com SIP/2.0", "OUT 1001 SIP/2.0 401 Unauthorized",
                        "IN 1500 REGISTER sip:example.com SIP/2.0", "OUT 1501 SIP/2.0 401 Unauthorized",
                        "IN 1540 REGISTER sip:example.com SIP/2.0", "OUT 1541 SIP/2.0 200 OK");
        assertThat(r.code()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordEndsTheAttemptThoughItIsAnother401() throws Exception {
        CallLogRecorder recorder = new CallLogRecorder(queue, clock);
        challengeAndAnswer(recorder, "reg-2@phone", "401 Unauthorized", Situation.AUTH_WRONG_CREDENTIALS);
        RegistrationRecord r = Records.registration((Pending.Registration) drain(queue).get(0));
        assertThat(r.code()).isEqualTo(401);
        assertThat(r.situation()).isEqualTo("auth.wrong-credentials");
        assertThat(r.messages()).extracting(LoggedMessage::startLine).containsExactly(
                "REGISTER sip:example.com SIP/2.0", "SIP/2.0 401 Unauthorized",
                "REGISTER sip:example.com SIP/2.0", "SIP/2.0 401 Unauthorized");
        assertThat(recorder.registrationsInProgress()).isZero();
    }

    @Test
    void aStaleNonceIsAChallengeThatGoesOn() throws Exception {
        CallLogRecorder recorder = new CallLogRecorder(queue, clock);
        challengeAndAnswer(recorder, "reg-7@phone", "401 Unauthorized", Situation.AUTH_STALE_NONCE);
        assertThat(queue.size()).isZero();
        assertThat(recorder.registrationsInProgress()).isOne();
    }

    @Test
    void theWireBytesAreCopiedOutOfTheTransportsBuffer() throws Exception {
        CallLogRecorder recorder = new CallLogRecorder(queue, clock);
        String text = register("reg-3@phone", 1, "");
        byte[] buffer = ("junk" + text + "more").getBytes(StandardCharsets.UTF_8);
        recorder.inbound(parse(text), buffer, 4, text.length(), false, ALICE, 1_000);
        java.util.Arrays.fill(buffer, (byte) 'x');  // a stream buffer is reused for the next frame
        send(recorder, registerResponse("reg-3@phone", 1, "200 OK", ""), ALICE, 1_001);
        recorder.registered((SipRequest) parse(text), ALICE_SOURCE, 200, null, "alice");

        RegistrationRecord r = Records.registration((Pending.Registration) drain(queue).get(0));
        assertThat(r.messages().get(0).text()).isEqualTo(text);
    }

    @Test
    void aDatagramsOwnArrayIsKeptWithoutACopy() throws Exception {
        CallLogRecorder recorder = new CallLogRecorder(queue, clock);
        byte[] datagram = register("reg-8@phone", 1, "").getBytes(StandardCharsets.UTF_8);
        SipRequest r = (SipRequest) parse(register("reg-8@phone", 1, ""));
        recorder.inbound(r, datagram, 0, datagram.length, true, ALICE, 1_000);
        send(recorder, registerResponse("reg-8@phone", 1, "200 OK", ""), ALICE, 1_001);
        recorder.registered(r, ALICE_SOURCE, 200, null, "alice");
        assertThat(((Pending.Registration) drain(queue).get(0)).entries().get(0).wire()).isSameAs(datagram);
    }

    @Test
    void aChallengeNeverAnsweredIsLoggedByTheSweepAndALateCopyIsNot() throws Exception {
        CallLogRecorder recorder = new CallLogRecorder(queue, clock);
        SipRequest first = receive(recorder, register("reg-4@phone", 1, ""), ALICE, 0);
        send(recorder, registerResponse("reg-4@phone", 1, "401 Unauthorized", CHALLENGE), ALICE, 1);
        recorder.registered(first, ALICE_SOURCE, 401, Situation.AUTH_REQUIRED, "alice");
        // a REGISTER answered 200 whose attempt was already closed, seen again: the transaction answers it once more
        receive(recorder, register("reg-5@phone", 7, ""), ALICE, 0);
        send(recorder, registerResponse("reg-5@phone", 7, "200 OK", ""), ALICE, 1);

        assertThat(recorder.sweep(RegistrationRecorder.MAX_ATTEMPT_MILLIS)).isZero();
        assertThat(recorder.sweep(RegistrationRecorder.MAX_ATTEMPT_MILLIS + 1)).as("only the challenge").isEqualTo(1);
        RegistrationRecord r = Records.registration((Pending.Registration) drain(queue).get(0));
        assertThat(r.callId()).isEqualTo("reg-4@phone");
        assertThat(r.code()).isEqualTo(401);
        assertThat(r.situation()).isEqualTo("auth.required");
        assertThat(r.sipId()).isEqualTo("alice");
        assertThat(r.messages()).hasSize(2);
        assertThat(recorder.registrationsInProgress()).isZero();
        assertThat(queue.heldBytes()).as("the dropped copy gave its bytes back").isEqualTo(
                r.messages().stream().mapToLong(m -> m.text().length()).sum());
    }

    @Test
    void aRetransmissionAfterTheAttemptClosedStartsNoNewOne() throws Exception {
        CallLogRecorder recorder = new CallLogRecorder(queue, clock);
        challengeAndAnswer(recorder, "reg-6@phone", "200 OK", null);
        receive(recorder, register("reg-6@phone", 2, CREDENTIALS), ALICE, 1_500);  // its 200 was lost on the way
        assertThat(recorder.registrationsInProgress()).isZero();
        // the next refresh (a higher CSeq) is a new attempt
        receive(recorder, register("reg-6@phone", 3, CREDENTIALS), ALICE, 1_600);
        assertThat(recorder.registrationsInProgress()).isOne();
    }

    @Test
    void withLaddersForFailedOnlyASuccessKeepsItsSummaryAlone() throws Exception {
        CallLogRecorder recorder = new CallLogRecorder(queue, clock, CallLogSettings.Ladders.FAILED);
        challengeAndAnswer(recorder, "ok@phone", "200 OK", null);
        challengeAndAnswer(recorder, "bad@phone", "401 Unauthorized", Situation.AUTH_WRONG_CREDENTIALS);
        List<Pending> closed = drain(queue);
        assertThat(Records.registration((Pending.Registration) closed.get(0)).messages()).isEmpty();
        assertThat(Records.registration((Pending.Registration) closed.get(1)).messages()).hasSize(4);
        assertThat(queue.heldBytes()).as("the success gave its bytes back at once")
                .isEqualTo(closed.get(1).heldBytes()).isPositive();
    }
}
