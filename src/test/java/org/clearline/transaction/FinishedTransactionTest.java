package org.clearline.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clearline.transaction.Harness.ALICE_UDP;
import static org.clearline.transaction.Harness.BOB_UDP;
import static org.clearline.transaction.Harness.summaries;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.clearline.syntax.Responses;
import org.clearline.syntax.SipResponse;
import org.clearline.transport.Inbound;
import org.clearline.transport.LoopTransport.Sent;
import org.junit.jupiter.api.Test;

/**
 * What a transaction keeps once its final response has gone (bench/RESULTS.md, hot
 * spot 1): a server transaction only its key, its timers, the To tag (RFC 2543
 * matching only) and the bytes of the response it may repeat (§17.2.1, §17.2.2); a client transaction only its
 * key, its listener and, after a non-2xx to an INVITE, the bytes of its ACK
 * (§17.1.1.2). The parsed request goes; everything on the wire stays the same.
 */
class FinishedTransactionTest {
    private static final String CALL = "finished-1@192.0.2.10";

    private final Harness h = new Harness();

    private AbstractServerTransaction fromAlice(String method, String branch) {
        h.deliver(Sip.fromAlice(method, "UDP", branch, CALL, "7", ""), ALICE_UDP);
        return (AbstractServerTransaction) h.tu.last();
    }

    @Test
    void lingeringTransactionsShareOneTimerInsteadOfHoldingOneEach() {
        // 200 answered REGISTERs and 200 answered INVITEs: each lingers 64*T1 (Timers J and L)
        for (int i = 0; i < 200; i++) {
            AbstractServerTransaction reg = fromAlice("REGISTER", "z9hG4bK-many-r" + i);
            reg.respond(Responses.create(reg.request(), 200, "OK", "t" + i));
            AbstractServerTransaction inv = fromAlice("INVITE", "z9hG4bK-many-i" + i);
            inv.respond(Responses.create(inv.request(), 200, "OK", "u" + i));
            h.advanceSeconds(0.01);
        }
        h.runPending();
        assertThat(h.layer.activeTransactions()).isEqualTo(400);
        assertThat(h.timersLeft()).as("one scheduler timer for the whole linger queue").isEqualTo(1);

        h.advanceSeconds(31.9); // t = 33.9 s: the first ones are due (32 s), the last ones (34 s) not yet
        assertThat(h.layer.activeTransactions()).isBetween(1, 399);
        h.advanceSeconds(0.2); // at most 100 ms late
        assertThat(h.layer.activeTransactions()).isZero();
        assertThat(h.timersLeft()).isZero();
    }

    @Test
    void aCompletedNonInviteServerTransactionAnswersRetransmissionsFromTheBytesItSent() {
        AbstractServerTransaction tx = fromAlice("REGISTER", "z9hG4bK-reg-1");
        tx.respond(Responses.create(tx.request(), 200, "OK", "reg-tag"));

        // the TU may still report on the request in the task that answered it ...
        assertThat(tx.request().method()).isEqualTo("REGISTER");
        assertThat(tx.inbound().source()).isEqualTo(ALICE_UDP);
        h.runPending();
        // ... but no later: only the bytes of the 200 are kept
        assertThat(tx.holdsRequest()).isFalse();
        assertThatThrownBy(tx::request).isInstanceOf(IllegalStateException.class).hasMessageContaining("released");
        assertThatThrownBy(tx::inbound).isInstanceOf(IllegalStateException.class);
        assertThat(tx.source()).isEqualTo(ALICE_UDP);
        assertThat(tx.finalSent()).isTrue();
        assertThat(tx.finalResponseToTag()).as("a branch key: no tag kept").isNull();

        h.deliver(Sip.fromAlice("REGISTER", "UDP", "z9hG4bK-reg-1", CALL, "7", ""), ALICE_UDP);
        h.deliver(Sip.fromAlice("REGISTER", "UDP", "z9hG4bK-reg-1", CALL, "7", ""), ALICE_UDP);

        List<Sent> sent = h.takeSent();
        assertThat(summaries(sent)).containsExactly("200 OK", "200 OK", "200 OK");
        assertThat(sent).extracting(Sent::destination).containsOnly(ALICE_UDP);
        assertThat(sent.get(1).message().encode()).isEqualTo(sent.get(0).message().encode());
        assertThat(sent.get(2).message().encode()).isEqualTo(sent.get(0).message().encode());
        assertThat(h.transport.resentCount()).isEqualTo(2);
        assertThat(h.tu.requests).containsExactly(tx);
    }

