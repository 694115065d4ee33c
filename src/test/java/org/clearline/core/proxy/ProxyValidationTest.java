package org.clearline.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.core.Phone.ALICE;
import static org.clearline.core.Phone.BOB;
import static org.clearline.core.Phone.MALLORY;
import static org.clearline.core.ProxyHarness.OUR_RECORD_ROUTE;
import static org.clearline.core.ProxyHarness.lastResponseTo;
import static org.clearline.core.ProxyHarness.onlyTo;

import java.util.List;
import org.clearline.core.ProxyHarness;
import org.clearline.core.Sip;
import org.clearline.syntax.SipResponse;
import org.clearline.transport.LoopTransport.Sent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Request validation (§16.3) and the requests the proxy answers itself instead of forwarding. */
class ProxyValidationTest {
    private ProxyHarness h;

    @BeforeEach
    void setUp() {
        h = new ProxyHarness();
        h.register(BOB);
    }

    /**
     * A request from {@code MALLORY} (no credentials needed): start line and the usual
     * headers, where an {@code extra} line replaces the usual line of its name or is added.
     */
    private List<Sent> fromOutside(String method, String requestUri, String... extra) {
        String[] base = {method + " " + requestUri + " SIP/2.0", MALLORY.via(h.branch()), "Max-Forwards: 70",
                MALLORY.from(h.tag()), "To: <" + BOB.aor() + ">", "Call-ID: " + h.callId("v"),
                "CSeq: 1 " + method};
        h.send(MALLORY, Sip.message(Sip.override(base, extra)));
        return h.take();
    }

    private static SipResponse finalTo(List<Sent> sent) {
        SipResponse r = lastResponseTo(sent, MALLORY.peer());
        assertThat(r.status()).isGreaterThanOrEqualTo(200);
        return r;
    }

    @Test
    void max_forwards_zero_gets_483() {
        List<Sent> out = fromOutside("INVITE", BOB.aor(), "Max-Forwards: 0");
        assertThat(out).extracting(Sent::summary).containsExactly("100 Trying", "483 Too Many Hops");
        assertThat(out).allMatch(s -> s.destination().equals(MALLORY.peer()));
    }

    @Test
    void max_forwards_zero_on_a_non_invite_gets_483_too() {
        SipResponse r = finalTo(fromOutside("MESSAGE", BOB.aor(), "Max-Forwards: 0"));
        assertThat(r.status()).isEqualTo(483);
    }

    @Test
    void options_to_the_server_itself_is_answered_even_with_max_forwards_zero() {
        List<Sent> out = fromOutside("OPTIONS", "sip:" + ProxyHarness.DOMAIN, "Max-Forwards: 0");
        SipResponse r = onlyTo(out, MALLORY.peer()).response();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Allow")).contains("INVITE", "ACK", "CANCEL", "BYE", "OPTIONS", "REGISTER");
        assertThat(r.header("Supported")).isEqualTo("path");
        assertThat(r.to().tag()).isNotBlank();
    }

