package org.clearline.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clearline.transaction.Harness.ALICE_UDP;
import static org.clearline.transaction.Harness.BOB_UDP;
import static org.clearline.transaction.Harness.summaries;

import org.clearline.syntax.ParseError;
import org.clearline.syntax.ParseResult;
import org.clearline.syntax.Responses;
import org.clearline.syntax.SipMessage;
import org.clearline.syntax.SipRequest;
import org.clearline.transport.Inbound;
import org.clearline.transport.Malformed;
import org.junit.jupiter.api.Test;

/** Matching requests to server transactions (§17.2.3, §9.2) and responses to client ones (§17.1.3). */
class TransactionMatchingTest {
    private static final String CALL = "f81d4fae-7dec-11d0-a765-00a0c91e6bf6@192.0.2.10";

    private final Harness h = new Harness();

    @Test
    void aCancelIsItsOwnTransactionAndFindsTheInviteItCancels() {
        h.deliver(Sip.fromAlice("INVITE", "z9hG4bK-a1", CALL), ALICE_UDP);
        h.deliver(Sip.fromAlice("CANCEL", "z9hG4bK-a1", CALL), ALICE_UDP);

        assertThat(h.tu.requests).extracting(t -> t.request().method()).containsExactly("INVITE", "CANCEL");
        ServerTransaction invite = h.tu.requests.get(0);
        ServerTransaction cancel = h.tu.requests.get(1);
        assertThat(h.layer.findInviteFor(cancel.request())).isSameAs(invite);

        cancel.respond(Responses.create(cancel.request(), 200, "OK", "t1"));
        invite.respond(Responses.create(invite.request(), 487, "Request Terminated", "t1"));
        assertThat(summaries(h.takeSent())).containsExactly("100 Trying", "200 OK", "487 Request Terminated");
    }

    @Test
    void aCancelForAnUnknownInviteFindsNothing() {
        h.deliver(Sip.fromAlice("INVITE", "z9hG4bK-a1", CALL), ALICE_UDP);
        h.deliver(Sip.fromAlice("CANCEL", "z9hG4bK-other", CALL), ALICE_UDP);

        assertThat(h.layer.findInviteFor(h.tu.last().request())).isNull();
    }

    @Test
    void theSameBranchFromAnotherSentByIsAnotherTransaction() {
        String invite = Sip.fromAlice("INVITE", "z9hG4bK-same", CALL);
        h.deliver(invite, ALICE_UDP);
        h.deliver(invite.replace("192.0.2.10:5060;branch", "192.0.2.11:5060;branch"), ALICE_UDP);

        assertThat(h.tu.requests).hasSize(2);
        assertThat(h.layer.activeTransactions()).isEqualTo(2);
    }

    @Test
    void anAckMatchingNothingIsTheAckOfA2xxAndGoesToTheTu() {
        h.deliver(Sip.fromAlice("ACK", "UDP", "z9hG4bK-ack", CALL, "1", "bob-1"), ALICE_UDP);

        assertThat(h.tu.acks).hasSize(1);
        assertThat(h.tu.requests).isEmpty();
        assertThat(h.layer.activeTransactions()).isZero();
    }

    @Test
    void rfc2543RequestsAreMatchedOnUriTagsCallIdCSeqAndTopVia() {
        String invite = legacy("INVITE", "");
        h.deliver(invite, ALICE_UDP);
        h.deliver(invite, ALICE_UDP); // retransmission
        assertThat(h.tu.requests).hasSize(1);
        ServerTransaction tx = h.tu.last();

        h.deliver(legacy("INVITE", "").replace("CSeq: 1 ", "CSeq: 2 "), ALICE_UDP);
        h.deliver(invite.replace("tag=1928301774", "tag=other"), ALICE_UDP);
        h.deliver(invite.replace("sip:bob@example.com SIP/2.0", "sip:carol@example.com SIP/2.0"), ALICE_UDP);
        h.deliver(invite.replace("192.0.2.10:5060", "192.0.2.10:5070"), ALICE_UDP);
        assertThat(h.tu.requests).hasSize(5);

        // §9.2: a CANCEL with the INVITE's fields but the method is its own transaction and finds the INVITE
        h.deliver(legacy("CANCEL", ""), ALICE_UDP);
        assertThat(h.tu.requests).hasSize(6);
        assertThat(h.layer.findInviteFor(h.tu.last().request())).isSameAs(tx);
    }

    @Test
    void anRfc2543AckCarryingTheTagOfOurFinalIsAbsorbedAnyOtherGoesToTheTu() {
        h.deliver(legacy("INVITE", ""), ALICE_UDP);
        ServerInviteTransaction tx = (ServerInviteTransaction) h.tu.last();
        tx.respond(Responses.create(tx.request(), 486, "Busy Here", "ours"));

        h.deliver(legacy("ACK", "somebody-else"), ALICE_UDP);
        assertThat(h.tu.acks).hasSize(1);
        assertThat(tx.state()).isEqualTo(ServerInviteTransaction.State.COMPLETED);

        h.deliver(legacy("ACK", "ours"), ALICE_UDP);
        assertThat(h.tu.acks).hasSize(1);
        assertThat(tx.state()).isEqualTo(ServerInviteTransaction.State.CONFIRMED);
    }

