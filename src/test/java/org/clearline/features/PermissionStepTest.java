package org.clearline.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.features.Decisions.assertRejected;
import static org.clearline.features.Decisions.branches;
import static org.clearline.features.Provider.DOMAIN;
import static org.clearline.features.Provider.phone;

import org.clearline.failures.Situation;
import org.clearline.store.LineSettings.Destination;
import org.clearline.transport.TransportProtocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Outbound permissions (issue 4): a destination the account may not call gets 403 call.not-permitted. */
class PermissionStepTest {
    private final Provider provider = Provider.demo()
            .trunk("germany", "192.0.2.80", 5060, TransportProtocol.UDP, "+49")
            .trunk("world", "192.0.2.81", 5060, TransportProtocol.UDP, "+1", "+44");

    @Test
    void aliceMayCallLocalNumbers() {
        assertThat(branches(provider.invite("sip:+493012345002@" + DOMAIN).route()))
                .containsExactly(phone("bob", 1) + " | bob: phone 1 | CONTACT");
    }

    @Test
    void aliceMayCallNationalNumbersThroughTheTrunk() {
        assertThat(branches(provider.invite("sip:08912345678@" + DOMAIN).route()))
                .containsExactly("sip:+498912345678@127.0.0.1:5080;user=phone | trunk carrier | TRUNK");
    }

    @ParameterizedTest(name = "alice may not call {0}")
    @ValueSource(strings = {"+12125550100", "0012125550100", "+442071234567", "0900123456", "+49137123456",
        "01801234567"})
    void aliceMayNotCallInternationalOrPremiumNumbers(String dialed) {
        assertRejected(provider.invite("sip:" + dialed + "@" + DOMAIN).route(), Situation.CALL_NOT_PERMITTED);
    }

    @Test
    void theRefusalComesBeforeTheRouteIsLookedUp() {
        // no trunk serves +81, yet the caller learns only that it may not call there (403, not 404)
        assertRejected(provider.invite("sip:+81312345678@" + DOMAIN).route(), Situation.CALL_NOT_PERMITTED);
    }

    @Test
    void aPlainLineMayCallTheWorldButNotPremiumNumbers() {
        assertThat(branches(provider.invite("sip:0012125550100@" + DOMAIN).from("bob").route()))
                .containsExactly("sip:+12125550100@192.0.2.81:5060;user=phone | trunk world | TRUNK");
        assertRejected(provider.invite("sip:0900123456@" + DOMAIN).from("bob").route(), Situation.CALL_NOT_PERMITTED);
    }

    @Test
    void thePremiumPermissionOpensPremiumNumbersOnly() {
        provider.line("bob", Line.plain().mayCall(Destination.PREMIUM));
        assertThat(branches(provider.invite("sip:0900123456@" + DOMAIN).from("bob").route()))
                .containsExactly("sip:+49900123456@192.0.2.80:5060;user=phone | trunk germany | TRUNK");
        assertRejected(provider.invite("sip:+4989123@" + DOMAIN).from("bob").route(), Situation.CALL_NOT_PERMITTED);
        assertRejected(provider.invite("sip:+493012345003@" + DOMAIN).from("bob").route(),
                Situation.CALL_NOT_PERMITTED);
    }

    @Test
    void internationalAloneDoesNotOpenNationalOrLocalNumbers() {
        provider.line("bob", Line.plain().mayCall(Destination.INTERNATIONAL));
        assertThat(branches(provider.invite("sip:+12125550100@" + DOMAIN).from("bob").route())).hasSize(1);
        assertRejected(provider.invite("sip:+4989123@" + DOMAIN).from("bob").route(), Situation.CALL_NOT_PERMITTED);
        assertRejected(provider.invite("sip:12345001@" + DOMAIN).from("bob").route(), Situation.CALL_NOT_PERMITTED);
    }

    @ParameterizedTest(name = "no permissions: {0} is refused")
    @ValueSource(strings = {"sip:peggy@" + DOMAIN, "sip:+493012345012@" + DOMAIN, "sip:12345012@" + DOMAIN,
        "sip:+4989123@" + DOMAIN, "sip:+12125550100@" + DOMAIN, "sip:0900123456@" + DOMAIN, "tel:+493012345012",
        "sip:+493012345099@" + DOMAIN})
    void anEmptySetRefusesEverything(String requestUri) {
        provider.line("bob", Line.plain().mayCall());
        assertRejected(provider.invite(requestUri).from("bob").route(), Situation.CALL_NOT_PERMITTED);
    }

    @Test
    void anEmptySetRefusesOtherDomainsToo() {
        provider.line("bob", Line.plain().mayCall());
        assertRejected(provider.invite("sip:carol@example.org").from("bob").route(), Situation.CALL_NOT_PERMITTED);
    }

    @Test
    void anyPermissionLetsAnAccountCallOtherDomains() {
        // a SIP address elsewhere is no telephone number: no class of numbers is needed for it
        provider.line("bob", Line.plain().mayCall(Destination.LOCAL));
        assertThat(branches(provider.invite("sip:carol@example.org").from("bob").route()))
                .containsExactly("sip:carol@example.org | relay to sip:carol@example.org | RELAY");
    }

    @Test
    void callersFromOtherDomainsAreNotOursToRestrict() {
        // the permissions of an account restrict that account only; a caller of another
        // domain reaching one of our lines is unaffected by any of them
        provider.line("bob", Line.plain().mayCall());
        assertThat(branches(provider.invite("sip:+493012345002@" + DOMAIN)
                .fromElsewhere("<sip:bob@example.org>").route()))
                .containsExactly(phone("bob", 1) + " | bob: phone 1 | CONTACT");
    }

    @Test
    void aLineOfThisServerIsLocalHoweverItsNumberLooks() {
        // LineSettings.Destination.LOCAL: "lines of this server"; a New York number hosted here
        // never leaves the server, and reaching it by SIP ID is allowed, so by number it is too
        provider.account("nyc", "+12125550199", Line.plain()).register("nyc", phone("nyc", 1));
        assertThat(branches(provider.invite("sip:nyc@" + DOMAIN).route()))
                .containsExactly(phone("nyc", 1) + " | nyc: phone 1 | CONTACT");
        assertThat(branches(provider.invite("sip:+12125550199@" + DOMAIN).route()))
                .containsExactly(phone("nyc", 1) + " | nyc: phone 1 | CONTACT");
    }
}
