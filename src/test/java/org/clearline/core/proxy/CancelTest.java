package org.clearline.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.core.Phone.ALICE;
import static org.clearline.core.Phone.BOB;
import static org.clearline.core.ProxyHarness.lastResponseTo;
import static org.clearline.core.ProxyHarness.onlyTo;

import java.time.Duration;
import java.util.List;
import org.clearline.core.ProxyHarness;
import org.clearline.core.ProxyHarness.Call;
import org.clearline.core.Sip;
import org.clearline.failures.Situation;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipResponse;
import org.clearline.transport.LoopTransport.Sent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The caller cancels (§16.10): 200 to the CANCEL, 487 to the INVITE, CANCEL downstream
 * per §9.1. And the server stops while a call is being set up (SIGTERM after the drain
 * time): the caller gets 503 with Retry-After, pending branches get CANCEL the same way,
 * and a call that already has its answer is left alone.
 */
class CancelTest {
    private ProxyHarness h;
    private Call call;
    private SipRequest fwd;

    @BeforeEach
    void setUp() {
        h = new ProxyHarness();
        h.register(BOB);
        call = h.call(ALICE, BOB.aor());
        fwd = onlyTo(h.take(), BOB.peer()).request();
    }

    private List<Sent> bob(SipRequest request, int status, String reason, String tag) {
        h.send(BOB, Sip.response(request, status, reason, tag));
        return h.take();
    }

    @Test
    void cancel_before_any_provisional_answers_the_caller_now_and_the_callee_after_it_rings() {
        h.send(ALICE, call.cancel());
        List<Sent> out = h.take();
        assertThat(out).extracting(Sent::toString)
                .containsExactly("200 OK -> " + ALICE.peer(), "487 Request Terminated -> " + ALICE.peer());
        assertThat(out.get(0).response().cseq().method()).isEqualTo("CANCEL");
        SipResponse terminated = out.get(1).response();
        assertThat(terminated.cseq().method()).isEqualTo("INVITE");
        assertThat(terminated.to().tag()).isNotBlank();
        assertThat(h.callOutcomes).containsExactly("200 -", "487 call.cancelled");

        // §9.1: a CANCEL may only follow a provisional response; the 180 itself stays here
        List<Sent> afterRinging = bob(fwd, 180, "Ringing", "b1");
        assertThat(afterRinging).extracting(Sent::toString).containsExactly("CANCEL -> " + BOB.peer());

        // the callee's 487 is acknowledged hop by hop and goes no further
        assertThat(bob(fwd, 487, "Request Terminated", "b1")).extracting(Sent::toString)
                .containsExactly("ACK -> " + BOB.peer());
    }

    @Test
    void cancel_after_a_provisional_goes_downstream_at_once_and_matches_the_branch() {
        assertThat(lastResponseTo(bob(fwd, 180, "Ringing", "b1"), ALICE.peer()).status()).isEqualTo(180);

        h.send(ALICE, call.cancel());
        List<Sent> out = h.take();
        assertThat(h.to(out, ALICE.peer())).extracting(Sent::summary).containsExactly("200 OK", "487 Request Terminated");
        SipRequest cancel = onlyTo(out, BOB.peer()).request();
        assertThat(cancel.method()).isEqualTo("CANCEL");
        assertThat(cancel.requestUri()).isEqualTo(fwd.requestUri());
        assertThat(cancel.headerValues("Via")).containsExactly(fwd.topVia().toString());
        assertThat(cancel.callId()).isEqualTo(fwd.callId());
        assertThat(cancel.header("From")).isEqualTo(fwd.header("From"));
        assertThat(cancel.header("To")).isEqualTo(fwd.header("To"));
        assertThat(cancel.header("CSeq")).isEqualTo(fwd.cseq().number() + " CANCEL");
        assertThat(cancel.header("Max-Forwards")).isEqualTo("70");
        assertThat(cancel.hasHeader("Record-Route")).isFalse();
        assertThat(cancel.hasHeader("Proxy-Authorization")).isFalse();
    }

    @Test
    void the_callers_ack_for_the_487_is_absorbed() {
        h.send(ALICE, call.cancel());
        SipResponse terminated = lastResponseTo(h.take(), ALICE.peer());
        h.send(ALICE, call.ackFailure(terminated.to().tag()));
        assertThat(h.take()).isEmpty();
        // and no retransmission of the 487 follows (the ACK stopped Timer G)
        h.advance(Duration.ofSeconds(4));
        assertThat(h.to(h.take(), ALICE.peer())).isEmpty();
    }