    @Test
    void anRfc2543ReInviteIsMatchedWithItsToTag() {
        h.deliver(legacy("INVITE", "dlg"), ALICE_UDP);
        h.deliver(legacy("INVITE", "dlg"), ALICE_UDP);
        ServerInviteTransaction tx = (ServerInviteTransaction) h.tu.last();
        tx.respond(Responses.create(tx.request(), 488, "Not Acceptable Here", null));

        h.deliver(legacy("ACK", "dlg"), ALICE_UDP);

        assertThat(h.tu.requests).hasSize(1);
        assertThat(h.tu.acks).isEmpty();
        assertThat(tx.state()).isEqualTo(ServerInviteTransaction.State.CONFIRMED);
    }

    /** A request from an RFC 2543 element: its Via has no branch at all. */
    private static String legacy(String method, String toTag) {
        return Sip.fromAlice(method, "UDP", "x", CALL, "1", toTag).replace(";branch=x", "");
    }

    @Test
    void responsesMatchOnBranchAndCSeqMethodSoCancelAndInviteStayApart() {
        Harness.ClientEvents inviteTu = h.new ClientEvents();
        Harness.ClientEvents cancelTu = h.new ClientEvents();
        h.layer.sendRequest(Sip.toBob("INVITE", "UDP", "z9hG4bK-b1", CALL), BOB_UDP, inviteTu);
        h.layer.sendRequest(Sip.toBob("CANCEL", "UDP", "z9hG4bK-b1", CALL), BOB_UDP, cancelTu);

        h.deliver(Sip.fromBob("200 OK", "UDP", "z9hG4bK-b1", CALL, "CANCEL", "bob-1"), BOB_UDP);
        h.deliver(Sip.fromBob("487 Request Terminated", "UDP", "z9hG4bK-b1", CALL, "INVITE", "bob-1"), BOB_UDP);

        assertThat(cancelTu.events).containsExactly("200@0.0");
        assertThat(inviteTu.events).containsExactly("487@0.0");
        assertThat(h.tu.strays).isEmpty();
    }

    @Test
    void aResponseMatchingNoTransactionIsStray() {
        h.layer.sendRequest(Sip.toBob("INVITE", "UDP", "z9hG4bK-b1", CALL), BOB_UDP, h.new ClientEvents());

        Inbound stray = h.deliver(Sip.fromBob("200 OK", "UDP", "z9hG4bK-unknown", CALL, "INVITE", "b"), BOB_UDP);

        assertThat(h.tu.strays).containsExactly(stray);
    }

    @Test
    void malformedMessagesGoToTheTu() {
        SipMessage partial = Sip.parse(Sip.fromAlice("INVITE", "z9hG4bK-a1", CALL));
        Malformed m = new Malformed(new ParseResult.Failure(ParseError.BAD_HEADER, "Contact", "bad URI", partial),
                ALICE_UDP, h.transport.listeningPoints().get(0), 400);
        h.transport.deliver(m);
        h.runPending();

        assertThat(h.tu.malformed).containsExactly(m);
    }

    @Test
    void aMessageWithoutTheHeadersMatchingNeedsBecomesMalformedNamingTheHeader() {
        SipRequest noVia = (SipRequest) Sip.parse(Sip.fromAlice("OPTIONS", "z9hG4bK-a1", CALL));
        noVia.removeHeader("Via");
        h.transport.deliver(new Inbound(noVia, ALICE_UDP, h.transport.listeningPoints().get(0), 0, 0));
        h.runPending();

        assertThat(h.tu.malformed).hasSize(1);
        assertThat(h.tu.malformed.get(0).failure().header()).isEqualTo("Via");
        assertThat(h.tu.malformed.get(0).failure().reasonPhrase()).isEqualTo("Bad Via header: missing");
        assertThat(h.tu.requests).isEmpty();
    }

    @Test
    void sendRequestRefusesAckAndRequestsWithoutAnRfc3261Branch() {
        Harness.ClientEvents tu = h.new ClientEvents();
        assertThatThrownBy(() -> h.layer.sendRequest(Sip.toBob("ACK", "UDP", "z9hG4bK-b1", CALL), BOB_UDP, tu))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> h.layer.sendRequest(Sip.toBob("INVITE", "UDP", "old-style", CALL), BOB_UDP, tu))
                .isInstanceOf(IllegalArgumentException.class);

        h.layer.sendRequest(Sip.toBob("INVITE", "UDP", "z9hG4bK-b1", CALL), BOB_UDP, tu);
        assertThatThrownBy(() -> h.layer.sendRequest(Sip.toBob("INVITE", "UDP", "z9hG4bK-b1", CALL), BOB_UDP, tu))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("z9hG4bK-b1");
        assertThat(h.layer.activeTransactions()).isEqualTo(1);
    }
}
