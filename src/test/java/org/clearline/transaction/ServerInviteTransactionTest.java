package org.clearline.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.transaction.Harness.ALICE_TCP;
import static org.clearline.transaction.Harness.ALICE_UDP;
import static org.clearline.transaction.Harness.summaries;
import static org.clearline.transaction.Harness.times;

import java.io.IOException;
import java.util.List;
import org.clearline.syntax.Responses;
import org.clearline.syntax.SipResponse;
import org.clearline.transport.LoopTransport.Sent;
import org.junit.jupiter.api.Test;

/** §17.2.1 (Figure 7) with RFC 6026 §7.1. */
class ServerInviteTransactionTest {
    private static final String BRANCH = "z9hG4bK-alice-42";
    private static final String CALL = "3848276298220188511@192.0.2.10";

    private final Harness h = new Harness();
    private final Harness.ServerEvents events = h.new ServerEvents();

    private ServerInviteTransaction invite(String transport) {
        h.deliver(Sip.fromAlice("INVITE", transport, BRANCH, CALL, "1", ""), transport.equals("UDP") ? ALICE_UDP : ALICE_TCP);
        ServerInviteTransaction tx = (ServerInviteTransaction) h.tu.last();
        tx.setListener(events);
        return tx;
    }

    private void retransmit() {
        h.deliver(Sip.fromAlice("INVITE", "UDP", BRANCH, CALL, "1", ""), ALICE_UDP);
    }

    private void ack(String branch, String toTag) {
        h.deliver(Sip.fromAlice("ACK", "UDP", branch, CALL, "1", toTag), ALICE_UDP);
    }

    private static SipResponse answer(ServerTransaction tx, int status, String reason) {
        return Responses.create(tx.request(), status, reason, "bob-1");
    }

    @Test
    void answers100TryingAtOnceAndPassesTheRequestUpOnce() {
        ServerInviteTransaction tx = invite("UDP");

        List<Sent> sent = h.takeSent();
        assertThat(summaries(sent)).containsExactly("100 Trying");
        assertThat(sent.get(0).destination()).isEqualTo(ALICE_UDP);
        assertThat(sent.get(0).response().to().tag()).isNull(); // §17.2.1: SHOULD NOT add a tag
        assertThat(sent.get(0).response().cseq().method()).isEqualTo("INVITE");
        assertThat(h.tu.requests).containsExactly(tx);
        assertThat(tx.isInvite()).isTrue();
        assertThat(tx.finalSent()).isFalse();
        assertThat(tx.inbound().source()).isEqualTo(ALICE_UDP);
        assertThat(tx.scheduler()).isSameAs(h.shards.get(0));
    }

    @Test
    void retransmittedInviteInProceedingRepeatsTheLatestProvisional() {
        ServerInviteTransaction tx = invite("UDP");
        retransmit();
        tx.respond(answer(tx, 180, "Ringing"));
        retransmit();

        assertThat(summaries(h.takeSent())).containsExactly("100 Trying", "100 Trying", "180 Ringing", "180 Ringing");
        assertThat(h.tu.requests).hasSize(1);
    }

    @Test
    void overUdpTimerGRetransmitsTheNonSuccessFinalUpToT2UntilTimerH() {
        ServerInviteTransaction tx = invite("UDP");
        h.takeSent();
        tx.respond(answer(tx, 486, "Busy Here"));

        h.advanceSeconds(64);

        List<Sent> sent = h.takeSent();
        assertThat(summaries(sent)).containsOnly("486 Busy Here");
        assertThat(times(sent)).containsExactly(0.0, 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5, 31.5);
        assertThat(events.events).containsExactly("ack-timeout@32.0", "terminated@32.0");
        assertThat(tx.state()).isEqualTo(ServerInviteTransaction.State.TERMINATED);
        assertThat(h.layer.activeTransactions()).isZero();
        assertThat(h.timersLeft()).isZero();
    }

    @Test
    void anInviteAnsweredStatelesslyStaysToAbsorbItsAck() {
        ServerInviteTransaction tx = invite("UDP");
        tx.respondStatelessly(answer(tx, 407, "Proxy Authentication Required"));
        h.advanceSeconds(0.5);
        ack(BRANCH, "bob-1");

        // as respond(): Timer G repeated the 407 once, the ACK matched the transaction, Timer I waits
        assertThat(summaries(h.takeSent())).containsExactly("100 Trying", "407 Proxy Authentication Required",
                "407 Proxy Authentication Required");
        assertThat(tx.state()).isEqualTo(ServerInviteTransaction.State.CONFIRMED);
        assertThat(h.tu.acks).isEmpty();
    }

    @Test
    void theAckStopsRetransmissionsAndItsRetransmissionsAreAbsorbedUntilTimerI() {
        ServerInviteTransaction tx = invite("UDP");
        tx.respond(answer(tx, 486, "Busy Here"));
        h.advanceSeconds(1);
        retransmit(); // §17.2.1: Completed answers a retransmitted INVITE with the final
        ack(BRANCH, "bob-1");
        h.advanceSeconds(1);
        ack(BRANCH, "bob-1");
        retransmit();

        assertThat(summaries(h.takeSent()))
                .containsExactly("100 Trying", "486 Busy Here", "486 Busy Here", "486 Busy Here");
        assertThat(tx.state()).isEqualTo(ServerInviteTransaction.State.CONFIRMED);
        assertThat(h.tu.acks).isEmpty();
        assertThat(h.tu.requests).hasSize(1);
        // the overload guard's figures: one transaction, two INVITEs again; the ACKs are no retransmissions
        assertThat(h.layer.requestCounts()).isEqualTo(new TransactionLayer.RequestCounts(1, 2));

        h.advanceSeconds(3.9);
        assertThat(h.layer.activeTransactions()).isEqualTo(1);
        h.advanceSeconds(0.1); // Timer I = T4 after the ACK at 1.0
        assertThat(events.events).containsExactly("terminated@6.0");
        assertThat(h.layer.activeTransactions()).isZero();
        assertThat(h.takeSent()).isEmpty();
    }