    @Test
    void a_2xx_that_crosses_the_cancel_still_reaches_the_caller() {
        bob(fwd, 180, "Ringing", "b1");
        h.send(ALICE, call.cancel());
        h.take();

        // the callee answered before our CANCEL arrived: the caller must get the 200 to ACK and BYE it
        List<Sent> out = bob(fwd, 200, "OK", "b1");
        SipResponse ok = lastResponseTo(out, ALICE.peer());
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.vias()).hasSize(1);
        assertThat(ok.topVia().branch()).isEqualTo(call.branch());
    }

    @Test
    void retransmissions_of_a_2xx_that_crossed_the_cancel_reach_the_caller_too() {
        bob(fwd, 180, "Ringing", "b1");
        h.send(ALICE, call.cancel());
        h.take();
        bob(fwd, 200, "OK", "b1");

        // §13.3.1.4: the callee repeats its 2xx until the ACK arrives; the first copy may have
        // been lost, so each repetition must reach the caller as well
        SipResponse again = lastResponseTo(bob(fwd, 200, "OK", "b1"), ALICE.peer());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.vias()).hasSize(1);
    }

    @Test
    void a_callee_that_ignores_the_cancel_is_given_up_after_64_t1() {
        bob(fwd, 180, "Ringing", "b1");
        h.send(ALICE, call.cancel());
        h.send(ALICE, call.ackFailure(lastResponseTo(h.take(), ALICE.peer()).to().tag()));
        assertThat(h.proxy.activeContexts()).isEqualTo(1);

        h.advance(h.transactions.timers().sixtyFourT1());
        assertThat(h.proxy.activeContexts()).isZero();
        assertThat(h.to(h.take(), ALICE.peer())).isEmpty(); // the caller had its 487 long ago
    }

    @Test
    void a_retransmitted_cancel_is_answered_again_without_a_second_487() {
        h.send(ALICE, call.cancel());
        h.take();
        h.send(ALICE, call.cancel());
        assertThat(h.take()).extracting(Sent::summary).containsExactly("200 OK");
    }

    // ------------------------------------------------------------ the server stops

    private List<Sent> stop() {
        int asked = h.proxy.abandonUnanswered(Situation.SERVER_STOPPED_DURING_SETUP, 5);
        h.settle();
        List<Sent> out = h.take();
        assertThat(asked).as("the call's context").isEqualTo(1);
        return out;
    }

    @Test
    void stopping_answers_a_ringing_call_503_with_retry_after_and_cancels_its_phone() {
        bob(fwd, 180, "Ringing", "b1");

        List<Sent> out = stop();
        SipResponse unavailable = onlyTo(out, ALICE.peer()).response();
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.header("Retry-After")).isEqualTo("5");
        assertThat(unavailable.cseq().method()).isEqualTo("INVITE");
        assertThat(unavailable.to().tag()).isNotBlank();
        SipRequest cancel = onlyTo(out, BOB.peer()).request();
        assertThat(cancel.method()).isEqualTo("CANCEL");
        assertThat(cancel.headerValues("Via")).containsExactly(fwd.topVia().toString());
        assertThat(h.callOutcomes).containsExactly("503 server.stopped-during-setup");

        // the phone's 487 is acknowledged hop by hop and the context ends
        assertThat(bob(fwd, 487, "Request Terminated", "b1")).extracting(Sent::toString)
                .containsExactly("ACK -> " + BOB.peer());
        assertThat(h.proxy.activeContexts()).isZero();
    }

    @Test
    void stopping_before_the_phone_rang_cancels_it_once_it_does() {
        List<Sent> out = stop();
        assertThat(out).extracting(Sent::toString).containsExactly("503 Service Unavailable -> " + ALICE.peer());

        // §9.1: no CANCEL before a provisional response
        assertThat(bob(fwd, 180, "Ringing", "b1")).extracting(Sent::toString)
                .containsExactly("CANCEL -> " + BOB.peer());
    }

    @Test
    void a_2xx_that_crosses_the_stopping_cancel_still_reaches_the_caller() {
        bob(fwd, 180, "Ringing", "b1");
        stop();

        SipResponse ok = lastResponseTo(bob(fwd, 200, "OK", "b1"), ALICE.peer());
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.vias()).hasSize(1);
    }

    @Test
    void stopping_leaves_an_answered_call_alone() {
        bob(fwd, 180, "Ringing", "b1");
        bob(fwd, 200, "OK", "b1");

        assertThat(h.proxy.abandonUnanswered(Situation.SERVER_STOPPED_DURING_SETUP, 5)).isZero();
        h.settle();
        assertThat(h.take()).isEmpty();
        assertThat(h.callOutcomes).containsExactly("200 -");
    }
}
