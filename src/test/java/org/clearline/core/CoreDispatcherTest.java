package org.clearline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.core.Phone.ALICE;
import static org.clearline.core.Phone.BOB;
import static org.clearline.core.Phone.MALLORY;
import static org.clearline.core.ProxyHarness.OUR_RECORD_ROUTE;
import static org.clearline.core.ProxyHarness.lastResponseTo;
import static org.clearline.core.ProxyHarness.onlyTo;

import java.util.List;
import org.clearline.core.ProxyHarness.Call;
import org.clearline.core.registrar.RegistrarConfig;
import org.clearline.features.RoutingStep;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipResponse;
import org.clearline.transport.LoopTransport.Sent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The transaction user: malformed requests (§8.2.2), internal errors (500) and draining (503). */
class CoreDispatcherTest {
    /** A routing step with a defect: it throws for one callee. */
    private static final RoutingStep FAULTY = call -> {
        if (call.request().request().requestUri().toString().startsWith("sip:boom@")) {
            throw new IllegalStateException("defect in a routing step");
        }
        return null;
    };

    private ProxyHarness h;

    @BeforeEach
    void setUp() {
        h = new ProxyHarness(List.of(FAULTY), RegistrarConfig.DEFAULT);
        h.register(BOB);
    }

    private static String[] inviteLines(String startLine) {
        return new String[] {startLine, MALLORY.via("z9hG4bKm1"), "Max-Forwards: 70", MALLORY.from("m"),
                "To: <" + BOB.aor() + ">", "Call-ID: bad@test", "CSeq: 1 INVITE"};
    }

    private SipResponse answerTo(String raw) {
        h.send(MALLORY, raw);
        return onlyTo(h.take(), MALLORY.peer()).response();
    }

