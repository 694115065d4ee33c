package org.clearline.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.core.Phone.ALICE;
import static org.clearline.core.Phone.BOB;
import static org.clearline.core.ProxyHarness.OUR_RECORD_ROUTE;
import static org.clearline.core.ProxyHarness.onlyTo;

import java.util.List;
import org.clearline.core.DigestClient;
import org.clearline.core.ProxyHarness;
import org.clearline.core.ProxyHarness.Call;
import org.clearline.core.Sip;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipResponse;
import org.clearline.syntax.SipUri;
import org.clearline.syntax.Via;
import org.clearline.transport.LoopTransport.Sent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A basic call through the stateful proxy (§16): INVITE, 180, 200, ACK, BYE. */
class ProxyCallTest {
    private ProxyHarness h;

    @BeforeEach
    void setUp() {
        h = new ProxyHarness();
        h.register(BOB);
    }

    @Test
    void invite_from_a_local_user_without_credentials_is_challenged_with_407() {
        String callId = h.callId("c");
        h.send(ALICE, h.invite(ALICE, BOB.aor(), callId, "a1", 1, h.branch()));

        List<Sent> out = h.take();
        assertThat(out).extracting(Sent::summary)
                .containsExactly("100 Trying", "407 Proxy Authentication Required");
        assertThat(out).allMatch(s -> s.destination().equals(ALICE.peer()));
        SipResponse challenge = out.get(1).response();
        List<String> offers = challenge.headerValues("Proxy-Authenticate");
        assertThat(offers).hasSize(2);
        assertThat(offers).extracting(v -> DigestClient.params(v).get("algorithm")).containsExactly("SHA-256", "MD5");
        assertThat(challenge.headerValues("WWW-Authenticate")).isEmpty();
        assertThat(challenge.to().tag()).isNotNull();
    }

    @Test
    void authenticated_invite_is_forwarded_to_the_registered_contact() {
        String callId = h.callId("c");
        String first = h.branch();
        h.send(ALICE, h.invite(ALICE, BOB.aor(), callId, "a1", 1, first));
        SipResponse challenge = h.take().get(1).response();
        // §17.1.1.3: the caller acknowledges the 407 on the same branch
        h.send(ALICE, Sip.message("ACK " + BOB.aor() + " SIP/2.0", ALICE.via(first), "Max-Forwards: 70",
                ALICE.from("a1"), "To: <" + BOB.aor() + ">;tag=" + challenge.to().tag(), "Call-ID: " + callId,
                "CSeq: 1 ACK"));
        assertThat(h.take()).isEmpty();

        String credentials = DigestClient.authorization(challenge.header("Proxy-Authenticate"), "alice",
                "alice-secret", "INVITE", BOB.aor(), 1, "0a4f113b");
        h.send(ALICE, Sip.withBody(h.invite(ALICE, BOB.aor(), callId, "a1", 2, h.branch(),
                "Proxy-Authorization: " + credentials), "application/sdp", "v=0\r\n"));

        List<Sent> out = h.take();
        assertThat(out).extracting(Sent::toString)
                .containsExactly("100 Trying -> " + ALICE.peer(), "INVITE -> " + BOB.peer());
        SipRequest fwd = out.get(1).request();
        assertThat(fwd.requestUri()).hasToString(BOB.contactUri());
        assertThat(fwd.headerValues("Record-Route")).containsExactly(OUR_RECORD_ROUTE);
        assertThat(((SipUri) fwd.addressList("Record-Route").get(0).uri()).looseRouting()).isTrue();
        List<Via> vias = fwd.vias();
        assertThat(vias).hasSize(2);
        assertThat(vias.get(0).host()).isEqualTo("127.0.0.1");
        assertThat(vias.get(0).port()).isEqualTo(5060);
        assertThat(vias.get(0).transport()).isEqualTo("UDP");
        assertThat(vias.get(0).branch()).startsWith("z9hG4bK").isNotEqualTo(vias.get(1).branch());
        assertThat(vias.get(1).host()).isEqualTo(ALICE.ip());
        assertThat(fwd.header("Max-Forwards")).isEqualTo("69");
        assertThat(fwd.hasHeader("Proxy-Authorization")).isFalse();
        assertThat(fwd.callId()).isEqualTo(callId);
        assertThat(fwd.cseq().number()).isEqualTo(2);
        assertThat(new String(fwd.body())).isEqualTo("v=0\r\n");
        assertThat(h.proxy.activeContexts()).isEqualTo(1);
    }

