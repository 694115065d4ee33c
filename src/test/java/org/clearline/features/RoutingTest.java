package org.clearline.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.core.Phone.BOB;
import static org.clearline.core.Phone.MALLORY;
import static org.clearline.core.ProxyHarness.lastResponseTo;
import static org.clearline.core.ProxyHarness.onlyTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.clearline.core.ProxyHarness;
import org.clearline.core.routing.Routing;
import org.clearline.core.routing.RoutingRequest;
import org.clearline.failures.Situation;
import org.clearline.syntax.SipRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The routing chain (local target by SIP ID or number, then location) on real INVITEs. */
class RoutingTest {
    private ProxyHarness h;

    @BeforeEach
    void setUp() {
        h = new ProxyHarness();
        h.register(BOB);
    }

    private int callFromOutside(String requestUri) {
        h.callFromOutside(MALLORY, requestUri);
        var out = h.take();
        if (!h.to(out, BOB.peer()).isEmpty()) {
            SipRequest fwd = onlyTo(out, BOB.peer()).request();
            assertThat(fwd.requestUri()).hasToString(BOB.contactUri());
            return 0;
        }
        return lastResponseTo(out, MALLORY.peer()).status();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sip:bob@example.com", "sip:bob@127.0.0.1", "sip:bob@127.0.0.1:5060",
        "sip:+493012345002@example.com;user=phone", "sip:004930-12345002@example.com", "sip:030-12345002@example.com",
        "sip:12345002@example.com", "tel:+493012345002", "tel:+49-30-12345002"})
    void the_callee_is_found_by_sip_id_or_by_any_form_of_its_number(String requestUri) {
        assertThat(callFromOutside(requestUri)).as("status instead of forwarding").isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sip:nobody@example.com", "sip:+493099999999@example.com", "sip:12345009@example.com",
        "tel:+493099999999", "sip:example.com"})
    void a_name_or_number_nobody_has_is_404(String requestUri) {
        assertThat(callFromOutside(requestUri)).isEqualTo(404);
    }

    @Test
    void a_number_of_an_account_without_bindings_is_480() {
        assertThat(callFromOutside("sip:+493012345004@example.com")).isEqualTo(480);
    }

    @Test
    void a_lapsed_binding_is_not_called() {
        h.advance(Duration.ofSeconds(3600));
        assertThat(callFromOutside(BOB.aor())).isEqualTo(480);
    }

    @Test
    void the_first_step_that_decides_wins_and_a_chain_that_never_decides_says_404() {
        RoutingRequest request = new RoutingRequest(null, null, null, 0);
        List<String> ran = new ArrayList<>();
        RoutingChain chain = new RoutingChain(List.of(
                c -> { ran.add("one"); return null; },
                c -> { ran.add("two"); return new Routing.Reject(Situation.CALLEE_OFFLINE); },
                c -> { ran.add("three"); return null; }));
        assertThat(chain.route(request)).isEqualTo(new Routing.Reject(Situation.CALLEE_OFFLINE));
        assertThat(ran).containsExactly("one", "two");

        assertThat(new RoutingChain(List.of(c -> null)).route(request))
                .isEqualTo(new Routing.Reject(Situation.CALLEE_UNKNOWN));
    }
}
