package org.clearline.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clearline.transaction.Harness.ALICE_TCP;
import static org.clearline.transaction.Harness.ALICE_UDP;
import static org.clearline.transaction.Harness.summaries;
import static org.clearline.transaction.Harness.times;

import java.io.IOException;
import org.clearline.syntax.Responses;
import org.clearline.syntax.SipResponse;
import org.junit.jupiter.api.Test;

/** §17.2.2 (Figure 8). */
class ServerNonInviteTransactionTest {
    private static final String BRANCH = "z9hG4bK-alice-reg-1";
    private static final String CALL = "reg-843817637684230@192.0.2.10";

    private final Harness h = new Harness();
    private final Harness.ServerEvents events = h.new ServerEvents();

    private ServerNonInviteTransaction receive(String method, String transport) {
        h.deliver(Sip.fromAlice(method, transport, BRANCH, CALL, "7", ""), transport.equals("UDP") ? ALICE_UDP : ALICE_TCP);
        ServerNonInviteTransaction tx = (ServerNonInviteTransaction) h.tu.last();
        tx.setListener(events);
        return tx;
    }

    private void retransmit(String method) {
        h.deliver(Sip.fromAlice(method, "UDP", BRANCH, CALL, "7", ""), ALICE_UDP);
    }

    private static SipResponse answer(ServerTransaction tx, int status, String reason) {
        return Responses.create(tx.request(), status, reason, "reg-tag");
    }

    @Test
    void inTryingRetransmissionsAreAbsorbedAndTheTuSeesTheRequestOnce() {
        ServerNonInviteTransaction tx = receive("REGISTER", "UDP");
        retransmit("REGISTER");
        retransmit("REGISTER");

        assertThat(h.takeSent()).isEmpty(); // no 100 for non-INVITE, nothing to repeat yet
        assertThat(h.tu.requests).containsExactly(tx);
        assertThat(tx.state()).isEqualTo(ServerNonInviteTransaction.State.TRYING);
        assertThat(tx.isInvite()).isFalse();
        assertThat(h.layer.requestCounts()).isEqualTo(new TransactionLayer.RequestCounts(1, 2));
    }

    @Test
    void proceedingRepeatsTheProvisionalAndCompletedTheFinalUntilTimerJ() {
        ServerNonInviteTransaction tx = receive("REGISTER", "UDP");
        tx.respond(answer(tx, 100, "Trying"));
        retransmit("REGISTER");
        h.advanceSeconds(1);
        tx.respond(answer(tx, 200, "OK"));
        h.advanceSeconds(1);
        retransmit("REGISTER");

        var sent = h.takeSent();
        assertThat(summaries(sent)).containsExactly("100 Trying", "100 Trying", "200 OK", "200 OK");
        assertThat(times(sent)).containsExactly(0.0, 0.0, 1.0, 2.0);
        assertThat(sent).allMatch(s -> s.destination().equals(ALICE_UDP));
        assertThat(tx.finalSent()).isTrue();
        assertThat(h.tu.requests).hasSize(1);

        h.advanceSeconds(30.9);
        assertThat(tx.state()).isEqualTo(ServerNonInviteTransaction.State.COMPLETED);
        h.advanceSeconds(0.1); // Timer J = 64*T1 after the final at 1.0
        assertThat(events.events).containsExactly("terminated@33.0");
        assertThat(h.layer.activeTransactions()).isZero();

        retransmit("REGISTER"); // now a new transaction
        assertThat(h.tu.requests).hasSize(2);
    }

    @Test
    void aFinalSentStatelesslyEndsTheTransactionAndARetransmissionIsAnsweredAnew() {
        ServerNonInviteTransaction tx = receive("REGISTER", "UDP");
        tx.respondStatelessly(answer(tx, 401, "Unauthorized"));

        assertThat(summaries(h.takeSent())).containsExactly("401 Unauthorized");
        assertThat(tx.state()).isEqualTo(ServerNonInviteTransaction.State.TERMINATED);
        assertThat(tx.finalSent()).isTrue();
        assertThat(events.events).containsExactly("terminated@0.0");
        assertThat(h.layer.activeTransactions()).isZero();
        assertThat(h.timersLeft()).as("no Timer J").isZero();

        retransmit("REGISTER");  // §8.2.7: a new transaction, for the TU to answer again
        assertThat(h.tu.requests).hasSize(2);
        assertThat(h.takeSent()).isEmpty();
    }

    @Test
    void aStatelessAnswerMustBeFinalAndComesOnlyOnce() {
        ServerNonInviteTransaction tx = receive("OPTIONS", "UDP");
        assertThatThrownBy(() -> tx.respondStatelessly(answer(tx, 100, "Trying")))
                .isInstanceOf(IllegalArgumentException.class);
        tx.respond(answer(tx, 200, "OK"));
        tx.respondStatelessly(answer(tx, 407, "Proxy Authentication Required"));

        assertThat(summaries(h.takeSent())).containsExactly("200 OK");
        assertThat(tx.state()).isEqualTo(ServerNonInviteTransaction.State.COMPLETED);
    }

    @Test
    void theFinalIsNeverRetransmittedOnItsOwn() {
        ServerNonInviteTransaction tx = receive("OPTIONS", "UDP");
        tx.respond(answer(tx, 200, "OK"));

        h.advanceSeconds(64);

        assertThat(times(h.takeSent())).containsExactly(0.0);
    }

    @Test
    void overTcpTimerJIsZero() {
        ServerNonInviteTransaction tx = receive("REGISTER", "TCP");
        tx.respond(answer(tx, 200, "OK"));

        assertThat(summaries(h.takeSent())).containsExactly("200 OK");
        assertThat(h.takeSent()).isEmpty();
        assertThat(events.events).containsExactly("terminated@0.0");
        assertThat(h.layer.activeTransactions()).isZero();
        assertThat(h.timersLeft()).isZero();
    }

    @Test
    void responsesAfterTheFinalAreIgnored() {
        ServerNonInviteTransaction tx = receive("BYE", "UDP");
        tx.respond(answer(tx, 200, "OK"));
        tx.respond(answer(tx, 500, "Server Internal Error"));
        tx.respond(answer(tx, 180, "Ringing"));

        assertThat(summaries(h.takeSent())).containsExactly("200 OK");
    }

    @Test
    void aResponseThatCannotBeSentEndsTheTransaction() {
        ServerNonInviteTransaction tx = receive("OPTIONS", "UDP");
        h.transport.failSendsTo(ALICE_UDP, new IOException("port unreachable"));
        tx.respond(answer(tx, 180, "Ringing"));
        h.runPending();

        assertThat(events.events).containsExactly("transport-error@0.0", "terminated@0.0");
        assertThat(h.layer.activeTransactions()).isZero();
        assertThat(h.timersLeft()).isZero();
    }

    @Test
    void aDifferentMethodOnTheSameBranchIsADifferentTransaction() {
        receive("OPTIONS", "UDP");
        retransmit("INFO");

        assertThat(h.tu.requests).extracting(t -> t.request().method()).containsExactly("OPTIONS", "INFO");
        assertThat(h.layer.activeTransactions()).isEqualTo(2);
    }
}
