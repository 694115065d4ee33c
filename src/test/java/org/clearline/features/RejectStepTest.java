package org.clearline.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.features.Decisions.assertRejected;
import static org.clearline.features.Decisions.branches;
import static org.clearline.features.Provider.DOMAIN;
import static org.clearline.features.Provider.phone;

import org.clearline.failures.Situation;
import org.clearline.store.LineSettings.ForwardMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reject rules (issue 4): listed numbers, prefixes and anonymous callers get 603 Decline. */
class RejectStepTest {
    private static final String ANONYMOUS = "\"Anonymous\" <sip:anonymous@anonymous.invalid>";

    private final Provider provider = Provider.demo();

    private Invite toIvan() {
        return provider.invite("sip:ivan@" + DOMAIN);
    }

    @Test
    void ivanDeclinesAlice() {
        assertRejected(toIvan().from("alice").route(), Situation.CALLEE_REJECTED);
        assertRejected(provider.invite("sip:03012345009@" + DOMAIN).from("alice").route(), Situation.CALLEE_REJECTED);
    }

    @Test
    void ivanTakesEveryoneElse() {
        assertThat(branches(toIvan().from("bob").route())).containsExactly(phone("ivan", 1) + " | ivan: phone 1 | CONTACT");
        assertThat(branches(toIvan().fromElsewhere(ANONYMOUS).route())).hasSize(1);
    }

    @ParameterizedTest(name = "From {0} is alice''s number")
    @ValueSource(strings = {"<sip:+493012345001@example.org>", "<sip:00493012345001@gw.example.org;user=phone>",
        "<sip:03012345001@example.org>", "\"Alice\" <sip:12345001@example.org>", "<tel:+49-30-12345001>",
        "<tel:+493012345001>"})
    void theNumberIsMatchedInEveryFormTheFromCarries(String from) {
        // a caller of another domain has no account: its From is all we know of it
        assertRejected(toIvan().fromElsewhere(from).route(), Situation.CALLEE_REJECTED);
    }

    @Test
    void aStrangerSpelledLikeOneOfOurLinesIsNotThatLine() {
        // carol@example.org is not our carol (+493012345003): only an authenticated caller has our numbers
        provider.line("ivan", Line.plain().reject("+493012345003"));
        assertThat(branches(toIvan().fromElsewhere("<sip:carol@example.org>").route())).hasSize(1);
        assertRejected(toIvan().from("carol").route(), Situation.CALLEE_REJECTED);
    }

    @Test
    void aTelephoneNumberInTheFromIsNoAnonymousCaller() {
        provider.line("ivan", Line.plain().reject("anonymous"));
        assertThat(branches(toIvan().fromElsewhere("<tel:+4989123456>").route())).hasSize(1);
    }

    @Test
    void theCallersAccountNumbersCountWhateverItsFromSays() {
        // zoe's SIP ID is not a number: the rule matches the second number of her account
        provider.account("zoe", "+4989111", Line.plain());
        provider.numbers.add(new org.clearline.store.NumberStore.NumberAssignment("+4940222", "zoe"));
        provider.line("ivan", Line.plain().reject("+4940222"));
        assertRejected(toIvan().from("zoe").route(), Situation.CALLEE_REJECTED);
        assertThat(branches(toIvan().from("alice").route())).hasSize(1);
    }

    @Test
    void aPrefixDeclinesEveryNumberUnderIt() {
        provider.line("ivan", Line.plain().reject("+4930*"));
        assertRejected(toIvan().from("alice").route(), Situation.CALLEE_REJECTED);
        assertRejected(toIvan().from("bob").route(), Situation.CALLEE_REJECTED);
        assertRejected(toIvan().fromElsewhere("<sip:+493099@example.org>").route(), Situation.CALLEE_REJECTED);
        assertThat(branches(toIvan().fromElsewhere("<sip:+4989123@example.org>").route())).hasSize(1);
        assertThat(branches(toIvan().fromElsewhere("<sip:+4931@example.org>").route())).hasSize(1);
        assertThat(branches(toIvan().fromElsewhere("<sip:carol@example.org>").route())).hasSize(1);
    }

