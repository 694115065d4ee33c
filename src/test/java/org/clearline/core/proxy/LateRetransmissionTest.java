package org.clearline.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.core.Phone.ALICE;
import static org.clearline.core.Phone.BOB;
import static org.clearline.core.ProxyHarness.OUR_RECORD_ROUTE;
import static org.clearline.core.ProxyHarness.onlyTo;
import static org.clearline.core.ProxyHarness.to;

import java.time.Duration;
import java.util.List;
import org.clearline.core.ProxyHarness;
import org.clearline.core.Sip;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipResponse;
import org.clearline.transport.LoopTransport.Sent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A lossy path (the CallIT with 10 % loss, replayed deterministically): the caller
 * repeats its INVITE, ACK, BYE and CANCEL at every point of the call, also after
 * the proxy's transactions let go of their requests (they keep only key, timers,
 * To tag and response bytes). Each repeat must meet its transaction (§17.2.3) or
 * be relayed as what it is; none may start a new branch towards the callee.
 */
class LateRetransmissionTest {
    private ProxyHarness h;
    private String callId;
    private String fromTag;
    private String inviteBranch;
    private String invite;
    private String forwardedBranch;

    @BeforeEach
    void setUp() {
        h = new ProxyHarness();
        h.register(BOB);
        callId = h.callId("lossy");
        fromTag = h.tag();
        inviteBranch = h.branch();
        invite = h.invite(ALICE, BOB.aor(), callId, fromTag, 2, inviteBranch,
                "Proxy-Authorization: " + h.credentials(ALICE, "INVITE", BOB.aor()));
    }

    /** The caller's INVITE, forwarded once; returns the copy the callee got. */
    private SipRequest inviteForwarded() {
        h.send(ALICE, invite);
        List<Sent> out = h.take();
        assertThat(out).extracting(Sent::toString).containsExactly("100 Trying -> " + ALICE.peer(),
                "INVITE -> " + BOB.peer());
        forwardedBranch = out.get(1).request().topVia().branch();
        return out.get(1).request();
    }

    /**
     * The same INVITE again, {@code after} later: nothing goes to the callee for it
     * (what our own Timer A repeats meanwhile keeps the branch of the first copy).
     */
    private List<Sent> inviteRepeated(Duration after) {
        h.advance(after);
        for (Sent timerA : to(h.take(), BOB.peer())) {
            assertThat(timerA.request().topVia().branch()).as("Timer A's copy").isEqualTo(forwardedBranch);
        }
        h.send(ALICE, invite);
        List<Sent> out = h.take();
        assertThat(to(out, BOB.peer())).as("sent to the callee for a repeated INVITE").isEmpty();
        return out;
    }

    private String inDialog(String method, int cseq, String branch, String toTag) {
        return Sip.message(method + " " + BOB.contactUri() + " SIP/2.0", ALICE.via(branch),
                "Route: " + OUR_RECORD_ROUTE, "Max-Forwards: 70", ALICE.from(fromTag),
                "To: <" + BOB.aor() + ">;tag=" + toTag, "Call-ID: " + callId, "CSeq: " + cseq + " " + method);
    }

    @Test
    void an_invite_repeated_while_trying_gets_the_100_again() {
        inviteForwarded();
        assertThat(inviteRepeated(Duration.ofMillis(500))).extracting(Sent::toString)
                .containsExactly("100 Trying -> " + ALICE.peer());
    }

    @Test
    void an_invite_repeated_while_ringing_gets_the_180_again() {
        SipRequest fwd = inviteForwarded();
        h.send(BOB, Sip.response(fwd, 180, "Ringing", "b1"));
        assertThat(h.take()).extracting(Sent::toString).containsExactly("180 Ringing -> " + ALICE.peer());
        assertThat(inviteRepeated(Duration.ofMillis(500))).extracting(Sent::toString)
                .containsExactly("180 Ringing -> " + ALICE.peer());
    }

