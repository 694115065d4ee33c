package org.clearline.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.core.Phone.ALICE;
import static org.clearline.core.Phone.BOB;
import static org.clearline.core.ProxyHarness.lastResponseTo;
import static org.clearline.core.ProxyHarness.onlyTo;

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
 * The server stops while a call is being set up (SIGTERM after the drain time): the
 * caller gets 503 with Retry-After, pending branches get CANCEL as in §16.10, and a
 * call that already has its answer is left alone.
 */
class StopTest {
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

    private List<Sent> stop() {
        int asked = h.proxy.abandonUnanswered(Situation.SERVER_STOPPED_DURING_SETUP, 5);
        h.settle();
        List<Sent> out = h.take();
        assertThat(asked).as("the call's context").isEqualTo(1);
        return out;
    }

    @Test
    void a_ringing_call_gets_503_with_retry_after_and_its_phone_a_cancel() {
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
    void a_branch_that_has_not_rung_yet_is_cancelled_once_it_does() {
        List<Sent> out = stop();
        assertThat(out).extracting(Sent::toString).containsExactly("503 Service Unavailable -> " + ALICE.peer());

        // §9.1: no CANCEL before a provisional response
        assertThat(bob(fwd, 180, "Ringing", "b1")).extracting(Sent::toString)
                .containsExactly("CANCEL -> " + BOB.peer());
    }

    @Test
    void a_2xx_that_crosses_the_cancel_still_reaches_the_caller() {
        bob(fwd, 180, "Ringing", "b1");
        stop();

        SipResponse ok = lastResponseTo(bob(fwd, 200, "OK", "b1"), ALICE.peer());
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.vias()).hasSize(1);
    }

    @Test
    void an_answered_call_is_left_alone() {
        bob(fwd, 180, "Ringing", "b1");
        bob(fwd, 200, "OK", "b1");

        assertThat(h.proxy.abandonUnanswered(Situation.SERVER_STOPPED_DURING_SETUP, 5)).isZero();
        h.settle();
        assertThat(h.take()).isEmpty();
        assertThat(h.callOutcomes).containsExactly("200 -");
    }
}
