package org.clearline.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.transaction.Harness.BOB_TCP;
import static org.clearline.transaction.Harness.BOB_UDP;
import static org.clearline.transaction.Harness.summaries;
import static org.clearline.transaction.Harness.times;

import java.io.IOException;
import org.clearline.syntax.SipRequest;
import org.junit.jupiter.api.Test;

/** §17.1.2 (Figure 6). */
class ClientNonInviteTransactionTest {
    private static final String BRANCH = "z9hG4bK-proxy-7";
    private static final String CALL = "options-1@192.0.2.10";

    private final Harness h = new Harness();
    private final Harness.ClientEvents tu = h.new ClientEvents();

    private ClientNonInviteTransaction send(String method, String transport) {
        SipRequest r = Sip.toBob(method, transport, BRANCH, CALL);
        return (ClientNonInviteTransaction) h.layer.sendRequest(r, transport.equals("UDP") ? BOB_UDP : BOB_TCP, tu);
    }

    private void fromBob(String status) {
        h.deliver(Sip.fromBob(status, "UDP", BRANCH, CALL, "OPTIONS", "bob-1"), BOB_UDP);
    }

    @Test
    void overUdpTimerEDoublesUpToT2UntilTimerF() {
        send("OPTIONS", "UDP");

        h.advanceSeconds(64);

        assertThat(times(h.takeSent()))
                .containsExactly(0.0, 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5, 31.5);
        assertThat(tu.events).containsExactly("timeout@32.0");
        assertThat(h.layer.activeTransactions()).isZero();
        assertThat(h.timersLeft()).isZero();
    }

    @Test
    void inProceedingTimerERetransmitsEveryT2() {
        ClientNonInviteTransaction tx = send("OPTIONS", "UDP");
        h.advanceSeconds(0.6);
        fromBob("100 Trying");
        assertThat(tx.state()).isEqualTo(ClientNonInviteTransaction.State.PROCEEDING);

        h.advanceSeconds(64);

        // Timer E was already set for 1.5 s; from then on it is T2 (§17.1.2.2). Timer F still applies.
        assertThat(times(h.takeSent())).containsExactly(0.0, 0.5, 1.5, 5.5, 9.5, 13.5, 17.5, 21.5, 25.5, 29.5);
        assertThat(tu.events).containsExactly("100@0.6", "timeout@32.0");
    }

    @Test
    void overTcpNothingIsRetransmitted() {
        send("REGISTER", "TCP");

        h.advanceSeconds(64);

        assertThat(times(h.takeSent())).containsExactly(0.0);
        assertThat(tu.events).containsExactly("timeout@32.0");
    }

    @Test
    void aFinalResponseCompletesAndRetransmittedFinalsAreAbsorbedUntilTimerK() {
        ClientNonInviteTransaction tx = send("OPTIONS", "UDP");
        fromBob("200 OK");
        fromBob("200 OK");
        h.advanceSeconds(4.9);
        fromBob("200 OK");

        assertThat(tu.events).containsExactly("200@0.0");
        assertThat(tx.state()).isEqualTo(ClientNonInviteTransaction.State.COMPLETED);
        assertThat(tx.completed()).isTrue();
        assertThat(summaries(h.takeSent())).containsExactly("OPTIONS"); // no retransmission after the final

        h.advanceSeconds(0.1); // Timer K = T4 = 5 s
        assertThat(tx.state()).isEqualTo(ClientNonInviteTransaction.State.TERMINATED);
        assertThat(h.layer.activeTransactions()).isZero();
        fromBob("200 OK");
        assertThat(h.tu.strays).hasSize(1);
    }

    @Test
    void overTcpTimerKIsZero() {
        ClientNonInviteTransaction tx = send("REGISTER", "TCP");
        h.deliver(Sip.fromBob("401 Unauthorized", "TCP", BRANCH, CALL, "REGISTER", "r1"), BOB_TCP);

        assertThat(tu.events).containsExactly("401@0.0");
        assertThat(tx.state()).isEqualTo(ClientNonInviteTransaction.State.TERMINATED);
        assertThat(h.layer.activeTransactions()).isZero();
        assertThat(h.timersLeft()).isZero();
    }

    @Test
    void aResponseForAnotherMethodOnTheSameBranchDoesNotMatch() {
        send("OPTIONS", "UDP");
        h.deliver(Sip.fromBob("200 OK", "UDP", BRANCH, CALL, "INFO", "bob-1"), BOB_UDP);

        assertThat(tu.events).isEmpty();
        assertThat(h.tu.strays).hasSize(1);
    }

    @Test
    void aTransportErrorEndsTheTransaction() {
        h.transport.failSendsTo(BOB_TCP, new IOException("connection reset"));
        ClientNonInviteTransaction tx = send("BYE", "TCP");
        h.runPending();

        assertThat(tu.events).containsExactly("transport-error@0.0");
        assertThat(tu.error).hasMessage("connection reset");
        assertThat(tx.state()).isEqualTo(ClientNonInviteTransaction.State.TERMINATED);
        assertThat(h.layer.activeTransactions()).isZero();
        assertThat(h.timersLeft()).isZero();
    }
}
