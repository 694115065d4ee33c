package org.clearline.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.core.Phone.ALICE;
import static org.clearline.core.Phone.BOB;
import static org.clearline.core.Phone.MALLORY;
import static org.clearline.core.ProxyHarness.lastResponseTo;
import static org.clearline.core.ProxyHarness.onlyTo;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.clearline.core.ProxyHarness;
import org.clearline.core.Sip;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipResponse;
import org.clearline.transport.LoopTransport.Sent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Branches that end without an answer: Timer B/F, Timer C (§16.8), transport errors (§16.7 step 6). */
class ProxyTimersTest {
    private ProxyHarness h;

    @BeforeEach
    void setUp() {
        h = new ProxyHarness();
        h.register(BOB);
    }

    private SipRequest callBob() {
        h.call(ALICE, BOB.aor());
        return onlyTo(h.take(), BOB.peer()).request();
    }

    @Test
    void a_callee_that_never_answers_is_retried_then_reported_as_408_after_timer_b() {
        SipRequest fwd = callBob();
        h.advance(Duration.ofMillis(500));
        // §17.1.1.2 Timer A: the same INVITE again, same branch
        assertThat(onlyTo(h.take(), BOB.peer()).request().topVia().branch()).isEqualTo(fwd.topVia().branch());

        h.advance(h.transactions.timers().sixtyFourT1().minusMillis(500));
        List<Sent> out = h.take();
        SipResponse r = lastResponseTo(out, ALICE.peer());
        assertThat(r.status()).isEqualTo(408);
        assertThat(r.reason()).isEqualTo("Request Timeout");
        assertThat(r.to().tag()).isNotBlank();
        assertThat(h.callOutcomes).containsExactly("408 callee.no-answer");
        assertThat(h.proxy.activeContexts()).isZero();
    }

    @Test
    void timer_c_cancels_a_branch_that_rings_too_long_and_the_caller_gets_408() {
        SipRequest fwd = callBob();
        h.send(BOB, Sip.response(fwd, 180, "Ringing", "b1"));
        h.take();

        Duration timerC = ProxyConfig.DEFAULT.timerC();
        h.advance(timerC.minusSeconds(1));
        assertThat(h.take()).isEmpty();
        h.advance(Duration.ofSeconds(1));
        SipRequest cancel = onlyTo(h.take(), BOB.peer()).request();
        assertThat(cancel.method()).isEqualTo("CANCEL");
        assertThat(cancel.topVia().branch()).isEqualTo(fwd.topVia().branch());

        h.send(BOB, Sip.response(cancel, 200, "OK", null));
        h.send(BOB, Sip.response(fwd, 487, "Request Terminated", "b1"));
        SipResponse r = lastResponseTo(h.take(), ALICE.peer());
        // §16.8: to the caller this is "no answer", not a cancellation it never asked for
        assertThat(r.status()).isEqualTo(408);
        assertThat(h.callOutcomes).containsExactly("408 callee.no-answer");
    }

    @Test
    void every_provisional_restarts_timer_c() {
        SipRequest fwd = callBob();
        h.send(BOB, Sip.response(fwd, 180, "Ringing", "b1"));
        h.advance(Duration.ofSeconds(100));
        h.send(BOB, Sip.response(fwd, 183, "Session Progress", "b1"));
        h.take();

        h.advance(ProxyConfig.DEFAULT.timerC().minusSeconds(1));
        assertThat(h.to(h.take(), BOB.peer())).isEmpty();
        h.advance(Duration.ofSeconds(1));
        assertThat(onlyTo(h.take(), BOB.peer()).request().method()).isEqualTo("CANCEL");
    }

    @Test
    void timer_c_with_a_callee_that_ignores_the_cancel_ends_in_408_after_64_t1() {
        SipRequest fwd = callBob();
        h.send(BOB, Sip.response(fwd, 180, "Ringing", "b1"));
        h.advance(ProxyConfig.DEFAULT.timerC());
        h.take();

        h.advance(h.transactions.timers().sixtyFourT1());
        SipResponse r = lastResponseTo(h.take(), ALICE.peer());
        assertThat(r.status()).isEqualTo(408);
        assertThat(h.proxy.activeContexts()).isZero();
    }

    @Test
    void a_transport_error_towards_the_callee_is_503_for_the_caller() {
        h.net.failSendsTo(BOB.peer(), new IOException("network unreachable"));
        h.call(ALICE, BOB.aor());
        List<Sent> out = h.take();
        assertThat(out).extracting(Sent::toString).containsExactly("100 Trying -> " + ALICE.peer(),
                "503 Service Unavailable -> " + ALICE.peer());
        assertThat(h.net.failed()).extracting(Sent::summary).containsExactly("INVITE");
        assertThat(h.callOutcomes).containsExactly("503 callee.unreachable");
    }

    @Test
    void a_next_hop_that_does_not_resolve_is_503() {
        h.call(ALICE, "sip:someone@nowhere.example");
        SipResponse r = lastResponseTo(h.take(), ALICE.peer());
        assertThat(r.status()).isEqualTo(503);
    }

    @Test
    void a_non_invite_without_answer_is_408_after_timer_f() {
        h.send(MALLORY, Sip.message("MESSAGE " + BOB.aor() + " SIP/2.0", MALLORY.via(h.branch()), "Max-Forwards: 70",
                MALLORY.from("m1"), "To: <" + BOB.aor() + ">", "Call-ID: " + h.callId("m"), "CSeq: 1 MESSAGE"));
        assertThat(onlyTo(h.take(), BOB.peer()).request().method()).isEqualTo("MESSAGE");

        h.advance(h.transactions.timers().sixtyFourT1());
        SipResponse r = lastResponseTo(h.take(), MALLORY.peer());
        assertThat(r.status()).isEqualTo(408);
        assertThat(r.cseq().method()).isEqualTo("MESSAGE");
    }
}
