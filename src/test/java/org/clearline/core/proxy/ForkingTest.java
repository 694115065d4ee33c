package org.clearline.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.core.Phone.ALICE;
import static org.clearline.core.Phone.BOB;
import static org.clearline.core.Phone.BOB_DESK;
import static org.clearline.core.ProxyHarness.OUR_RECORD_ROUTE;
import static org.clearline.core.ProxyHarness.lastResponseTo;
import static org.clearline.core.ProxyHarness.onlyTo;

import java.time.Duration;
import java.util.List;
import org.clearline.core.ProxyHarness;
import org.clearline.core.Sip;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipResponse;
import org.clearline.transport.LoopTransport.Sent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Parallel forking to every contact of the callee (§16.6) and the choice of the answer (§16.7). */
class ForkingTest {
    private ProxyHarness h;
    private SipRequest phone;
    private SipRequest desk;

    @BeforeEach
    void setUp() {
        h = new ProxyHarness();
        h.register(BOB);
        h.register(BOB_DESK);
        h.call(ALICE, BOB.aor());
        List<Sent> out = h.take();
        phone = onlyTo(out, BOB.peer()).request();
        desk = onlyTo(out, BOB_DESK.peer()).request();
    }

    private List<Sent> answer(SipRequest branch, int status, String reason, String tag, String... extra) {
        h.send(branch == phone ? BOB : BOB_DESK, Sip.response(branch, status, reason, tag, extra));
        return h.take();
    }

    private static String hashOf(SipRequest r) {
        String b = r.topVia().branch();
        return b.substring(0, b.indexOf('.'));
    }

    @Test
    void every_contact_gets_its_own_branch_at_once() {
        assertThat(phone.requestUri()).hasToString(BOB.contactUri());
        assertThat(desk.requestUri()).hasToString(BOB_DESK.contactUri());
        assertThat(phone.topVia().branch()).isNotEqualTo(desk.topVia().branch());
        // same request, same loop hash (§16.6 step 8); the part after the dot tells branches apart
        assertThat(hashOf(phone)).isEqualTo(hashOf(desk));
        for (SipRequest r : List.of(phone, desk)) {
            assertThat(r.headerValues("Record-Route")).containsExactly(OUR_RECORD_ROUTE);
            assertThat(r.vias()).hasSize(2);
            assertThat(r.header("Max-Forwards")).isEqualTo("69");
        }
    }

    @Test
    void the_first_2xx_goes_upstream_and_cancels_the_other_ringing_branch() {
        assertThat(answer(phone, 180, "Ringing", "p1")).extracting(Sent::summary).containsExactly("180 Ringing");
        assertThat(answer(desk, 180, "Ringing", "d1")).extracting(Sent::summary).containsExactly("180 Ringing");

        List<Sent> out = answer(phone, 200, "OK", "p1", "Contact: <" + BOB.contactUri() + ">");
        assertThat(lastResponseTo(out, ALICE.peer()).status()).isEqualTo(200);
        SipRequest cancel = onlyTo(out, BOB_DESK.peer()).request();
        assertThat(cancel.method()).isEqualTo("CANCEL");
        // §9.1: the CANCEL matches the branch it cancels
        assertThat(cancel.headerValues("Via")).containsExactly(desk.topVia().toString());
        assertThat(cancel.requestUri()).isEqualTo(desk.requestUri());
        assertThat(cancel.callId()).isEqualTo(desk.callId());
        assertThat(cancel.header("From")).isEqualTo(desk.header("From"));
        assertThat(cancel.header("To")).isEqualTo(desk.header("To"));
        assertThat(cancel.cseq().number()).isEqualTo(desk.cseq().number());
        assertThat(cancel.cseq().method()).isEqualTo("CANCEL");
        assertThat(cancel.header("Reason")).isEqualTo("SIP;cause=200;text=\"Call completed elsewhere\"");
        assertThat(h.to(out, BOB.peer())).isEmpty();

        // the cancelled branch ends with 487, acknowledged by us, and the caller hears nothing of it
        h.send(BOB_DESK, Sip.response(cancel, 200, "OK", null));
        assertThat(h.take()).isEmpty();
        List<Sent> end = answer(desk, 487, "Request Terminated", "d1");
        assertThat(end).extracting(Sent::toString).containsExactly("ACK -> " + BOB_DESK.peer());
        assertThat(h.callOutcomes).containsExactly("200 -");
    }

