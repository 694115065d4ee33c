package org.clearline.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.features.Decisions.assertRejected;
import static org.clearline.features.Decisions.branches;
import static org.clearline.features.Decisions.contact;
import static org.clearline.features.Decisions.fork;
import static org.clearline.features.Decisions.historyInfo;
import static org.clearline.features.Provider.DOMAIN;
import static org.clearline.features.Provider.phone;
import static org.clearline.store.LineSettings.ForwardMode.FOLLOW;
import static org.clearline.store.LineSettings.ForwardMode.REDIRECT_PERMANENT;
import static org.clearline.store.LineSettings.ForwardMode.REDIRECT_TEMPORARY;

import org.clearline.core.routing.Routing;
import org.clearline.failures.Situation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Unconditional and offline forwards (issue 4): redirects answer 301/302 with a
 * Contact; followed forwards ring the new line (which runs its own steps) or a
 * trunk, with History-Info (RFC 7044); chains end in 482 on a loop and 483 when too deep.
 */
class ForwardingTest {
    private static final String BOB_RINGS = phone("bob", 1) + " | bob: phone 1 | CONTACT";

    private final Provider provider = Provider.demo();

    private Routing call(String sipIdOrNumber) {
        return provider.invite("sip:" + sipIdOrNumber + "@" + DOMAIN).route();
    }

    @Test
    void erinRedirectsPermanentlyToBobsNumber() {
        assertRejected(call("erin"), Situation.CALLEE_MOVED_PERMANENTLY, contact("sip:+493012345002@" + DOMAIN));
        assertRejected(call("03012345005"), Situation.CALLEE_MOVED_PERMANENTLY, contact("sip:+493012345002@" + DOMAIN));
    }

    @Test
    void frankRedirectsTemporarily() {
        assertRejected(call("frank"), Situation.CALLEE_MOVED_TEMPORARILY, contact("sip:+493012345002@" + DOMAIN));
    }

    @ParameterizedTest(name = "redirect to {0}")
    @ValueSource(strings = {"+493012345002", "00493012345002", "03012345002", "12345002", "030-123-450-02"})
    void theContactCarriesTheTargetAsE164WhateverFormTheLineGaveIt(String target) {
        provider.line("frank", Line.plain().always(target, REDIRECT_TEMPORARY));
        assertRejected(call("frank"), Situation.CALLEE_MOVED_TEMPORARILY, contact("sip:+493012345002@" + DOMAIN));
    }

    @Test
    void aRedirectToASipIdOrAnExternalNumberNamesIt() {
        provider.line("frank", Line.plain().always("bob", REDIRECT_TEMPORARY));
        assertRejected(call("frank"), Situation.CALLEE_MOVED_TEMPORARILY, contact("sip:bob@" + DOMAIN));
        provider.line("frank", Line.plain().always("089 123456", REDIRECT_PERMANENT));
        assertRejected(call("frank"), Situation.CALLEE_MOVED_PERMANENTLY, contact("sip:+4989123456@" + DOMAIN));
    }

    @Test
    void aRedirectIsAnsweredWhetherOrNotTheLineHasPhones() {
        provider.unregister("erin");
        assertRejected(call("erin"), Situation.CALLEE_MOVED_PERMANENTLY, contact("sip:+493012345002@" + DOMAIN));
    }

    @Test
    void aFollowedForwardRingsTheNewLineWithHistoryInfo() {
        provider.line("grace", Line.plain().always("+493012345002", FOLLOW));
        Routing r = call("grace");
        assertThat(branches(r)).containsExactly(BOB_RINGS);
        // RFC 7044 §10: the original target, then the forward target with its cause (RFC 4458:
        // 302 unconditional) one level below it and mp naming the entry it was mapped from
        assertThat(historyInfo(r)).containsExactly(
                "<sip:grace@" + DOMAIN + ">;index=1",
                "<sip:+493012345002@" + DOMAIN + ";cause=302>;index=1.1;mp=1");
    }

