package org.clearline.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.transaction.Harness.BOB_TCP;
import static org.clearline.transaction.Harness.BOB_UDP;
import static org.clearline.transaction.Harness.summaries;
import static org.clearline.transaction.Harness.times;

import java.util.ArrayList;
import java.util.List;
import org.clearline.syntax.ParseError;
import org.clearline.syntax.SipResponse;
import org.clearline.transport.Inbound;
import org.junit.jupiter.api.Test;

/**
 * §21.5.3 / §16.7: a response that matches a client transaction (top Via branch,
 * CSeq) but is otherwise malformed ends the transaction when it is final, so the
 * proxy can answer 502 at once instead of 408 after Timer B/F; a malformed
 * provisional is ignored; one that matches nothing stays the TU's.
 */
class InvalidResponseTest {
    private static final String BRANCH = "z9hG4bK-proxy-1";
    private static final String CALL = "a84b4c76e66710@192.0.2.10";
    private static final String GOOD_TO = "To: <sip:bob@example.com>;tag=bob-1";

    private final Harness h = new Harness();
    private final Harness.ClientEvents tu = h.new ClientEvents();

    private ClientInviteTransaction invite(String transport) {
        return (ClientInviteTransaction) h.layer.sendRequest(Sip.toBob("INVITE", transport, BRANCH, CALL),
                transport.equals("UDP") ? BOB_UDP : BOB_TCP, tu);
    }

    private ClientNonInviteTransaction options() {
        return (ClientNonInviteTransaction) h.layer.sendRequest(Sip.toBob("OPTIONS", "UDP", BRANCH, CALL), BOB_UDP, tu);
    }

    /** Bob's answer as it is on the wire, before we break it. */
    private static String wire(String status, String method, String branch) {
        return Sip.fromBob(status, "UDP", branch, CALL, method, "bob-1");
    }

    /** Bob's answer with an unterminated To header: it names the transaction but does not parse. */
    private static String badTo(String status, String method) {
        return wire(status, method, BRANCH).replace(GOOD_TO, "To: <sip:bob@example.com;tag=bob-1");
    }

    private void deliver(String wire) {
        assertThat(h.deliver(wire, BOB_UDP)).as("the fixture must not parse").isNull();
    }

    @Test
    void aMalformedFinalEndsTheInviteTransactionWithoutAnAck() {
        ClientInviteTransaction tx = invite("UDP");
        h.takeSent();

        deliver(badTo("486 Busy Here", "INVITE"));

        assertThat(tu.events).containsExactly("invalid@0.0");
        assertThat(tu.invalid.get(0).header()).isEqualTo("To");
        assertThat(tu.responses).isEmpty();
        assertThat(tx.state()).isEqualTo(ClientInviteTransaction.State.TERMINATED);
        assertThat(tx.completed()).isTrue();
        assertThat(tx.ack()).isNull();
        assertThat(h.takeSent()).isEmpty();
        assertThat(h.layer.activeTransactions()).isZero();
        assertThat(h.timersLeft()).isZero();
        assertThat(h.tu.malformed).isEmpty();

        // no Timer A retransmission, no Timer B timeout later
        h.advanceSeconds(64);
        assertThat(h.takeSent()).isEmpty();
        assertThat(tu.events).containsExactly("invalid@0.0");
    }

    @Test
    void aRetransmissionOfTheMalformedFinalFindsNoTransactionAndGoesToTheTu() {
        invite("UDP");
        deliver(badTo("486 Busy Here", "INVITE"));

        h.advanceSeconds(0.5);
        deliver(badTo("486 Busy Here", "INVITE"));

        assertThat(tu.events).containsExactly("invalid@0.0");
        assertThat(h.tu.malformed).hasSize(1);
        assertThat(h.tu.malformed.get(0).failure().partial()).isInstanceOf(SipResponse.class);
    }

    @Test
    void aMalformed2xxEndsTheInviteTransactionToo() {
        ClientInviteTransaction tx = invite("TCP");
        h.takeSent();

        deliver(wire("200 OK", "INVITE", BRANCH).replace("Content-Length: 0", "Content-Length: abc"));

        assertThat(tu.events).containsExactly("invalid@0.0");
        assertThat(tu.invalid.get(0).error()).isEqualTo(ParseError.BAD_CONTENT_LENGTH);
        assertThat(((SipResponse) tu.invalid.get(0).partial()).status()).isEqualTo(200);
        assertThat(tx.state()).isEqualTo(ClientInviteTransaction.State.TERMINATED);
        assertThat(h.takeSent()).isEmpty();
        assertThat(h.layer.activeTransactions()).isZero();
        assertThat(h.timersLeft()).isZero();
    }