    @Test
    void a_branch_that_has_not_rung_yet_is_cancelled_at_its_first_provisional() {
        List<Sent> out = answer(phone, 200, "OK", "p1", "Contact: <" + BOB.contactUri() + ">");
        assertThat(h.to(out, BOB_DESK.peer())).isEmpty(); // §9.1: no CANCEL before a provisional

        out = answer(desk, 180, "Ringing", "d1");
        assertThat(out).extracting(Sent::toString).containsExactly("CANCEL -> " + BOB_DESK.peer());
    }

    @Test
    void a_2xx_from_the_other_branch_is_forwarded_too() {
        answer(phone, 180, "Ringing", "p1");
        answer(desk, 180, "Ringing", "d1");
        answer(phone, 200, "OK", "p1", "Contact: <" + BOB.contactUri() + ">");

        // §16.7 step 5: every 2xx goes upstream; the caller ACKs and BYEs the one it does not want
        SipResponse second = lastResponseTo(answer(desk, 200, "OK", "d1", "Contact: <" + BOB_DESK.contactUri() + ">"),
                ALICE.peer());
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.to().tag()).isEqualTo("d1");
        assertThat(second.vias()).hasSize(1);
    }

    @Test
    void the_lowest_class_wins_when_every_branch_failed() {
        assertThat(answer(phone, 503, "Service Unavailable", "p1").stream().filter(s -> !s.isRequest())).isEmpty();
        SipResponse r = lastResponseTo(answer(desk, 486, "Busy Here", "d1"), ALICE.peer());
        assertThat(r.status()).isEqualTo(486);
        assertThat(r.to().tag()).isEqualTo("d1");
        assertThat(h.callOutcomes).containsExactly("486 -");
    }

    @Test
    void among_4xx_any_one_of_them_is_chosen() {
        answer(phone, 486, "Busy Here", "p1");
        SipResponse r = lastResponseTo(answer(desk, 404, "Not Found", "d1"), ALICE.peer());
        assertThat(r.status()).isIn(404, 486);
    }

    @Test
    void a_6xx_waits_for_the_other_branches_cancels_them_and_wins() {
        answer(desk, 180, "Ringing", "d1");
        List<Sent> out = answer(phone, 603, "Decline", "p1");
        // §16.7 step 5: not forwarded at once, but the pending branch is cancelled
        assertThat(h.to(out, ALICE.peer())).isEmpty();
        assertThat(onlyTo(out, BOB_DESK.peer()).request().method()).isEqualTo("CANCEL");

        SipResponse r = lastResponseTo(answer(desk, 487, "Request Terminated", "d1"), ALICE.peer());
        assertThat(r.status()).isEqualTo(603);
        assertThat(r.reason()).isEqualTo("Decline");
    }

    @Test
    void challenges_of_every_branch_are_merged_into_the_one_forwarded() {
        answer(phone, 407, "Proxy Authentication Required", "p1",
                "Proxy-Authenticate: Digest realm=\"home.example\", nonce=\"n1\"");
        SipResponse r = lastResponseTo(answer(desk, 401, "Unauthorized", "d1",
                "WWW-Authenticate: Digest realm=\"desk.example\", nonce=\"n2\""), ALICE.peer());
        // §16.7 step 7
        assertThat(r.status()).isIn(401, 407);
        assertThat(r.headerValues("Proxy-Authenticate")).containsExactly("Digest realm=\"home.example\", nonce=\"n1\"");
        assertThat(r.headerValues("WWW-Authenticate")).containsExactly("Digest realm=\"desk.example\", nonce=\"n2\"");
    }

    @Test
    void a_challenge_is_preferred_to_other_4xx() {
        answer(phone, 486, "Busy Here", "p1");
        SipResponse r = lastResponseTo(answer(desk, 407, "Proxy Authentication Required", "d1",
                "Proxy-Authenticate: Digest realm=\"desk.example\", nonce=\"n2\""), ALICE.peer());
        assertThat(r.status()).isEqualTo(407);
    }

    @Test
    void a_branch_that_never_answers_counts_as_408_against_the_others() {
        answer(phone, 486, "Busy Here", "p1");
        h.advance(Duration.ofSeconds(32)); // Timer B of the desk branch
        SipResponse r = lastResponseTo(h.take(), ALICE.peer());
        assertThat(r.status()).isEqualTo(486);
    }
}