    @Test
    void aCompletedInviteServerTransactionRepeatsItsFinalAndAbsorbsTheAckWithoutTheRequest() {
        ServerInviteTransaction tx = (ServerInviteTransaction) fromAlice("INVITE", "z9hG4bK-inv-1");
        tx.respond(Responses.create(tx.request(), 486, "Busy Here", "bob-1"));
        h.runPending();
        assertThat(tx.holdsRequest()).isFalse();

        h.advanceSeconds(0.5); // Timer G
        h.deliver(Sip.fromAlice("INVITE", "UDP", "z9hG4bK-inv-1", CALL, "7", ""), ALICE_UDP);
        h.deliver(Sip.fromAlice("ACK", "UDP", "z9hG4bK-inv-1", CALL, "7", "bob-1"), ALICE_UDP);
        h.deliver(Sip.fromAlice("INVITE", "UDP", "z9hG4bK-inv-1", CALL, "7", ""), ALICE_UDP); // Confirmed: absorbed
        h.advanceSeconds(10);

        List<Sent> sent = h.takeSent();
        assertThat(summaries(sent)).containsExactly("100 Trying", "486 Busy Here", "486 Busy Here", "486 Busy Here");
        assertThat(sent.get(2).message().encode()).isEqualTo(sent.get(1).message().encode());
        assertThat(sent.get(3).message().encode()).isEqualTo(sent.get(1).message().encode());
        assertThat(h.tu.acks).isEmpty();
        assertThat(tx.state()).isEqualTo(ServerInviteTransaction.State.TERMINATED); // Timer I after the ACK
    }

    @Test
    void anAcceptedInviteServerTransactionMatchedByBranchKeepsNoToTag() {
        ServerInviteTransaction tx = (ServerInviteTransaction) fromAlice("INVITE", "z9hG4bK-inv-2");
        tx.respond(Responses.create(tx.request(), 200, "OK", "bob-2"));
        h.runPending();

        h.deliver(Sip.fromAlice("INVITE", "UDP", "z9hG4bK-inv-2", CALL, "7", ""), ALICE_UDP);
        h.deliver(Sip.fromAlice("ACK", "UDP", "z9hG4bK-inv-2", CALL, "7", "bob-2"), ALICE_UDP);

        assertThat(tx.holdsRequest()).isFalse();
        assertThat(tx.finalResponseToTag()).as("§17.2.3: only RFC 2543 ACKs are matched on it").isNull();
        assertThat(summaries(h.takeSent())).containsExactly("100 Trying", "200 OK"); // RFC 6026 §7.1: absorbed
        assertThat(h.tu.acks).hasSize(1); // the 2xx's ACK is the TU's
        assertThat(h.transport.resentCount()).isZero();
    }

    @Test
    void theKeysOfOnePhonesTransactionsShareOneSentByString() {
        AbstractServerTransaction a = fromAlice("OPTIONS", "z9hG4bK-share-1");
        AbstractServerTransaction b = fromAlice("OPTIONS", "z9hG4bK-share-2");
        String sentByA = ((ServerTransactionKey.Branch) a.key).sentBy();
        String sentByB = ((ServerTransactionKey.Branch) b.key).sentBy();
        assertThat(sentByB).isEqualTo(sentByA).isSameAs(sentByA);
    }

    @Test
    void aServerTransactionThatEndsWithoutAFinalLetsGoOfTheRequestToo() {
        AbstractServerTransaction tx = fromAlice("OPTIONS", "z9hG4bK-opt-1");
        h.transport.failSendsTo(ALICE_UDP, new IOException("port unreachable"));
        tx.respond(Responses.create(tx.request(), 180, "Ringing", null));
        h.runPending();

        assertThat(tx.isTerminated()).isTrue();
        assertThat(tx.holdsRequest()).isFalse();
    }

    @Test
    void aCompletedNonInviteClientTransactionLetsGoOfItsRequestAfterTheTuSawTheFinal() {
        List<String> seen = new ArrayList<>();
        ClientTransactionListener events = new ClientTransactionListener() {
            @Override
            public void onResponse(ClientTransaction tx, SipResponse r, Inbound in) {
                seen.add(r.status() + " to " + tx.request().method()); // readable while the TU handles the final
            }

            @Override
            public void onTimeout(ClientTransaction tx) {}

            @Override
            public void onTransportError(ClientTransaction tx, Throwable cause) {}
        };
        AbstractClientTransaction tx = (AbstractClientTransaction) h.layer.sendRequest(
                Sip.toBob("OPTIONS", "UDP", "z9hG4bK-c-1", CALL), BOB_UDP, events);
        assertThat(tx.holdsRequest()).isTrue();

        h.deliver(Sip.fromBob("200 OK", "UDP", "z9hG4bK-c-1", CALL, "OPTIONS", "bob-1"), BOB_UDP);
        h.deliver(Sip.fromBob("200 OK", "UDP", "z9hG4bK-c-1", CALL, "OPTIONS", "bob-1"), BOB_UDP); // absorbed

        assertThat(seen).containsExactly("200 to OPTIONS");
        assertThat(tx.holdsRequest()).isFalse();
        assertThatThrownBy(tx::request).isInstanceOf(IllegalStateException.class);
        assertThat(tx.completed()).isTrue();
    }