    @ParameterizedTest(name = "anonymous: {0}")
    @ValueSource(strings = {ANONYMOUS, "<sip:anonymous@example.org>", "<sip:unknown@anonymous.invalid>",
        "<sip:192.0.2.99>", "<sips:Anonymous@Anonymous.Invalid>"})
    void anonymousCallersAreDeclinedWhenTheLineSaysSo(String from) {
        provider.line("ivan", Line.plain().reject("anonymous"));
        assertRejected(toIvan().fromElsewhere(from).route(), Situation.CALLEE_REJECTED);
    }

    @ParameterizedTest(name = "Privacy: {0}")
    @ValueSource(strings = {"id", "user", "header; id", "id;critical"})
    void aCallerThatAsksForPrivacyIsAnonymous(String privacy) {
        // RFC 3323 §4.2: the caller asked us to withhold its identity, so the callee cannot judge it
        provider.line("ivan", Line.plain().reject("anonymous"));
        assertRejected(toIvan().from("alice").header("Privacy: " + privacy).route(), Situation.CALLEE_REJECTED);
    }

    @ParameterizedTest(name = "Privacy: {0}")
    @ValueSource(strings = {"none", "header", "session"})
    void otherPrivacyValuesKeepTheCallerKnown(String privacy) {
        provider.line("ivan", Line.plain().reject("anonymous"));
        assertThat(branches(toIvan().from("alice").header("Privacy: " + privacy).route())).hasSize(1);
    }

    @Test
    void knownCallersPassAnAnonymousRule() {
        provider.line("ivan", Line.plain().reject("anonymous"));
        assertThat(branches(toIvan().from("alice").route())).hasSize(1);
        assertThat(branches(toIvan().fromElsewhere("<sip:+4989123@example.org>").route())).hasSize(1);
    }

    @Test
    void overlappingRulesDeclineWhenAnyOfThemMatches() {
        provider.line("ivan", Line.plain().reject("+4930*", " +493012345001 ", "+493012345*", "anonymous"));
        assertRejected(toIvan().from("alice").route(), Situation.CALLEE_REJECTED);
        assertRejected(toIvan().from("peggy").route(), Situation.CALLEE_REJECTED);
        assertRejected(toIvan().fromElsewhere(ANONYMOUS).route(), Situation.CALLEE_REJECTED);
        assertThat(branches(toIvan().fromElsewhere("<sip:+4989123@example.org>").route())).hasSize(1);
    }

    @Test
    void theRulesComeBeforeTheLinesForwards() {
        // a declined caller learns nothing about where the line forwards to
        provider.line("erin", Line.plain().reject("+493012345001").always("+493012345002",
                ForwardMode.REDIRECT_PERMANENT));
        assertRejected(provider.invite("sip:erin@" + DOMAIN).from("alice").route(), Situation.CALLEE_REJECTED);
        provider.line("carol", Line.plain().reject("+493012345001").dnd());
        assertRejected(provider.invite("sip:carol@" + DOMAIN).from("alice").route(), Situation.CALLEE_REJECTED);
    }

    @Test
    void aFollowedForwardMeetsTheRulesOfTheLineItReaches() {
        provider.line("grace", Line.plain().always("ivan", ForwardMode.FOLLOW));
        assertRejected(provider.invite("sip:grace@" + DOMAIN).from("alice").route(), Situation.CALLEE_REJECTED);
        assertThat(branches(provider.invite("sip:grace@" + DOMAIN).from("bob").route()))
                .containsExactly(phone("ivan", 1) + " | ivan: phone 1 | CONTACT");
    }

    @Test
    void rulesBelongToTheirLineOnly() {
        assertThat(branches(provider.invite("sip:bob@" + DOMAIN).from("alice").route())).hasSize(1);
    }
}
