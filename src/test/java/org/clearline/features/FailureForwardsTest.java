package org.clearline.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.features.Decisions.afterFailure;
import static org.clearline.features.Decisions.afterRingTimeout;
import static org.clearline.features.Decisions.assertRejected;
import static org.clearline.features.Decisions.branches;
import static org.clearline.features.Decisions.contact;
import static org.clearline.features.Decisions.fork;
import static org.clearline.features.Decisions.historyInfo;
import static org.clearline.features.Provider.DOMAIN;
import static org.clearline.features.Provider.phone;
import static org.clearline.store.LineSettings.ForwardMode.FOLLOW;
import static org.clearline.store.LineSettings.ForwardMode.REDIRECT_TEMPORARY;

import java.time.Duration;
import org.clearline.core.routing.Retarget;
import org.clearline.core.routing.Routing;
import org.clearline.failures.Situation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Forwards that wait for the phones (issue 4): on busy (486 from the phones or
 * the call limit) and on no answer (the fork's ring timeout), carried out by
 * the fork's continuation.
 */
class FailureForwardsTest {
    private static final String BOB_RINGS = phone("bob", 1) + " | bob: phone 1 | CONTACT";
    private static final String PEGGY_RINGS = phone("peggy", 1) + " | peggy: phone 1 | CONTACT";

    private final Provider provider = Provider.demo();

    private Routing call(String sipId, String callId) {
        return provider.invite("sip:" + sipId + "@" + DOMAIN).callId(callId).route();
    }

    @Test
    void busyPhonesMoveTheCallToTheBusyForward() {
        provider.line("bob", Line.plain().busy("peggy", FOLLOW));
        Routing first = call("bob", "c1");
        assertThat(branches(first)).containsExactly(BOB_RINGS);
        assertThat(fork(first).ringTimeout()).as("no no-answer forward: bob rings until Timer C").isNull();
        assertThat(provider.calls.active("bob")).isEqualTo(1);

        Routing next = afterFailure(first, 486);

        assertThat(branches(next)).containsExactly(PEGGY_RINGS);
        assertThat(historyInfo(next)).containsExactly(
                "<sip:bob@" + DOMAIN + ">;index=1",
                "<sip:peggy@" + DOMAIN + ";cause=486>;index=1.1;mp=1");
        assertThat(provider.calls.snapshot()).as("the call now counts against peggy only")
                .isEqualTo(java.util.Map.of("peggy", 1));
    }

    @Test
    void eachDecisionNamesTheForwardsThatLedToIt() {
        provider.line("bob", Line.plain().busy("peggy", FOLLOW))
                .line("peggy", Line.plain().always("+493012345001", FOLLOW));
        Routing first = call("bob", "c1");
        assertThat(first.retargets()).as("bob's own phones: no forward yet").isEmpty();

        Routing next = afterFailure(first, 486);
        // peggy forwards on to alice's number at once: both forwards, in the order they were followed (by number)
        assertThat(next.retargets()).containsExactly(new Retarget("busy", "bob", "peggy", false),
                new Retarget("unconditional", "peggy", "+493012345001", false));
        assertThat(branches(next)).containsExactly(phone("alice", 1) + " | alice: phone 1 | CONTACT");

        provider.line("bob", Line.plain().busy("+493012345012", REDIRECT_TEMPORARY));
        assertThat(afterFailure(call("bob", "c2"), 486).retargets())
                .containsExactly(new Retarget("busy", "bob", "+493012345012", true));
    }

    @ParameterizedTest(name = "{0} from the phones is sent to the caller")
    @ValueSource(ints = {404, 480, 488, 500, 503, 600, 603, 408})
    void otherFailuresAreNotBusy(int status) {
        provider.line("bob", Line.plain().busy("peggy", FOLLOW));
        assertThat(afterFailure(call("bob", "c1"), status)).isNull();
        assertThat(provider.calls.active("bob")).as("counted until the proxy reports the final response").isEqualTo(1);
    }

    @Test
    void aBusyRedirectAnswers302AfterThePhonesSaidBusy() {
        provider.line("bob", Line.plain().busy("+493012345012", REDIRECT_TEMPORARY));
        Routing next = afterFailure(call("bob", "c1"), 486);
        assertRejected(next, Situation.CALLEE_MOVED_TEMPORARILY, contact("sip:+493012345012@" + DOMAIN));
        assertThat(provider.calls.active("bob")).isZero();
    }

    @Test
    void theNoAnswerForwardSetsTheRingTimeAndTakesOverWhenItEnds() {
        provider.line("bob", Line.plain().noAnswer("peggy", FOLLOW, 15));
        Routing first = call("bob", "c1");
        assertThat(fork(first).ringTimeout()).isEqualTo(Duration.ofSeconds(15));

        Routing next = afterRingTimeout(first);

        assertThat(branches(next)).containsExactly(PEGGY_RINGS);
        assertThat(fork(next).ringTimeout()).as("peggy has no no-answer forward of her own").isNull();
        assertThat(historyInfo(next)).containsExactly(
                "<sip:bob@" + DOMAIN + ">;index=1",
                "<sip:peggy@" + DOMAIN + ";cause=408>;index=1.1;mp=1");
        assertThat(provider.calls.snapshot()).isEqualTo(java.util.Map.of("peggy", 1));
    }

    @Test
    void aNoAnswerForwardAloneDoesNotCatchBusy() {
        provider.line("bob", Line.plain().noAnswer("peggy", FOLLOW, 15));
        assertThat(afterFailure(call("bob", "c1"), 486)).isNull();
    }

    @Test
    void aBusyForwardAloneDoesNotCatchTheTimeoutOfTimerC() {
        provider.line("bob", Line.plain().busy("peggy", FOLLOW));
        Routing first = call("bob", "c1");
        assertThat(fork(first).onFailure().next(new Routing.FailedAttempt(408, Situation.CALLEE_NO_ANSWER, false)))
                .isNull();
    }

    @Test
    void busyAndNoAnswerEachGoWhereTheyPoint() {
        provider.line("bob", Line.plain().busy("peggy", FOLLOW).noAnswer("alice", FOLLOW, 30));
        assertThat(branches(afterFailure(call("bob", "c1"), 486))).containsExactly(PEGGY_RINGS);
        assertThat(branches(afterRingTimeout(call("bob", "c2"))))
                .containsExactly(phone("alice", 1) + " | alice: phone 1 | CONTACT");
    }

    @Test
    void noAnswerForwardsChainAndStopAtALoop() {
        provider.line("bob", Line.plain().noAnswer("peggy", FOLLOW, 10))
                .line("peggy", Line.plain().noAnswer("alice", FOLLOW, 20))
                .line("alice", Line.plain().noAnswer("bob", FOLLOW, 30));
        Routing toPeggy = afterRingTimeout(call("bob", "c1"));
        assertThat(fork(toPeggy).ringTimeout()).isEqualTo(Duration.ofSeconds(20));
        Routing toAlice = afterRingTimeout(toPeggy);
        assertThat(branches(toAlice)).containsExactly(phone("alice", 1) + " | alice: phone 1 | CONTACT");
        assertThat(historyInfo(toAlice)).containsExactly(
                "<sip:bob@" + DOMAIN + ">;index=1",
                "<sip:peggy@" + DOMAIN + ";cause=408>;index=1.1;mp=1",
                "<sip:alice@" + DOMAIN + ";cause=408>;index=1.1.1;mp=1.1");
        assertRejected(afterRingTimeout(toAlice), Situation.FORWARD_LOOP);
    }

    @Test
    void aLineAtItsCallLimitIsBusyForTheNextCaller() {
        assertThat(branches(call("dave", "c1"))).containsExactly(phone("dave", 1) + " | dave: phone 1 | CONTACT");
        assertRejected(call("dave", "c2"), Situation.CALLEE_CALL_LIMIT);
        assertRejected(provider.invite("sip:+493012345004@" + DOMAIN).callId("c3").from("bob").route(),
                Situation.CALLEE_CALL_LIMIT);
    }

    @Test
    void theCallLimitUsesTheBusyForward() {
        provider.line("dave", Line.plain().maxCalls(1).busy("bob", FOLLOW));
        call("dave", "c1");
        Routing second = call("dave", "c2");
        assertThat(branches(second)).containsExactly(BOB_RINGS);
        assertThat(historyInfo(second)).containsExactly(
                "<sip:dave@" + DOMAIN + ">;index=1",
                "<sip:bob@" + DOMAIN + ";cause=486>;index=1.1;mp=1");
        assertThat(provider.calls.snapshot()).isEqualTo(java.util.Map.of("dave", 1, "bob", 1));
        provider.line("dave", Line.plain().maxCalls(1).busy("bob", REDIRECT_TEMPORARY));
        assertRejected(call("dave", "c3"), Situation.CALLEE_MOVED_TEMPORARILY, contact("sip:bob@" + DOMAIN));
    }
}
