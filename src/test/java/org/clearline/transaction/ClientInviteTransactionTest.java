package org.clearline.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.transaction.Harness.BOB_TCP;
import static org.clearline.transaction.Harness.BOB_UDP;
import static org.clearline.transaction.Harness.summaries;
import static org.clearline.transaction.Harness.times;

import java.io.IOException;
import java.util.List;
import org.clearline.syntax.SipRequest;
import org.clearline.transport.LoopTransport.Sent;
import org.junit.jupiter.api.Test;

/** §17.1.1 (Figure 5) with RFC 6026 §7.2. */
class ClientInviteTransactionTest {
    private static final String BRANCH = "z9hG4bK-proxy-1";
    private static final String CALL = "a84b4c76e66710@192.0.2.10";

    private final Harness h = new Harness();
    private final Harness.ClientEvents tu = h.new ClientEvents();

    private ClientInviteTransaction invite(String transport) {
        SipRequest invite = Sip.toBob("INVITE", transport, BRANCH, CALL);
        return (ClientInviteTransaction) h.layer.sendRequest(invite, transport.equals("UDP") ? BOB_UDP : BOB_TCP, tu);
    }

    private void fromBob(String status, String toTag) {
        h.deliver(Sip.fromBob(status, "UDP", BRANCH, CALL, "INVITE", toTag), BOB_UDP);
    }

    @Test
    void overUdpTimerARetransmitsAtDoublingIntervalsUntilTimerB() {
        invite("UDP");

        h.advanceSeconds(64);

        List<Sent> sent = h.takeSent();
        assertThat(summaries(sent)).containsOnly("INVITE");
        assertThat(times(sent)).containsExactly(0.0, 0.5, 1.5, 3.5, 7.5, 15.5, 31.5);
        assertThat(tu.events).containsExactly("timeout@32.0");
        assertThat(h.layer.activeTransactions()).isZero();
        assertThat(h.timersLeft()).isZero();
    }

    @Test
    void overTcpNothingIsRetransmittedButTimerBStillFires() {
        invite("TCP");

        h.advanceSeconds(64);

        assertThat(times(h.takeSent())).containsExactly(0.0);
        assertThat(tu.events).containsExactly("timeout@32.0");
        assertThat(h.layer.activeTransactions()).isZero();
    }

    @Test
    void aProvisionalResponseStopsRetransmissionsAndTimerB() {
        ClientInviteTransaction tx = invite("UDP");
        h.advanceSeconds(1);
        fromBob("180 Ringing", "bob-1");
        fromBob("183 Session Progress", "bob-1");

        h.advanceSeconds(120);

        assertThat(times(h.takeSent())).containsExactly(0.0, 0.5);
        assertThat(tu.events).containsExactly("180@1.0", "183@1.0");
        assertThat(tx.state()).isEqualTo(ClientInviteTransaction.State.PROCEEDING);
        assertThat(tx.completed()).isFalse();
        assertThat(h.layer.activeTransactions()).isEqualTo(1);
    }

    @Test
    void aNonSuccessFinalIsAcknowledgedByTheTransactionWithTheHeadersOf17113() {
        ClientInviteTransaction tx = invite("UDP");
        h.takeSent();
        fromBob("486 Busy Here", "bob-1");

        List<Sent> sent = h.takeSent();
        assertThat(summaries(sent)).containsExactly("ACK");
        Sent ack = sent.get(0);
        SipRequest a = ack.request();
        assertThat(ack.destination()).isEqualTo(BOB_UDP);
        assertThat(a.requestUri().toString()).isEqualTo("sip:bob@192.0.2.20:5060");
        assertThat(a.headerValues("Via")).hasSize(1);
        assertThat(a.vias()).hasSize(1);
        assertThat(a.topVia().branch()).isEqualTo(BRANCH);
        assertThat(a.topVia().sentBy()).isEqualTo("127.0.0.1:5060");
        assertThat(a.headerValues("Route")).containsExactly("<sip:edge1.example.net;lr>", "<sip:edge2.example.net;lr>");
        assertThat(a.to().tag()).isEqualTo("bob-1");
        assertThat(a.from().tag()).isEqualTo("1928301774");
        assertThat(a.callId()).isEqualTo(CALL);
        assertThat(a.cseq().number()).isEqualTo(314159);
        assertThat(a.cseq().method()).isEqualTo("ACK");
        assertThat(a.header("Max-Forwards")).isEqualTo("69");
        assertThat(a.hasHeader("Contact")).isFalse();
        assertThat(tu.events).containsExactly("486@0.0");
        assertThat(tx.state()).isEqualTo(ClientInviteTransaction.State.COMPLETED);
        assertThat(tx.completed()).isTrue();
    }