    @Test
    void aMalformedFinalInProceedingEndsTheTransaction() {
        ClientInviteTransaction tx = invite("UDP");
        h.deliver(wire("180 Ringing", "INVITE", BRANCH), BOB_UDP);
        h.takeSent();

        h.advanceSeconds(3);
        deliver(wire("603 Decline", "INVITE", BRANCH).replace("CSeq: 314159 INVITE",
                "CSeq: 314159 INVITE\r\nthis is not a header line"));

        assertThat(tu.events).containsExactly("180@0.0", "invalid@3.0");
        assertThat(tu.invalid.get(0).detail()).isEqualTo("malformed header line");
        assertThat(tx.state()).isEqualTo(ClientInviteTransaction.State.TERMINATED);
        assertThat(h.takeSent()).isEmpty();
        assertThat(h.layer.activeTransactions()).isZero();
    }

    @Test
    void aStatusLineWithGarbageInTheReasonStillEndsTheTransaction() {
        invite("UDP");

        deliver(wire("200 O\u0001K", "INVITE", BRANCH));

        assertThat(tu.events).containsExactly("invalid@0.0");
        assertThat(tu.invalid.get(0).error()).isEqualTo(ParseError.BAD_STATUS_LINE);
        assertThat(h.layer.activeTransactions()).isZero();
    }

    @Test
    void aMalformedProvisionalIsIgnoredAndALaterFinalStillArrives() {
        ClientInviteTransaction tx = invite("UDP");

        deliver(badTo("180 Ringing", "INVITE"));

        assertThat(tu.events).isEmpty();
        assertThat(tx.state()).isEqualTo(ClientInviteTransaction.State.CALLING);
        assertThat(h.tu.malformed).isEmpty();

        // still Calling: Timer A goes on retransmitting until a readable response comes
        h.advanceSeconds(1);
        h.deliver(wire("200 OK", "INVITE", BRANCH), BOB_UDP);

        assertThat(times(h.takeSent())).containsExactly(0.0, 0.5);
        assertThat(tu.events).containsExactly("200@1.0");
        assertThat(tx.state()).isEqualTo(ClientInviteTransaction.State.ACCEPTED);
    }

    @Test
    void aMalformedFinalAfterTheFinalIsIgnored() {
        ClientInviteTransaction tx = invite("UDP");
        h.deliver(wire("486 Busy Here", "INVITE", BRANCH), BOB_UDP);
        assertThat(summaries(h.takeSent())).containsExactly("INVITE", "ACK");

        deliver(badTo("486 Busy Here", "INVITE"));

        assertThat(tu.events).containsExactly("486@0.0");
        assertThat(tx.state()).isEqualTo(ClientInviteTransaction.State.COMPLETED);
        assertThat(h.takeSent()).isEmpty();
        assertThat(h.tu.malformed).isEmpty();
    }

    @Test
    void aMalformedFinalEndsTheNonInviteTransaction() {
        ClientNonInviteTransaction tx = options();
        h.takeSent();

        h.advanceSeconds(0.2);
        deliver(badTo("200 OK", "OPTIONS"));

        assertThat(tu.events).containsExactly("invalid@0.2");
        assertThat(tx.state()).isEqualTo(ClientNonInviteTransaction.State.TERMINATED);
        assertThat(h.layer.activeTransactions()).isZero();
        assertThat(h.timersLeft()).isZero();
        h.advanceSeconds(64);
        assertThat(h.takeSent()).isEmpty();
        assertThat(tu.events).containsExactly("invalid@0.2");
    }

    @Test
    void aMalformedProvisionalToANonInviteIsIgnored() {
        ClientNonInviteTransaction tx = options();

        deliver(badTo("100 Trying", "OPTIONS"));
        h.deliver(wire("200 OK", "OPTIONS", BRANCH), BOB_UDP);

        assertThat(tu.events).containsExactly("200@0.0");
        assertThat(tx.state()).isEqualTo(ClientNonInviteTransaction.State.COMPLETED);
    }

    @Test
    void aMalformedResponseWithABranchWeNeverSentGoesToTheTu() {
        ClientInviteTransaction tx = invite("UDP");

        deliver(wire("486 Busy Here", "INVITE", "z9hG4bK-not-ours").replace(GOOD_TO, "To: <sip:bob@example.com"));

        assertThat(tu.events).isEmpty();
        assertThat(h.tu.malformed).hasSize(1);
        assertThat(h.tu.malformed.get(0).failure().header()).isEqualTo("To");
        assertThat(tx.state()).isEqualTo(ClientInviteTransaction.State.CALLING);
        assertThat(h.layer.activeTransactions()).isEqualTo(1);
    }