    @Test
    void aCompletedInviteClientTransactionRepeatsItsAckFromBytes() {
        ClientInviteTransaction tx = (ClientInviteTransaction) h.layer.sendRequest(
                Sip.toBob("INVITE", "UDP", "z9hG4bK-c-2", CALL), BOB_UDP, h.new ClientEvents());
        h.deliver(Sip.fromBob("486 Busy Here", "UDP", "z9hG4bK-c-2", CALL, "INVITE", "bob-1"), BOB_UDP);
        assertThat(tx.holdsRequest()).isFalse();

        h.deliver(Sip.fromBob("486 Busy Here", "UDP", "z9hG4bK-c-2", CALL, "INVITE", "bob-1"), BOB_UDP);

        List<Sent> sent = h.takeSent();
        assertThat(summaries(sent)).containsExactly("INVITE", "ACK", "ACK");
        assertThat(sent.get(2).message().encode()).isEqualTo(sent.get(1).message().encode());
        assertThat(sent.get(2).destination()).isEqualTo(BOB_UDP);
        assertThat(h.transport.resentCount()).isEqualTo(1);
    }

    @Test
    void anAcceptedInviteClientTransactionStillPassesFurther2xxWithoutItsRequest() {
        Harness.ClientEvents events = h.new ClientEvents();
        AbstractClientTransaction tx = (AbstractClientTransaction) h.layer.sendRequest(
                Sip.toBob("INVITE", "UDP", "z9hG4bK-c-3", CALL), BOB_UDP, events);
        h.deliver(Sip.fromBob("200 OK", "UDP", "z9hG4bK-c-3", CALL, "INVITE", "bob-1"), BOB_UDP);
        h.deliver(Sip.fromBob("200 OK", "UDP", "z9hG4bK-c-3", CALL, "INVITE", "bob-2"), BOB_UDP); // another fork

        assertThat(tx.holdsRequest()).isFalse();
        assertThat(events.responses).extracting(r -> r.to().tag()).containsExactly("bob-1", "bob-2");
        assertThat(summaries(h.takeSent())).containsExactly("INVITE");
    }

    /**
     * The overload guard bounds what the transactions alive hold: a fixed share each, and
     * the message each keeps to repeat, from when it keeps it until it ends.
     */
    @Test
    void theHeapTheTransactionsHoldFollowsTheMessagesTheyKeep() {
        int fixed = ShardedTransactionLayer.FIXED_BYTES;
        AbstractServerTransaction reg = fromAlice("REGISTER", "z9hG4bK-held-r");
        assertThat(h.layer.heldBytes()).as("a request not answered yet keeps no message").isEqualTo(fixed);

        SipResponse ok = Responses.create(reg.request(), 200, "OK", "reg-tag");
        ok.addHeader("Contact", "<sip:alice@192.0.2.10:5060>;expires=3600");
        reg.respond(ok);
        int okBytes = ok.encode().length + 48;
        assertThat(h.layer.heldBytes()).isEqualTo(fixed + okBytes);

        ClientInviteTransaction inv = (ClientInviteTransaction) h.layer.sendRequest(
                Sip.toBob("INVITE", "UDP", "z9hG4bK-held-c", CALL), BOB_UDP, h.new ClientEvents());
        h.deliver(Sip.fromBob("486 Busy Here", "UDP", "z9hG4bK-held-c", CALL, "INVITE", "bob-1"), BOB_UDP);
        int ackBytes = inv.ack().bytes().length + 48;
        assertThat(h.layer.heldBytes()).as("the REGISTER's 200 and the ACK kept for Timer D")
                .isEqualTo(2L * fixed + okBytes + ackBytes);

        h.advanceSeconds(32.1);  // Timers J and D (64*T1 over UDP)
        assertThat(h.layer.activeTransactions()).isZero();
        assertThat(h.layer.heldBytes()).isZero();
    }
}