    @Test
    void a_malformed_header_gets_400_whose_reason_names_it() {
        SipResponse r = answerTo(Sip.message(Sip.override(inviteLines("INVITE " + BOB.aor() + " SIP/2.0"),
                "Max-Forwards: lots")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.reason()).startsWith("Bad Max-Forwards header");
        assertThat(r.topVia().branch()).isEqualTo("z9hG4bKm1");
        assertThat(r.callId()).isEqualTo("bad@test");
        assertThat(r.header("CSeq")).isEqualTo("1 INVITE");
        assertThat(r.to().tag()).isNotBlank();
        assertThat(h.dispatcher.malformedCount()).isEqualTo(1);
    }

    @Test
    void a_cseq_method_that_disagrees_with_the_request_line_is_named_too() {
        SipResponse r = answerTo(Sip.message(Sip.override(inviteLines("INVITE " + BOB.aor() + " SIP/2.0"),
                "CSeq: 1 BYE")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.reason()).startsWith("Bad CSeq header");
    }

    @Test
    void a_missing_call_id_is_named() {
        String raw = Sip.message(inviteLines("INVITE " + BOB.aor() + " SIP/2.0")).replace("Call-ID: bad@test\r\n", "");
        SipResponse r = answerTo(raw);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.reason()).isEqualTo("Bad Call-ID header: missing");
    }

    @Test
    void a_malformed_route_is_named() {
        SipResponse r = answerTo(Sip.message(inviteLines("INVITE " + BOB.aor() + " SIP/2.0"), "Route: <sip:x;lr"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.reason()).startsWith("Bad Route header");
    }

    @Test
    void another_sip_version_gets_505() {
        SipResponse r = answerTo(Sip.message(inviteLines("INVITE " + BOB.aor() + " SIP/3.0")));
        assertThat(r.status()).isEqualTo(505);
        assertThat(r.reason()).isEqualTo("Version Not Supported");
        assertThat(r.topVia().branch()).isEqualTo("z9hG4bKm1");
    }

    @Test
    void malformed_acks_responses_and_requests_without_via_get_no_answer() {
        h.send(MALLORY, Sip.message("ACK " + BOB.aor() + " SIP/2.0", MALLORY.via("z9hG4bKa"), "Max-Forwards: 70",
                MALLORY.from("m"), "To: <" + BOB.aor() + ">;tag=x", "Call-ID: a@test", "CSeq: 1 INVITE"));
        h.send(MALLORY, Sip.message("SIP/2.0 200 OK", MALLORY.via("z9hG4bKr"), MALLORY.from("m"),
                "To: <" + BOB.aor() + ">", "Call-ID: r@test", "CSeq: one INVITE"));
        h.send(MALLORY, Sip.message("OPTIONS " + BOB.aor() + " SIP/2.0", "Max-Forwards: 70", MALLORY.from("m"),
                "To: <" + BOB.aor() + ">", "Call-ID: v@test", "CSeq: 1 OPTIONS"));
        assertThat(h.take()).isEmpty();
        assertThat(h.dispatcher.malformedCount()).isEqualTo(3);
    }

    @Test
    void a_defect_while_routing_is_500_with_retry_after_and_the_next_call_still_works() {
        h.send(MALLORY, h.invite(MALLORY, "sip:boom@" + ProxyHarness.DOMAIN, "boom@test", "m", 1, h.branch()));
        List<Sent> out = h.take();
        assertThat(out).extracting(Sent::summary).containsExactly("100 Trying", "500 Server Internal Error");
        SipResponse r = out.get(1).response();
        assertThat(r.header("Retry-After")).isEqualTo("5");
        assertThat(h.dispatcher.internalErrors()).isEqualTo(1);
        assertThat(h.callOutcomes).containsExactly("500 server.internal-error");

        h.send(MALLORY, h.invite(MALLORY, BOB.aor(), "next@test", "m", 1, h.branch()));
        assertThat(onlyTo(h.take(), BOB.peer()).request().method()).isEqualTo("INVITE");
    }

    @Test
    void while_draining_new_calls_and_registrations_get_503_with_retry_after() {
        h.dispatcher.startDraining();

        h.send(MALLORY, h.invite(MALLORY, BOB.aor(), "late@test", "m", 1, h.branch()));
        SipResponse refused = lastResponseTo(h.take(), MALLORY.peer());
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isEqualTo("5");
        assertThat(h.callOutcomes).last().isEqualTo("503 server.shutting-down");

        h.send(ALICE, Sip.message("REGISTER sip:" + ProxyHarness.DOMAIN + " SIP/2.0", ALICE.via(h.branch()),
                "Max-Forwards: 70", ALICE.from("r"), "To: <" + ALICE.aor() + ">", "Call-ID: reg@test",
                "CSeq: 1 REGISTER", "Contact: <" + ALICE.contactUri() + ">"));
        SipResponse reg = lastResponseTo(h.take(), ALICE.peer());
        assertThat(reg.status()).isEqualTo(503);
        assertThat(reg.header("Retry-After")).isEqualTo("5");
        assertThat(h.store.applied()).hasSize(1); // bob's, from before
        // the registration log hears of it at once, with its situation, like any registrar refusal
        assertThat(h.registrationOutcomes).last().isEqualTo("503 server.shutting-down");
    }

    @Test
    void while_draining_calls_in_progress_go_on() {
        Call call = h.call(ALICE, BOB.aor());
        SipRequest fwd = onlyTo(h.take(), BOB.peer()).request();
        h.dispatcher.startDraining();

        h.send(BOB, Sip.response(fwd, 200, "OK", "b1", "Contact: <" + BOB.contactUri() + ">"));
        assertThat(lastResponseTo(h.take(), ALICE.peer()).status()).isEqualTo(200);
        h.send(ALICE, call.inDialog("BYE", 2, h.branch(), BOB.contactUri(), "b1", OUR_RECORD_ROUTE));
        assertThat(onlyTo(h.take(), BOB.peer()).request().method()).isEqualTo("BYE");
    }

    @Test
    void while_the_overload_guard_says_so_new_calls_get_503_and_calls_in_progress_go_on() {
        boolean[] overloaded = {false};
        h.dispatcher.overloadGuard(() -> overloaded[0]);
        Call call = h.call(ALICE, BOB.aor());
        SipRequest fwd = onlyTo(h.take(), BOB.peer()).request();
        overloaded[0] = true;

        h.send(MALLORY, h.invite(MALLORY, BOB.aor(), "busy@test", "m", 1, h.branch()));
        SipResponse refused = lastResponseTo(h.take(), MALLORY.peer());
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isEqualTo("5");
        // reported at once with its situation: the call log closes the call now, not 32 s later
        assertThat(h.callOutcomes).last().isEqualTo("503 server.overloaded");
        h.send(BOB, Sip.response(fwd, 200, "OK", "b1", "Contact: <" + BOB.contactUri() + ">"));
        assertThat(lastResponseTo(h.take(), ALICE.peer()).status()).isEqualTo(200);
        h.send(ALICE, call.inDialog("BYE", 2, h.branch(), BOB.contactUri(), "b1", OUR_RECORD_ROUTE));
        assertThat(onlyTo(h.take(), BOB.peer()).request().method()).isEqualTo("BYE");

        overloaded[0] = false;
        h.send(MALLORY, h.invite(MALLORY, BOB.aor(), "later@test", "m", 1, h.branch()));
        assertThat(onlyTo(h.take(), BOB.peer()).request().method()).isEqualTo("INVITE");
    }

    @Test
    void a_registration_refused_for_overload_leaves_no_transaction_to_hold_memory() {
        h.dispatcher.overloadGuard(() -> true);
        int before = h.transactions.activeTransactions();
        long heldBefore = h.transactions.heldBytes();  // bob's registration, answered in set-up
        String branch = h.branch();
        String register = Sip.message("REGISTER sip:" + ProxyHarness.DOMAIN + " SIP/2.0", ALICE.via(branch),
                "Max-Forwards: 70", ALICE.from("r"), "To: <" + ALICE.aor() + ">", "Call-ID: flood@test",
                "CSeq: 1 REGISTER", "Contact: <" + ALICE.contactUri() + ">");
        h.send(ALICE, register);
        SipResponse refused = lastResponseTo(h.take(), ALICE.peer());
        assertThat(refused.status()).isEqualTo(503);
        // §8.2.7: nothing kept for 64*T1, so a REGISTER flood's refusals do not fill the heap
        assertThat(h.transactions.activeTransactions()).isEqualTo(before);
        assertThat(h.transactions.heldBytes()).isEqualTo(heldBefore);

        h.send(ALICE, register);  // the phone's retransmission is refused again, with the same To tag
        SipResponse again = lastResponseTo(h.take(), ALICE.peer());
        assertThat(again.status()).isEqualTo(503);
        assertThat(again.to().tag()).isEqualTo(refused.to().tag());
        assertThat(h.registrationOutcomes).last().isEqualTo("503 server.overloaded");
    }

    @Test
    void while_draining_a_ringing_call_can_still_be_cancelled() {
        Call call = h.call(ALICE, BOB.aor());
        h.take();
        h.dispatcher.startDraining();
        h.send(ALICE, call.cancel());
        assertThat(h.take()).extracting(Sent::summary).containsExactly("200 OK", "487 Request Terminated");
    }
}