    @Test
    void an_invite_repeated_after_the_2xx_is_absorbed_and_the_call_goes_on() {
        SipRequest fwd = inviteForwarded();
        String ok = Sip.response(fwd, 200, "OK", "b1", "Contact: <" + BOB.contactUri() + ">");
        h.send(BOB, ok);
        assertThat(h.take()).extracting(Sent::toString).containsExactly("200 OK -> " + ALICE.peer());

        // RFC 6026 §7.1: Accepted absorbs the INVITE, at once and later (the request is long released)
        assertThat(inviteRepeated(Duration.ZERO)).isEmpty();
        assertThat(inviteRepeated(Duration.ofSeconds(2))).isEmpty();
        // the callee repeats its 2xx (its ACK was lost): relayed; so are the caller's ACKs
        h.send(BOB, ok);
        assertThat(h.take()).extracting(Sent::toString).containsExactly("200 OK -> " + ALICE.peer());
        String ack = inDialog("ACK", 2, h.branch(), "b1");
        h.send(ALICE, ack);
        h.send(ALICE, ack);
        assertThat(h.take()).extracting(Sent::toString).containsExactly("ACK -> " + BOB.peer(), "ACK -> " + BOB.peer());
        assertThat(inviteRepeated(Duration.ofSeconds(10))).isEmpty();

        // BYE, its 200, and the BYE again (the 200 was lost): the proxy repeats the 200 itself
        String bye = inDialog("BYE", 3, h.branch(), "b1");
        h.send(ALICE, bye);
        SipRequest fwdBye = onlyTo(h.take(), BOB.peer()).request();
        h.send(BOB, Sip.response(fwdBye, 200, "OK", null));
        assertThat(h.take()).extracting(Sent::toString).containsExactly("200 OK -> " + ALICE.peer());
        h.advance(Duration.ofMillis(500));
        h.send(ALICE, bye);
        List<Sent> again = h.take();
        assertThat(again).extracting(Sent::toString).containsExactly("200 OK -> " + ALICE.peer());
        assertThat(again.get(0).response().cseq().method()).isEqualTo("BYE");
        // the callee repeats its 200 for the BYE: absorbed by our client transaction
        h.send(BOB, Sip.response(fwdBye, 200, "OK", null));
        assertThat(h.take()).isEmpty();
        assertThat(h.callOutcomes).containsExactly("200 -", "200 -");
    }

    @Test
    void an_invite_repeated_after_a_busy_gets_the_486_again_and_its_ack_is_absorbed() {
        SipRequest fwd = inviteForwarded();
        h.send(BOB, Sip.response(fwd, 486, "Busy Here", "b1"));
        List<Sent> out = h.take();
        assertThat(out).extracting(Sent::toString).containsExactly("ACK -> " + BOB.peer(),
                "486 Busy Here -> " + ALICE.peer());
        String toTag = out.get(1).response().to().tag();

        assertThat(inviteRepeated(Duration.ofMillis(200))).extracting(Sent::toString)
                .containsExactly("486 Busy Here -> " + ALICE.peer());
        // the callee repeats its 486 (our ACK was lost): ACKed again from the kept bytes
        h.send(BOB, Sip.response(fwd, 486, "Busy Here", "b1"));
        assertThat(h.take()).extracting(Sent::toString).containsExactly("ACK -> " + BOB.peer());
        // §17.2.1: the caller's ACK confirms; a later INVITE copy is absorbed (Confirmed)
        String ack = Sip.message("ACK " + BOB.aor() + " SIP/2.0", ALICE.via(inviteBranch), "Max-Forwards: 70",
                ALICE.from(fromTag), "To: <" + BOB.aor() + ">;tag=" + toTag, "Call-ID: " + callId, "CSeq: 2 ACK");
        h.send(ALICE, ack);
        assertThat(h.take()).isEmpty();
        assertThat(inviteRepeated(Duration.ofMillis(500))).isEmpty();
        h.send(ALICE, ack);
        assertThat(h.take()).isEmpty();
    }

    @Test
    void a_cancel_after_the_final_response_starts_nothing() {
        SipRequest fwd = inviteForwarded();
        h.send(BOB, Sip.response(fwd, 200, "OK", "b1", "Contact: <" + BOB.contactUri() + ">"));
        h.take();
        h.advance(Duration.ofMillis(100));

        String cancel = Sip.message("CANCEL " + BOB.aor() + " SIP/2.0", ALICE.via(inviteBranch), "Max-Forwards: 70",
                ALICE.from(fromTag), "To: <" + BOB.aor() + ">", "Call-ID: " + callId, "CSeq: 2 CANCEL");
        h.send(ALICE, cancel);
        List<Sent> out = h.take();
        // §9.2: the INVITE has its final response; the CANCEL is answered and has no other effect
        assertThat(to(out, BOB.peer())).isEmpty();
        assertThat(out).hasSize(1);
        SipResponse answer = out.get(0).response();
        assertThat(answer.cseq().method()).isEqualTo("CANCEL");
        assertThat(inviteRepeated(Duration.ofMillis(500))).isEmpty();
    }
}