    @Test
    void options_to_the_server_is_answered_statelessly_with_the_same_tag_each_time() {
        int before = h.transactions.activeTransactions();
        String[] ping = {"OPTIONS sip:" + ProxyHarness.DOMAIN + " SIP/2.0", MALLORY.via(h.branch()),
                "Max-Forwards: 70", MALLORY.from(h.tag()), "To: <sip:" + ProxyHarness.DOMAIN + ">",
                "Call-ID: " + h.callId("ping"), "CSeq: 7 OPTIONS"};
        h.send(MALLORY, Sip.message(ping));
        SipResponse first = onlyTo(h.take(), MALLORY.peer()).response();
        // §8.2.7: nothing kept for 64*T1, so a flood of keep-alive pings holds no memory
        assertThat(h.transactions.activeTransactions()).isEqualTo(before);
        h.send(MALLORY, Sip.message(ping));  // its retransmission
        SipResponse again = onlyTo(h.take(), MALLORY.peer()).response();
        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.to().tag()).isNotBlank().isEqualTo(first.to().tag());
    }

    @Test
    void options_to_our_address_is_answered_by_us_not_forwarded() {
        SipResponse r = onlyTo(fromOutside("OPTIONS", "sip:127.0.0.1:5060"), MALLORY.peer()).response();
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void an_unknown_proxy_require_option_gets_420_listing_it_in_unsupported() {
        List<Sent> out = fromOutside("INVITE", BOB.aor(), "Proxy-Require: foo, 100rel", "Proxy-Require: bar");
        SipResponse r = finalTo(out);
        assertThat(r.status()).isEqualTo(420);
        assertThat(r.reason()).isEqualTo("Bad Extension");
        assertThat(r.header("Unsupported")).isEqualTo("foo, 100rel, bar");
        assertThat(h.to(out, BOB.peer())).isEmpty();
    }

    @Test
    void a_require_meant_for_the_callee_is_not_the_proxys_business() {
        List<Sent> out = fromOutside("INVITE", BOB.aor(), "Require: 100rel");
        assertThat(onlyTo(out, BOB.peer()).request().header("Require")).isEqualTo("100rel");
    }

    @Test
    void a_request_uri_scheme_we_cannot_route_gets_416() {
        SipResponse r = finalTo(fromOutside("INVITE", "mailto:bob@example.com"));
        assertThat(r.status()).isEqualTo(416);
        assertThat(r.reason()).isEqualTo("Unsupported URI Scheme");
    }

    @Test
    void an_unknown_method_addressed_to_the_server_gets_501() {
        SipResponse r = finalTo(fromOutside("FROBNICATE", "sip:" + ProxyHarness.DOMAIN));
        assertThat(r.status()).isEqualTo(501);
        assertThat(r.reason()).isEqualTo("Not Implemented");
    }

    @Test
    void an_unknown_callee_gets_404() {
        SipResponse r = finalTo(fromOutside("INVITE", "sip:nobody@" + ProxyHarness.DOMAIN));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.reason()).isEqualTo("Not Found");
        assertThat(h.callOutcomes).containsExactly("404 callee.unknown");
    }

    @Test
    void a_callee_without_bindings_gets_480() {
        SipResponse r = finalTo(fromOutside("INVITE", "sip:dave@" + ProxyHarness.DOMAIN));
        assertThat(r.status()).isEqualTo(480);
        assertThat(r.reason()).isEqualTo("Temporarily Unavailable");
    }

    @Test
    void a_caller_of_another_domain_may_call_our_users() {
        List<Sent> out = fromOutside("INVITE", BOB.aor());
        assertThat(out).extracting(Sent::toString)
                .containsExactly("100 Trying -> " + MALLORY.peer(), "INVITE -> " + BOB.peer());
    }

    @Test
    void we_are_no_open_relay_for_callers_of_other_domains() {
        h.hosts.put("far.example", org.clearline.transport.Peer.udp("203.0.113.9", 5060));
        List<Sent> out = fromOutside("INVITE", "sip:someone@far.example");
        SipResponse r = finalTo(out);
        assertThat(r.status()).isEqualTo(403);
        assertThat(h.to(out, org.clearline.transport.Peer.udp("203.0.113.9", 5060))).isEmpty();
        assertThat(h.callOutcomes).containsExactly("403 call.relay-denied");
    }

    @Test
    void an_authenticated_local_caller_may_call_another_domain() {
        org.clearline.transport.Peer far = org.clearline.transport.Peer.udp("203.0.113.9", 5060);
        h.hosts.put("far.example", far);
        h.call(ALICE, "sip:someone@far.example");
        List<Sent> out = h.take();
        assertThat(out).extracting(Sent::toString).containsExactly("100 Trying -> " + ALICE.peer(), "INVITE -> " + far);
        assertThat(onlyTo(out, far).request().requestUri()).hasToString("sip:someone@far.example");
        assertThat(onlyTo(out, far).request().headerValues("Record-Route")).containsExactly(OUR_RECORD_ROUTE);
    }

    @Test
    void a_local_caller_using_someone_elses_from_is_forbidden() {
        String ruri = BOB.aor();
        h.send(ALICE, h.invite(ALICE, ruri, h.callId("x"), "t", 1, h.branch(),
                "Proxy-Authorization: " + h.credentials(ALICE, "INVITE", ruri)).replace(
                "From: <sip:alice@example.com>", "From: <sip:bob@example.com>"));
        SipResponse r = lastResponseTo(h.take(), ALICE.peer());
        assertThat(r.status()).isEqualTo(403);
    }

    @Test
    void a_disabled_account_cannot_call() {
        org.clearline.core.Phone carol = org.clearline.core.Phone.CAROL;
        h.send(carol, h.invite(carol, BOB.aor(), h.callId("x"), "t", 1, h.branch(),
                "Proxy-Authorization: " + h.credentials(carol, "INVITE", BOB.aor())));
        SipResponse r = lastResponseTo(h.take(), carol.peer());
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.hasHeader("Proxy-Authenticate")).isFalse();
    }

    @Test
    void a_mid_dialog_request_for_a_dialog_we_never_routed_gets_481() {
        // To tag, Request-URI of our domain, no Route to us
        int before = h.transactions.activeTransactions();
        SipResponse r = finalTo(fromOutside("BYE", BOB.aor(), "To: <" + BOB.aor() + ">;tag=zz"));
        assertThat(r.status()).isEqualTo(481);
        assertThat(r.reason()).isEqualTo("Call/Transaction Does Not Exist");
        // §8.2.7: sent statelessly, so a flood of stray BYEs keeps nothing for 64*T1
        assertThat(h.transactions.activeTransactions()).isEqualTo(before);
    }

    @Test
    void a_mid_dialog_request_without_our_route_is_not_relayed_anywhere() {
        // To tag and a remote target that is not ours, but no Route to us: not a dialog we record-routed
        List<Sent> out = fromOutside("BYE", BOB.contactUri(), "To: <" + BOB.aor() + ">;tag=zz");
        assertThat(h.to(out, BOB.peer())).isEmpty();
        assertThat(finalTo(out).status()).isEqualTo(481);
    }

    @Test
    void a_cancel_matching_no_invite_gets_481() {
        SipResponse r = onlyTo(fromOutside("CANCEL", BOB.aor()), MALLORY.peer()).response();
        assertThat(r.status()).isEqualTo(481);
        assertThat(r.cseq().method()).isEqualTo("CANCEL");
    }

    @Test
    void options_to_the_server_with_an_unsupported_require_gets_420() {
        SipResponse r = finalTo(fromOutside("OPTIONS", "sip:" + ProxyHarness.DOMAIN, "Require: timer"));
        assertThat(r.status()).isEqualTo(420);
        assertThat(r.header("Unsupported")).isEqualTo("timer");
    }
}
