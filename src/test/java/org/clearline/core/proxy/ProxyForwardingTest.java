package org.clearline.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.core.Phone.ALICE;
import static org.clearline.core.Phone.BOB;
import static org.clearline.core.Phone.MALLORY;
import static org.clearline.core.ProxyHarness.OUR_RECORD_ROUTE;
import static org.clearline.core.ProxyHarness.SERVER;
import static org.clearline.core.ProxyHarness.lastResponseTo;
import static org.clearline.core.ProxyHarness.onlyTo;

import java.util.List;
import org.clearline.core.DigestClient;
import org.clearline.core.Phone;
import org.clearline.core.ProxyHarness;
import org.clearline.core.Sip;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipResponse;
import org.clearline.transport.LoopTransport.Sent;
import org.clearline.transport.Peer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How a request is changed on its way through (§16.6), and loops (§16.3 step 4). */
class ProxyForwardingTest {
    private static final Peer FAR = Peer.udp("203.0.113.9", 5060);
    private ProxyHarness h;

    @BeforeEach
    void setUp() {
        h = new ProxyHarness();
        h.hosts.put("far.example", FAR);
    }

    @Test
    void a_binding_with_path_is_reached_through_the_edge_proxy() {
        Peer edge = Peer.udp("203.0.113.5", 5060);
        h.hosts.put("edge.example.net", edge);
        h.register(BOB, "Supported: path", "Path: <sip:edge.example.net;lr>");

        h.call(ALICE, BOB.aor());
        SipRequest fwd = onlyTo(h.take(), edge).request();
        // §16.6 step 6 and RFC 3327 §5.3: the Path becomes the Route set, the contact the Request-URI
        assertThat(fwd.requestUri()).hasToString(BOB.contactUri());
        assertThat(fwd.headerValues("Route")).containsExactly("<sip:edge.example.net;lr>");
        assertThat(fwd.headerValues("Record-Route")).containsExactly(OUR_RECORD_ROUTE);
    }

    @Test
    void credentials_for_another_realm_are_passed_on() {
        String carrier = DigestClient.credentials("MD5", "alice-at-carrier", "carrier.example", "pw", "n0nce",
                "INVITE", "sip:someone@far.example", 1, "c");
        h.call(ALICE, "sip:someone@far.example", "Proxy-Authorization: " + carrier);

        SipRequest fwd = onlyTo(h.take(), FAR).request();
        // §20.28/§22.3: only the credentials for our realm are consumed
        assertThat(fwd.headerValues("Proxy-Authorization")).containsExactly(carrier);
    }

    @Test
    void a_method_the_proxy_does_not_know_is_still_forwarded() {
        h.register(BOB);
        String ruri = BOB.aor();
        h.send(ALICE, Sip.message("FROBNICATE " + ruri + " SIP/2.0", ALICE.via(h.branch()), "Max-Forwards: 70",
                ALICE.from("t1"), "To: <" + ruri + ">", "Call-ID: " + h.callId("f"), "CSeq: 1 FROBNICATE",
                "Proxy-Authorization: " + h.credentials(ALICE, "FROBNICATE", ruri)));

        // §16.3 step 1: "An element MUST NOT refuse to proxy a request because it contains a
        // method or header field it does not know about."
        List<Sent> out = h.take();
        SipRequest fwd = onlyTo(out, BOB.peer()).request();
        assertThat(fwd.method()).isEqualTo("FROBNICATE");
        assertThat(fwd.requestUri()).hasToString(BOB.contactUri());
        assertThat(fwd.hasHeader("Record-Route")).isFalse();

        h.send(BOB, Sip.response(fwd, 200, "OK", "b7"));
        assertThat(lastResponseTo(h.take(), ALICE.peer()).status()).isEqualTo(200);
    }

    @Test
    void a_request_without_max_forwards_leaves_with_the_default() {
        h.register(BOB);
        h.send(MALLORY, h.invite(MALLORY, BOB.aor(), h.callId("m"), "t", 1, h.branch())
                .replace("Max-Forwards: 70\r\n", ""));
        assertThat(onlyTo(h.take(), BOB.peer()).request().header("Max-Forwards")).isEqualTo("70");
    }

    @Test
    void an_outside_caller_cannot_preload_a_route_to_make_us_relay() {
        h.register(BOB);
        h.hosts.put("victim.example", FAR);
        // our own entry on top is fine (an outbound proxy setting); the one after it names a host of the caller's choice
        h.send(MALLORY, h.invite(MALLORY, BOB.aor(), h.callId("pre"), "t", 1, h.branch(),
                "Route: <sip:127.0.0.1:5060;lr>, <sip:victim.example;lr>"));
        List<Sent> out = h.take();
        assertThat(h.to(out, FAR)).isEmpty();
        assertThat(h.to(out, BOB.peer())).isEmpty();
        SipResponse r = lastResponseTo(out, MALLORY.peer());
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.reason()).isEqualTo("Forbidden");