    @Test
    void eachRetransmittedFinalIsAcknowledgedAgainUntilTimerD() {
        invite("UDP");
        fromBob("100 Trying", "");
        fromBob("603 Decline", "bob-1");
        h.advanceSeconds(1);
        fromBob("603 Decline", "bob-1");
        h.advanceSeconds(30.5);
        fromBob("603 Decline", "bob-1");

        List<Sent> sent = h.takeSent();
        assertThat(summaries(sent)).containsExactly("INVITE", "ACK", "ACK", "ACK");
        assertThat(times(sent)).containsExactly(0.0, 0.0, 1.0, 31.5);
        assertThat(sent.get(3).request().encode()).isEqualTo(sent.get(1).request().encode());
        assertThat(tu.events).containsExactly("100@0.0", "603@0.0");
        assertThat(h.layer.activeTransactions()).isEqualTo(1);

        h.advanceSeconds(0.5); // Timer D: 32 s after the first final
        assertThat(h.layer.activeTransactions()).isZero();
        fromBob("603 Decline", "bob-1");
        assertThat(h.tu.strays).hasSize(1);
        assertThat(h.takeSent()).isEmpty();
    }

    @Test
    void overTcpTimerDIsZero() {
        ClientInviteTransaction tx = invite("TCP");
        h.deliver(Sip.fromBob("404 Not Found", "TCP", BRANCH, CALL, "INVITE", "bob-1"), BOB_TCP);

        assertThat(summaries(h.takeSent())).containsExactly("INVITE", "ACK");
        assertThat(tx.state()).isEqualTo(ClientInviteTransaction.State.TERMINATED);
        assertThat(h.layer.activeTransactions()).isZero();
        assertThat(h.timersLeft()).isZero();
    }

    @Test
    void inAcceptedEvery2xxReachesTheTuIncludingRetransmissionsAndOtherForks() {
        ClientInviteTransaction tx = invite("UDP");
        fromBob("180 Ringing", "bob-1");
        fromBob("200 OK", "bob-1");
        h.advanceSeconds(0.5);
        fromBob("200 OK", "bob-1");     // retransmission
        fromBob("200 OK", "bob-2");     // another fork answered too
        fromBob("180 Ringing", "bob-3"); // late provisional: dropped in Accepted
        fromBob("486 Busy Here", "bob-4"); // dropped too, not acknowledged by us

        assertThat(tu.events).containsExactly("180@0.0", "200@0.0", "200@0.5", "200@0.5");
        assertThat(tu.responses.get(3).to().tag()).isEqualTo("bob-2");
        assertThat(summaries(h.takeSent())).containsExactly("INVITE"); // the TU acknowledges 2xx, not us
        assertThat(tx.state()).isEqualTo(ClientInviteTransaction.State.ACCEPTED);
        assertThat(tx.completed()).isTrue();

        h.advanceSeconds(31.4);
        assertThat(h.layer.activeTransactions()).isEqualTo(1);
        h.advanceSeconds(0.1); // Timer M = 64*T1 after the first 2xx
        assertThat(tx.state()).isEqualTo(ClientInviteTransaction.State.TERMINATED);
        assertThat(h.layer.activeTransactions()).isZero();

        fromBob("200 OK", "bob-1");
        assertThat(h.tu.strays).hasSize(1);
        assertThat(tu.events).hasSize(4);
    }

    @Test
    void aRequestThatCannotBeSentEndsTheTransaction() {
        IOException refused = new IOException("connection refused");
        h.transport.failSends(refused);

        ClientInviteTransaction tx = invite("TCP");
        h.runPending();

        assertThat(tu.events).containsExactly("transport-error@0.0");
        assertThat(tu.error).isSameAs(refused);
        assertThat(tx.state()).isEqualTo(ClientInviteTransaction.State.TERMINATED);
        assertThat(h.layer.activeTransactions()).isZero();
        assertThat(h.timersLeft()).isZero();
    }

    @Test
    void aRetransmissionThatFailsEndsTheTransaction() {
        invite("UDP");
        h.transport.failSends(new IOException("network unreachable"));

        h.advanceSeconds(10);

        assertThat(tu.events).containsExactly("transport-error@0.5");
        assertThat(h.transport.failed()).hasSize(1);
        assertThat(h.layer.activeTransactions()).isZero();
    }

    @Test
    void anAckThatCannotBeSentIsReportedToo() {
        invite("UDP");
        h.transport.failSendsWhen(s -> s.summary().equals("ACK"), new IOException("unreachable"));

        fromBob("500 Server Internal Error", "bob-1");

        assertThat(tu.events).containsExactly("500@0.0", "transport-error@0.0");
        assertThat(h.layer.activeTransactions()).isZero();
    }

    @Test
    void terminateStopsSilently() {
        ClientInviteTransaction tx = invite("UDP");
        h.advanceSeconds(0.6);

        tx.terminate();
        h.advanceSeconds(64);

        assertThat(times(h.takeSent())).containsExactly(0.0, 0.5);
        assertThat(tu.events).isEmpty();
        assertThat(h.layer.activeTransactions()).isZero();
        assertThat(tx.completed()).isTrue();
    }
}
