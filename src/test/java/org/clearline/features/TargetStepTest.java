package org.clearline.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.features.Decisions.assertRejected;
import static org.clearline.features.Decisions.branches;
import static org.clearline.features.Decisions.fork;
import static org.clearline.features.Provider.DOMAIN;
import static org.clearline.features.Provider.phone;

import org.clearline.core.routing.Routing;
import org.clearline.core.routing.Target;
import org.clearline.failures.Situation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Finding the callee (issue 4): a line by SIP ID or number in every dialled form, else 404 or 403. */
class TargetStepTest {
    private final Provider provider = Provider.demo();

    @ParameterizedTest(name = "{0} rings bob")
    @ValueSource(strings = {"sip:bob@" + DOMAIN, "sip:bob@DEMO.Clearline.test", "sip:bob@192.0.2.1",
        "sip:bob@192.0.2.1:5060;transport=udp", "sip:+493012345002@" + DOMAIN, "sip:+493012345002@" + DOMAIN
        + ";user=phone", "sip:00493012345002@" + DOMAIN, "sip:03012345002@" + DOMAIN, "sip:12345002@" + DOMAIN,
        "sip:+49-30-12345002@" + DOMAIN, "sip:(030)12345002@" + DOMAIN, "sip:030%2012345002@" + DOMAIN,
        "tel:+493012345002", "tel:+49-30-123-45002", "tel:12345002;phone-context=+4930"})
    void everyFormOfBobsAddressReachesBob(String requestUri) {
        assertThat(branches(provider.invite(requestUri).route()))
                .containsExactly(phone("bob", 1) + " | bob: phone 1 | CONTACT");
    }

    @Test
    void allPhonesOfTheLineRingInParallelBestQFirst() {
        provider.register("bob", phone("bob", 2), "<sip:edge.example.net;lr>, <sip:core.example.net;lr>", 0.5)
                .register("bob", phone("bob", 3), "", 0.9);

        Routing r = provider.invite("sip:bob@" + DOMAIN).route();

        assertThat(branches(r)).containsExactly(
                phone("bob", 1) + " | bob: phone 1 | CONTACT",
                phone("bob", 3) + " | bob: phone 2 | CONTACT",
                phone("bob", 2) + " | bob: phone 3 | CONTACT");
        Target viaEdge = fork(r).targets().get(2);
        assertThat(viaEdge.routeSet()).containsExactly("<sip:edge.example.net;lr>", "<sip:core.example.net;lr>");
        assertThat(fork(r).targets()).allSatisfy(t -> {
            assertThat(t.headers()).isEmpty();
            assertThat(t.credentials()).isNull();
        });
        assertThat(fork(r).ringTimeout()).as("no no-answer forward, no ring timeout").isNull();
        assertThat(fork(r).onFailure()).as("nothing to do when bob does not answer").isNull();
    }

    @Test
    void lapsedBindingsDoNotRing() {
        provider.unregister("bob");
        provider.location.replace("bob", java.util.List.of(new org.clearline.store.Registration("bob",
                phone("bob", 1), "old", 1, Provider.NOW, Provider.NOW - 3_600_000, 1.0, "", "udp:198.51.100.1:5060",
                "")));
        assertRejected(provider.invite("sip:bob@" + DOMAIN).route(), Situation.CALLEE_OFFLINE);
    }

    @Test
    void aLineWithoutPhonesIsOffline() {
        assertRejected(provider.invite("sip:ken@" + DOMAIN).route(), Situation.CALLEE_OFFLINE);
        assertRejected(provider.invite("sip:03012345011@" + DOMAIN).route(), Situation.CALLEE_OFFLINE);
    }

    @ParameterizedTest(name = "{0}: number.no-route")
    @ValueSource(strings = {"sip:+493012345099@" + DOMAIN, "sip:03012345099@" + DOMAIN, "sip:12345099@" + DOMAIN,
        "sip:0049-30-12345099@" + DOMAIN, "tel:+493012345099", "sip:+4930@" + DOMAIN})
    void aNumberNoLineHasIsNotFound(String requestUri) {
        assertRejected(provider.invite(requestUri).route(), Situation.NUMBER_NO_ROUTE);
    }

    @ParameterizedTest(name = "{0}: callee.unknown")
    @ValueSource(strings = {"sip:nobody@" + DOMAIN, "sip:Bob@" + DOMAIN, "sip:bob.smith@192.0.2.1", "sip:" + DOMAIN,
        "sip:*21%23@" + DOMAIN})
    void anAddressThatIsNoLineAndNoNumberIsUnknown(String requestUri) {
        assertRejected(provider.invite(requestUri).route(), Situation.CALLEE_UNKNOWN);
    }

    @Test
    void aCallerOfAnotherDomainReachesOurLinesByNameAndNumber() {
        for (String uri : new String[] {"sip:bob@" + DOMAIN, "sip:+493012345002@" + DOMAIN}) {
            assertThat(branches(provider.invite(uri).fromElsewhere("<sip:mallory@example.org>").route()))
                    .containsExactly(phone("bob", 1) + " | bob: phone 1 | CONTACT");
        }
        assertRejected(provider.invite("sip:+493012345099@" + DOMAIN).fromElsewhere("<sip:mallory@example.org>")
                .route(), Situation.NUMBER_NO_ROUTE);
    }

    @Test
    void anotherDomainIsRelayedForOurOwnCallers() {
        Routing r = provider.invite("sip:carol@example.org;transport=tcp").route();
        assertThat(branches(r)).containsExactly(
                "sip:carol@example.org;transport=tcp | relay to sip:carol@example.org;transport=tcp | RELAY");
        assertThat(fork(r).ringTimeout()).isNull();
        assertThat(fork(r).onFailure()).isNull();
    }

    @Test
    void anotherDomainIsNoOpenRelayForStrangers() {
        assertRejected(provider.invite("sip:carol@example.org").fromElsewhere("<sip:mallory@example.net>").route(),
                Situation.CALL_RELAY_DENIED);
        assertRejected(provider.invite("sip:+12125550100@example.org").fromElsewhere("<sip:bob@" + DOMAIN + ">")
                .route(), Situation.CALL_RELAY_DENIED);
    }

    @ParameterizedTest(name = "a stranger may not use our trunks: {0}")
    @ValueSource(strings = {"sip:+498912345678@" + DOMAIN, "sip:08912345678@" + DOMAIN, "tel:+4940123456",
        "sip:+496912345@192.0.2.1"})
    void ourTrunksAreNoOpenGatewayForStrangers(String requestUri) {
        // a caller of another domain is not authenticated (§22.3 applies to our own callers);
        // letting it out through a carrier trunk would let anyone call anywhere at our cost
        assertRejected(provider.invite(requestUri).fromElsewhere("<sip:mallory@example.org>").route(),
                Situation.CALL_RELAY_DENIED);
    }
}