    @Test
    void overTcpThereIsNoTimerGAndTimerIIsZero() {
        ServerInviteTransaction tx = invite("TCP");
        tx.respond(answer(tx, 404, "Not Found"));
        h.advanceSeconds(10);

        assertThat(summaries(h.takeSent())).containsExactly("100 Trying", "404 Not Found");

        h.deliver(Sip.fromAlice("ACK", "TCP", BRANCH, CALL, "1", "bob-1"), ALICE_TCP);
        assertThat(events.events).containsExactly("terminated@10.0");
        assertThat(h.layer.activeTransactions()).isZero();
        assertThat(h.timersLeft()).isZero();
    }

    @Test
    void overTcpTimerHStillWaitsForTheAck() {
        ServerInviteTransaction tx = invite("TCP");
        tx.respond(answer(tx, 480, "Temporarily Unavailable"));

        h.advanceSeconds(64);

        assertThat(events.events).containsExactly("ack-timeout@32.0", "terminated@32.0");
    }

    @Test
    void afterA2xxTheTransactionIsAcceptedAbsorbsInvitesAndSendsFurther2xx() {
        ServerInviteTransaction tx = invite("UDP");
        h.takeSent();
        SipResponse retransmitted2xx = answer(tx, 200, "OK"); // a TU keeps what it needs of the request
        SipResponse busy = answer(tx, 486, "Busy Here");
        tx.respond(answer(tx, 200, "OK"));
        h.advanceSeconds(0.5);
        retransmit();                     // absorbed: nothing sent, TU not called
        tx.respond(retransmitted2xx);     // the proxy forwards a 2xx retransmission
        tx.respond(busy);                 // ignored after a 2xx

        assertThat(summaries(h.takeSent())).containsExactly("200 OK", "200 OK");
        assertThat(h.tu.requests).hasSize(1);
        assertThat(tx.state()).isEqualTo(ServerInviteTransaction.State.ACCEPTED);
        assertThat(tx.finalSent()).isTrue();

        // the ACK for a 2xx: a new branch (RFC 3261), and one with the INVITE's branch (RFC 6026 §7.1)
        ack("z9hG4bK-alice-43", "bob-1");
        ack(BRANCH, "bob-1");
        assertThat(h.tu.acks).hasSize(2);
        assertThat(tx.state()).isEqualTo(ServerInviteTransaction.State.ACCEPTED);

        h.advanceSeconds(31.5); // Timer L = 64*T1 after the first 2xx
        assertThat(events.events).containsExactly("terminated@32.0");
        assertThat(h.layer.activeTransactions()).isZero();
        assertThat(h.takeSent()).isEmpty();
    }

    @Test
    void responsesAfterTheFinalAreIgnored() {
        ServerInviteTransaction tx = invite("TCP");
        tx.respond(answer(tx, 603, "Decline"));
        tx.respond(answer(tx, 180, "Ringing"));
        tx.respond(answer(tx, 200, "OK"));

        assertThat(summaries(h.takeSent())).containsExactly("100 Trying", "603 Decline");
    }

    @Test
    void aFinalThatCannotBeSentEndsTheTransaction() {
        ServerInviteTransaction tx = invite("TCP");
        h.transport.failSends(new IOException("connection closed"));

        tx.respond(answer(tx, 486, "Busy Here"));
        h.runPending();

        assertThat(events.events).containsExactly("transport-error@0.0", "terminated@0.0");
        assertThat(events.error).hasMessage("connection closed");
        assertThat(h.layer.activeTransactions()).isZero();
        assertThat(h.timersLeft()).isZero();
    }

    @Test
    void aRetransmittedFinalThatCannotBeSentEndsTheTransaction() {
        ServerInviteTransaction tx = invite("UDP");
        tx.respond(answer(tx, 486, "Busy Here"));
        h.transport.failSends(new IOException("no route"));

        h.advanceSeconds(1);

        assertThat(events.events).containsExactly("transport-error@0.5", "terminated@0.5");
        assertThat(h.layer.activeTransactions()).isZero();
    }

    @Test
    void inAcceptedATransportErrorIsReportedButTheTransactionStays() {
        ServerInviteTransaction tx = invite("UDP");
        tx.respond(answer(tx, 200, "OK"));
        h.transport.failSends(new IOException("no route"));
        tx.respond(answer(tx, 200, "OK"));
        h.runPending();

        assertThat(events.events).containsExactly("transport-error@0.0");
        assertThat(tx.state()).isEqualTo(ServerInviteTransaction.State.ACCEPTED);
        h.transport.stopFailing();
        h.takeSent();
        retransmit();
        assertThat(h.takeSent()).isEmpty(); // still absorbing INVITE retransmissions
    }

    @Test
    void theTrying100EchoesTheTimestamp() {
        String withTimestamp = Sip.fromAlice("INVITE", BRANCH, CALL).replace("Max-Forwards: 70\r\n",
                "Max-Forwards: 70\r\nTimestamp: 54\r\n");
        h.deliver(withTimestamp, ALICE_UDP);

        assertThat(h.takeSent().get(0).response().header("Timestamp")).isEqualTo("54");
    }
}