    @Test
    void theFirstHistoryEntryIsTheRequestUriAsTheCallerSentIt() {
        provider.line("grace", Line.plain().always("bob", FOLLOW));
        Routing r = provider.invite("sip:030-12345007@" + DOMAIN).route();
        assertThat(branches(r)).containsExactly(BOB_RINGS);
        assertThat(historyInfo(r)).containsExactly(
                "<sip:030-12345007@" + DOMAIN + ">;index=1",
                "<sip:bob@" + DOMAIN + ";cause=302>;index=1.1;mp=1");
    }

    @Test
    void theLineAForwardLeadsToRunsItsOwnSteps() {
        provider.line("grace", Line.plain().always("carol", FOLLOW));
        assertRejected(call("grace"), Situation.CALLEE_DND);
        provider.line("grace", Line.plain().always("ken", FOLLOW));
        assertRejected(call("grace"), Situation.CALLEE_OFFLINE);
        provider.line("grace", Line.plain().always("judy", FOLLOW));
        assertRejected(provider.invite("sip:grace@" + DOMAIN).sdp("v=0", "o=- 1 1 IN IP4 198.51.100.7", "s=-",
                "c=IN IP4 198.51.100.7", "t=0 0", "m=audio 4000 RTP/AVP 0", "a=rtpmap:0 PCMU/8000").route(),
                Situation.MEDIA_CODEC_NOT_ALLOWED, Decisions.warning(
                        "305 " + DOMAIN + " \"Incompatible media format: offered PCMU, accepted G722\""));
        provider.line("grace", Line.plain().always("erin", FOLLOW));
        assertRejected(call("grace"), Situation.CALLEE_MOVED_PERMANENTLY, contact("sip:+493012345002@" + DOMAIN));
    }

    @Test
    void aForwardToAnExternalNumberGoesToItsTrunkWithHistoryInfo() {
        provider.line("grace", Line.plain().always("089123456", FOLLOW));
        Routing r = call("grace");
        assertThat(branches(r)).containsExactly("sip:+4989123456@127.0.0.1:5080;user=phone | trunk carrier | TRUNK");
        assertThat(historyInfo(r)).containsExactly(
                "<sip:grace@" + DOMAIN + ">;index=1",
                "<sip:+4989123456@" + DOMAIN + ";cause=302>;index=1.1;mp=1");
    }

    @Test
    void aForwardToAnExternalNumberIsTheLinesChoiceNotTheCallers() {
        // the caller of another domain may not use our trunks itself, but grace chose to forward there
        provider.line("grace", Line.plain().always("+4989123456", FOLLOW));
        assertThat(branches(provider.invite("sip:grace@" + DOMAIN).fromElsewhere("<sip:x@example.org>").route()))
                .containsExactly("sip:+4989123456@127.0.0.1:5080;user=phone | trunk carrier | TRUNK");
    }

    @Test
    void aForwardNobodyCanReachEndsIn404() {
        provider.line("grace", Line.plain().always("+493012345099", FOLLOW));
        assertRejected(call("grace"), Situation.NUMBER_NO_ROUTE);
        provider.line("grace", Line.plain().always("nobody", FOLLOW));
        assertRejected(call("grace"), Situation.CALLEE_UNKNOWN);
        provider.line("grace", Line.plain().always("nobody", REDIRECT_TEMPORARY));
        assertRejected(call("grace"), Situation.CALLEE_UNKNOWN);
    }

    @Test
    void aChainIsFollowedLineByLine() {
        provider.line("grace", Line.plain().always("heidi", FOLLOW))
                .line("heidi", Line.plain().always("+493012345002", FOLLOW));
        Routing r = call("grace");
        assertThat(branches(r)).containsExactly(BOB_RINGS);
        assertThat(historyInfo(r)).containsExactly(
                "<sip:grace@" + DOMAIN + ">;index=1",
                "<sip:heidi@" + DOMAIN + ";cause=302>;index=1.1;mp=1",
                "<sip:+493012345002@" + DOMAIN + ";cause=302>;index=1.1.1;mp=1.1");
    }

    @Test
    void graceAndHeidiForwardToEachOther() {
        assertRejected(call("grace"), Situation.FORWARD_LOOP);
        assertRejected(call("heidi"), Situation.FORWARD_LOOP);
        assertRejected(call("+493012345007"), Situation.FORWARD_LOOP);
    }