    @Test
    void theCseqMethodNumberAndCallIdMustAllAgree() {
        ClientInviteTransaction tx = invite("UDP");

        deliver(badTo("486 Busy Here", "INVITE").replace("CSeq: 314159 INVITE", "CSeq: 314159 BYE"));
        deliver(badTo("486 Busy Here", "INVITE").replace("CSeq: 314159 INVITE", "CSeq: 314158 INVITE"));
        deliver(badTo("486 Busy Here", "INVITE").replace("Call-ID: " + CALL, "Call-ID: other@192.0.2.20"));

        assertThat(tu.events).isEmpty();
        assertThat(h.tu.malformed).hasSize(3);
        assertThat(tx.state()).isEqualTo(ClientInviteTransaction.State.CALLING);
    }

    @Test
    void responsesWhoseCseqOrStatusCannotBeReadNeverMatch() {
        ClientInviteTransaction tx = invite("UDP");

        // RFC 4475 scalarlg: a CSeq number beyond 32 bits
        deliver(wire("503 Service Unavailable", "INVITE", BRANCH)
                .replace("CSeq: 314159 INVITE", "CSeq: 9292394834772304023312 INVITE"));
        // RFC 4475 bigcode: a status code far beyond three digits
        deliver(wire("4294967301 better not break the receiver", "INVITE", BRANCH));
        deliver(wire("2x0 OK", "INVITE", BRANCH));

        assertThat(tu.events).isEmpty();
        assertThat(h.tu.malformed).hasSize(3);
        assertThat(tx.state()).isEqualTo(ClientInviteTransaction.State.CALLING);
        assertThat(h.layer.activeTransactions()).isEqualTo(1);
    }

    @Test
    void withoutCallIdEveryShardIsAskedAndTheOwnerTakesIt() {
        Harness many = new Harness(8);
        Harness.ClientEvents events = many.new ClientEvents();
        many.layer.sendRequest(Sip.toBob("INVITE", "UDP", BRANCH, CALL), BOB_UDP, events);
        String noCallId = wire("486 Busy Here", "INVITE", BRANCH).replace("Call-ID: " + CALL + "\r\n", "");

        assertThat(many.deliver(noCallId, BOB_UDP)).isNull();

        assertThat(events.events).containsExactly("invalid@0.0");
        assertThat(events.invalid.get(0).header()).isEqualTo("Call-ID");
        assertThat(many.layer.activeTransactions()).isZero();
        assertThat(many.tu.malformed).isEmpty();
    }

    @Test
    void withoutCallIdAndWithoutOwnerTheTuGetsItOnceOnShardZero() {
        Harness many = new Harness(8);
        Harness.ClientEvents events = many.new ClientEvents();
        many.layer.sendRequest(Sip.toBob("INVITE", "UDP", BRANCH, CALL), BOB_UDP, events);
        many.runPending();
        long before = many.shards.get(0).executedTasks();
        String stray = wire("486 Busy Here", "INVITE", "z9hG4bK-not-ours").replace("Call-ID: " + CALL + "\r\n", "");

        assertThat(many.deliver(stray, BOB_UDP)).isNull();

        assertThat(events.events).isEmpty();
        assertThat(many.tu.malformed).hasSize(1);
        assertThat(many.shards.get(0).executedTasks() - before).isEqualTo(1); // asked last, and only once
        for (int i = 1; i < 8; i++) assertThat(many.shards.get(i).executedTasks()).as("shard " + i).isPositive();
    }

    @Test
    void aListenerWithoutOnInvalidResponseIsToldOfATransportError() {
        List<String> seen = new ArrayList<>();
        ClientTransactionListener old = new ClientTransactionListener() {
            @Override
            public void onResponse(ClientTransaction t, SipResponse response, Inbound inbound) {
                seen.add("response " + response.status());
            }

            @Override
            public void onTimeout(ClientTransaction t) {
                seen.add("timeout");
            }

            @Override
            public void onTransportError(ClientTransaction t, Throwable cause) {
                seen.add(cause.getClass().getSimpleName() + ": " + cause.getMessage());
            }
        };
        h.layer.sendRequest(Sip.toBob("INVITE", "UDP", BRANCH, CALL), BOB_UDP, old);

        deliver(badTo("486 Busy Here", "INVITE"));

        assertThat(seen).hasSize(1);
        assertThat(seen.get(0)).startsWith("IllegalStateException: Bad To header: ");
        assertThat(h.layer.activeTransactions()).isZero();
    }
}