        // without the extra entry the same caller reaches bob
        h.send(MALLORY, h.invite(MALLORY, BOB.aor(), h.callId("pre2"), "t", 1, h.branch(),
                "Route: <sip:127.0.0.1:5060;lr>"));
        assertThat(onlyTo(h.take(), BOB.peer()).request().hasHeader("Route")).isFalse();
    }

    @Test
    void an_authenticated_caller_may_name_a_further_hop() {
        h.hosts.put("edge.example.net", FAR);
        h.register(BOB);
        h.call(ALICE, BOB.aor(), "Route: <sip:edge.example.net;lr>");
        SipRequest fwd = onlyTo(h.take(), FAR).request();
        assertThat(fwd.header("Route")).isEqualTo("<sip:edge.example.net;lr>");
    }

    @Test
    void a_request_that_comes_back_unchanged_is_a_loop_and_gets_482() {
        // far.example is misconfigured to point at us: what we send there comes straight back
        h.hosts.put("far.example", SERVER);
        h.net.link(SERVER, h.net);

        h.call(ALICE, "sip:someone@far.example");
        List<Sent> out = h.take();

        SipRequest looped = h.to(out, SERVER).stream().filter(Sent::isRequest).findFirst().orElseThrow().request();
        assertThat(looped.topVia().host()).isEqualTo("127.0.0.1");
        // the looped copy was answered 482 by us, to ourselves...
        assertThat(h.to(out, SERVER)).extracting(Sent::summary).contains("482 Loop Detected");
        // ...and that is what the caller finally hears
        SipResponse r = lastResponseTo(out, ALICE.peer());
        assertThat(r.status()).isEqualTo(482);
        assertThat(r.reason()).isEqualTo("Loop Detected");
        assertThat(r.vias()).hasSize(1);
    }

    @Test
    void a_request_that_passed_us_before_with_another_request_uri_is_a_spiral_not_a_loop() {
        h.register(BOB);
        // it carries a Via of ours, but its branch hash belongs to another Request-URI
        String spiral = h.invite(MALLORY, BOB.aor(), h.callId("s"), "t", 1, h.branch(),
                "Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKcl1234abcd.5678");
        h.send(MALLORY, spiral);
        assertThat(onlyTo(h.take(), BOB.peer()).request().vias()).hasSize(3);
    }

    @Test
    void a_call_that_changes_transport_gets_a_record_route_for_each_side() {
        h.register(BOB);
        Phone aliceTcp = new Phone("alice", "alice-secret", ProxyHarness.DOMAIN, Peer.tcp("192.0.2.10", 5070));
        h.send(aliceTcp, h.invite(aliceTcp, BOB.aor(), h.callId("t"), "t", 1, h.branch(),
                "Proxy-Authorization: " + h.credentials(ALICE, "INVITE", BOB.aor())).replace("SIP/2.0/UDP", "SIP/2.0/TCP"));

        SipRequest fwd = onlyTo(h.take(), BOB.peer()).request();
        // §16.6 step 4: the callee side (UDP) on top, the caller side (TCP) below it
        assertThat(fwd.headerValues("Record-Route"))
                .containsExactly("<sip:127.0.0.1:5060;lr>", "<sip:127.0.0.1:5060;transport=tcp;lr>");
        assertThat(fwd.topVia().transport()).isEqualTo("UDP");
    }

    @Test
    void the_ack_of_a_call_that_changed_transport_passes_both_of_our_routes() {
        h.register(BOB);
        Phone aliceTcp = new Phone("alice", "alice-secret", ProxyHarness.DOMAIN, Peer.tcp("192.0.2.10", 5070));
        String callId = h.callId("t");
        h.send(aliceTcp, h.invite(aliceTcp, BOB.aor(), callId, "t", 1, h.branch(),
                "Proxy-Authorization: " + h.credentials(ALICE, "INVITE", BOB.aor())).replace("SIP/2.0/UDP", "SIP/2.0/TCP"));
        SipRequest fwd = onlyTo(h.take(), BOB.peer()).request();
        h.send(BOB, Sip.response(fwd, 200, "OK", "b1", "Contact: <" + BOB.contactUri() + ">"));
        SipResponse ok = lastResponseTo(h.take(), aliceTcp.peer());
        assertThat(ok.headerValues("Record-Route")).hasSize(2);

        // the caller's route set is the Record-Route list reversed (§12.1.2)
        h.send(aliceTcp, Sip.message("ACK " + BOB.contactUri() + " SIP/2.0",
                "Via: SIP/2.0/TCP 192.0.2.10:5070;branch=" + h.branch(), "Max-Forwards: 70",
                "Route: <sip:127.0.0.1:5060;transport=tcp;lr>, <sip:127.0.0.1:5060;lr>",
                ALICE.from("t"), "To: <" + BOB.aor() + ">;tag=b1", "Call-ID: " + callId, "CSeq: 1 ACK"));
        SipRequest ack = onlyTo(h.take(), BOB.peer()).request();
        assertThat(ack.hasHeader("Route")).isFalse();
        assertThat(ack.topVia().transport()).isEqualTo("UDP");
    }

    @Test
    void a_cancel_follows_the_same_route_set_as_its_invite() {
        Peer edge = Peer.udp("203.0.113.5", 5060);
        h.hosts.put("edge.example.net", edge);
        h.register(BOB, "Supported: path", "Path: <sip:edge.example.net;lr>");
        var call = h.call(ALICE, BOB.aor());
        SipRequest fwd = onlyTo(h.take(), edge).request();
        h.send(edge, Sip.response(fwd, 180, "Ringing", "b1"));
        h.take();

        h.send(ALICE, call.cancel());
        SipRequest cancel = onlyTo(h.take(), edge).request();
        // §9.1: a CANCEL has the Route header fields of the request it cancels
        assertThat(cancel.method()).isEqualTo("CANCEL");
        assertThat(cancel.headerValues("Route")).containsExactly("<sip:edge.example.net;lr>");
        assertThat(cancel.requestUri()).hasToString(BOB.contactUri());
    }
}