    @Test
    void aLineThatForwardsToItselfIsALoop() {
        provider.line("grace", Line.plain().always("03012345007", FOLLOW));
        assertRejected(call("grace"), Situation.FORWARD_LOOP);
    }

    @Test
    void aLoopFurtherDownTheChainIsFound() {
        provider.line("grace", Line.plain().always("heidi", FOLLOW))
                .line("heidi", Line.plain().always("bob", FOLLOW))
                .line("bob", Line.plain().always("heidi", FOLLOW));
        assertRejected(call("grace"), Situation.FORWARD_LOOP);
    }

    @Test
    void aChainLongerThanTheDepthEndsIn483() {
        provider.maxForwardDepth = 2;
        provider.account("f1", null, Line.plain().always("f2", FOLLOW))
                .account("f2", null, Line.plain().always("f3", FOLLOW))
                .account("f3", null, Line.plain().always("f4", FOLLOW))
                .account("f4", null, Line.plain()).register("f4", phone("f4", 1));
        // two forwards are allowed: f2 -> f3 -> f4 rings, f1 -> f2 -> f3 -> f4 is one too many
        assertThat(branches(call("f2"))).containsExactly(phone("f4", 1) + " | f4: phone 1 | CONTACT");
        assertRejected(call("f1"), Situation.FORWARD_CHAIN_TOO_LONG);
    }

    @Test
    void aDepthOfZeroFollowsNoForwardButStillRedirects() {
        provider.maxForwardDepth = 0;
        provider.line("grace", Line.plain().always("bob", FOLLOW));
        assertRejected(call("grace"), Situation.FORWARD_CHAIN_TOO_LONG);
        assertRejected(call("erin"), Situation.CALLEE_MOVED_PERMANENTLY, contact("sip:+493012345002@" + DOMAIN));
    }

    @Test
    void aChainThatComesBackIsALoopEvenAtTheDepthLimit() {
        // issue 4: "a chain that comes back to a line already in it ends in 482", however deep
        provider.maxForwardDepth = 1;
        assertRejected(call("grace"), Situation.FORWARD_LOOP);
    }

    @Test
    void theOfflineForwardTakesOverFromDoNotDisturb() {
        provider.line("carol", Line.plain().dnd().offline("bob", FOLLOW));
        Routing r = call("carol");
        assertThat(branches(r)).containsExactly(BOB_RINGS);
        assertThat(historyInfo(r)).containsExactly(
                "<sip:carol@" + DOMAIN + ">;index=1",
                "<sip:bob@" + DOMAIN + ";cause=480>;index=1.1;mp=1");
        provider.line("carol", Line.plain().dnd().offline("+493012345002", REDIRECT_TEMPORARY));
        assertRejected(call("carol"), Situation.CALLEE_MOVED_TEMPORARILY, contact("sip:+493012345002@" + DOMAIN));
    }

    @Test
    void theOfflineForwardCatchesALineWithoutPhones() {
        provider.line("ken", Line.plain().offline("bob", FOLLOW));
        Routing r = call("ken");
        assertThat(branches(r)).containsExactly(BOB_RINGS);
        assertThat(historyInfo(r)).containsExactly(
                "<sip:ken@" + DOMAIN + ">;index=1",
                "<sip:bob@" + DOMAIN + ";cause=480>;index=1.1;mp=1");
    }

    @Test
    void theOfflineForwardWaitsWhilePhonesAreRegistered() {
        provider.line("bob", Line.plain().offline("peggy", FOLLOW));
        Routing r = call("bob");
        assertThat(branches(r)).containsExactly(BOB_RINGS);
        assertThat(fork(r).targets().get(0).headers()).isEmpty();
    }

    @Test
    void theUnconditionalForwardComesBeforeDoNotDisturb() {
        provider.line("carol", Line.plain().dnd().always("bob", FOLLOW));
        assertThat(branches(call("carol"))).containsExactly(BOB_RINGS);
    }

    @Test
    void doNotDisturbWithoutOfflineForwardIs480() {
        assertRejected(call("carol"), Situation.CALLEE_DND);
        assertRejected(call("+493012345003"), Situation.CALLEE_DND);
    }
}