    @Test
    void ringing_and_ok_go_upstream_without_our_via() {
        Call call = h.call(ALICE, BOB.aor());
        SipRequest fwd = onlyTo(h.take(), BOB.peer()).request();

        h.send(BOB, Sip.response(fwd, 180, "Ringing", "b1", "Contact: <" + BOB.contactUri() + ">"));
        SipResponse ringing = onlyTo(h.take(), ALICE.peer()).response();
        assertThat(ringing.status()).isEqualTo(180);
        assertThat(ringing.vias()).hasSize(1);
        assertThat(ringing.topVia().branch()).isEqualTo(call.branch());
        assertThat(ringing.to().tag()).isEqualTo("b1");
        assertThat(ringing.headerValues("Record-Route")).containsExactly(OUR_RECORD_ROUTE);

        h.send(BOB, Sip.response(fwd, 200, "OK", "b1", "Contact: <" + BOB.contactUri() + ">"));
        SipResponse ok = onlyTo(h.take(), ALICE.peer()).response();
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.vias()).extracting(Via::branch).containsExactly(call.branch());
        assertThat(ok.header("Contact")).isEqualTo("<" + BOB.contactUri() + ">");
        assertThat(ok.headerValues("Record-Route")).containsExactly(OUR_RECORD_ROUTE);
        assertThat(h.callOutcomes).containsExactly("200 -");
    }

    @Test
    void ack_for_2xx_and_bye_follow_the_route_set() {
        Call call = h.call(ALICE, BOB.aor());
        SipRequest fwd = onlyTo(h.take(), BOB.peer()).request();
        h.send(BOB, Sip.response(fwd, 200, "OK", "b1", "Contact: <" + BOB.contactUri() + ">"));
        h.take();

        // §16.11: the ACK of a 2xx is its own transaction; the proxy relays it statelessly
        String ackBranch = h.branch();
        String ack = call.inDialog("ACK", 1, ackBranch, BOB.contactUri(), "b1", OUR_RECORD_ROUTE);
        h.send(ALICE, ack);
        SipRequest relayedAck = onlyTo(h.take(), BOB.peer()).request();
        assertThat(relayedAck.method()).isEqualTo("ACK");
        assertThat(relayedAck.requestUri()).hasToString(BOB.contactUri());
        assertThat(relayedAck.hasHeader("Route")).isFalse();
        assertThat(relayedAck.header("Max-Forwards")).isEqualTo("69");
        assertThat(relayedAck.vias()).hasSize(2);
        assertThat(relayedAck.topVia().host()).isEqualTo("127.0.0.1");
        assertThat(relayedAck.topVia().rfc3261Branch()).isTrue();
        // a retransmitted ACK leaves with the same branch (§16.11: stateless branches are stable)
        h.send(ALICE, ack);
        assertThat(onlyTo(h.take(), BOB.peer()).request().topVia().branch()).isEqualTo(relayedAck.topVia().branch());

        h.send(ALICE, call.inDialog("BYE", 2, h.branch(), BOB.contactUri(), "b1", OUR_RECORD_ROUTE));
        SipRequest bye = onlyTo(h.take(), BOB.peer()).request();
        assertThat(bye.method()).isEqualTo("BYE");
        assertThat(bye.requestUri()).hasToString(BOB.contactUri());
        assertThat(bye.hasHeader("Route")).isFalse();
        assertThat(bye.hasHeader("Record-Route")).isFalse();
        assertThat(bye.topVia().host()).isEqualTo("127.0.0.1");

        h.send(BOB, Sip.response(bye, 200, "OK", null));
        SipResponse byeOk = onlyTo(h.take(), ALICE.peer()).response();
        assertThat(byeOk.status()).isEqualTo(200);
        assertThat(byeOk.cseq().method()).isEqualTo("BYE");
        assertThat(byeOk.vias()).hasSize(1);
    }

    @Test
    void a_2xx_retransmitted_after_our_transaction_ended_is_still_relayed_upstream() {
        Call call = h.call(ALICE, BOB.aor());
        SipRequest fwd = onlyTo(h.take(), BOB.peer()).request();
        String ok = Sip.response(fwd, 200, "OK", "b1", "Contact: <" + BOB.contactUri() + ">");
        h.send(BOB, ok);
        h.take();
        h.advance(h.transactions.timers().sixtyFourT1().plusSeconds(1)); // Timers L and M are over
        assertThat(h.transactions.activeTransactions()).isZero();

        // §16.7 step 1 / RFC 6026: a stray 2xx whose top Via is ours goes to the next Via
        h.send(BOB, ok);
        SipResponse again = onlyTo(h.take(), ALICE.peer()).response();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.vias()).extracting(Via::branch).containsExactly(call.branch());
    }

    @Test
    void once_answered_the_context_is_released_and_2xx_retransmissions_still_go_upstream() {
        Call call = h.call(ALICE, BOB.aor());
        SipRequest fwd = onlyTo(h.take(), BOB.peer()).request();
        String ok = Sip.response(fwd, 200, "OK", "b1", "Contact: <" + BOB.contactUri() + ">");
        h.send(BOB, ok);
        SipResponse first = onlyTo(h.take(), ALICE.peer()).response();
        assertThat(h.proxy.activeContexts()).isZero(); // final sent, every branch over: nothing kept per call

        // RFC 6026 §8.4: the INVITE client transaction (Accepted) passes the callee's 2xx
        // retransmissions on; the released context still relays each one (§16.7 step 4)
        h.advance(java.time.Duration.ofSeconds(4));
        h.send(BOB, ok);
        SipResponse again = onlyTo(h.take(), ALICE.peer()).response();
        assertThat(again.encode()).isEqualTo(first.encode());
        assertThat(again.vias()).extracting(Via::branch).containsExactly(call.branch());
        assertThat(h.callOutcomes).containsExactly("200 -"); // reported once
    }

    @Test
    void a_stray_response_whose_top_via_is_not_ours_is_dropped() {
        h.send(BOB, Sip.message("SIP/2.0 200 OK", ALICE.via("z9hG4bKnotours"), ALICE.from("x"),
                "To: <" + BOB.aor() + ">;tag=y", "Call-ID: stray@test", "CSeq: 1 INVITE"));
        assertThat(h.take()).isEmpty();
    }

    @Test
    void an_ack_that_did_not_come_through_our_route_is_not_relayed() {
        // an ACK with a To tag for an address elsewhere, without our Route: no dialog of ours
        h.send(ALICE, Sip.message("ACK " + BOB.contactUri() + " SIP/2.0", ALICE.via(h.branch()), "Max-Forwards: 70",
                ALICE.from("x"), "To: <" + BOB.aor() + ">;tag=y", "Call-ID: " + h.callId("ack"), "CSeq: 1 ACK"));
        assertThat(h.take()).isEmpty();
    }

    @Test
    void an_ack_with_max_forwards_zero_is_dropped() {
        h.send(ALICE, Sip.message("ACK " + BOB.contactUri() + " SIP/2.0", ALICE.via(h.branch()), "Max-Forwards: 0",
                "Route: " + OUR_RECORD_ROUTE, ALICE.from("x"), "To: <" + BOB.aor() + ">;tag=y",
                "Call-ID: " + h.callId("ack"), "CSeq: 1 ACK"));
        assertThat(h.take()).isEmpty();
    }
}
