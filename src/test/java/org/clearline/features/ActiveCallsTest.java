package org.clearline.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.features.Decisions.assertRejected;
import static org.clearline.features.Decisions.branches;
import static org.clearline.features.Provider.DOMAIN;
import static org.clearline.features.Provider.phone;

import java.util.Map;
import org.clearline.failures.Situation;
import org.clearline.syntax.SipRequest;
import org.clearline.transaction.Finished;
import org.clearline.transaction.ServerTransaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Call limits (issue 4): a call counts from the INVITE to its BYE or final failure, once per line. */
class ActiveCallsTest {
    private final Provider provider = Provider.demo();
    private final ActiveCalls calls = provider.calls;

    private void finished(Invite request, int status) {
        calls.finished(new Finished(request.parse()), status, null);
    }

    private Invite inviteDave(String callId) {
        return provider.invite("sip:dave@" + DOMAIN).callId(callId);
    }

    @Test
    void beginCountsACallOncePerLine() {
        calls.begin("c1", "bob");
        calls.begin("c1", "bob");
        calls.begin("c1", "peggy");
        calls.begin("c2", "bob");
        assertThat(calls.active("bob")).isEqualTo(2);
        assertThat(calls.active("peggy")).isEqualTo(1);
        assertThat(calls.active("dave")).isZero();
        assertThat(calls.snapshot()).isEqualTo(Map.of("bob", 2, "peggy", 1));
    }

    @Test
    void aCallWhoseByeNeverCameIsAgedOutAndFreesItsLines() {
        calls.begin("lost", "bob", 1_000);
        calls.begin("lost", "peggy", 2_000);
        calls.begin("fresh", "bob", 5_000);
        assertThat(calls.sweep(1_000 + 4_000, 4_000)).isZero();
        assertThat(calls.sweep(1_001 + 4_000, 4_000)).as("aged by its first line's start").isOne();
        assertThat(calls.snapshot()).isEqualTo(Map.of("bob", 1));
        calls.endAll("fresh");
        assertThat(calls.sweep(Long.MAX_VALUE / 2, 4_000)).as("an ended call is not swept again").isZero();
        assertThat(calls.total()).isZero();
    }

    @Test
    void endReleasesOneLineOfTheCall() {
        calls.begin("c1", "bob");
        calls.begin("c1", "peggy");
        calls.end("c1", "bob");
        calls.end("c1", "bob");
        calls.end("c1", "dave");
        calls.end("c9", "peggy");
        assertThat(calls.snapshot()).isEqualTo(Map.of("peggy", 1));
    }

    @Test
    void endAllReleasesEveryLineOfTheCallAndNothingElse() {
        calls.begin("c1", "bob");
        calls.begin("c1", "peggy");
        calls.begin("c2", "bob");
        calls.endAll("c1");
        calls.endAll("c1");
        calls.endAll("unknown");
        assertThat(calls.snapshot()).isEqualTo(Map.of("bob", 1));
        calls.endAll("c2");
        assertThat(calls.snapshot()).isEmpty();
        assertThat(calls.active("bob")).isZero();
    }

    @Test
    void aLineWithManyPhonesCountsTheCallOnce() {
        provider.register("dave", phone("dave", 2)).register("dave", phone("dave", 3));
        provider.line("dave", Line.plain().maxCalls(2));
        assertThat(branches(inviteDave("c1").route())).hasSize(3);
        assertThat(calls.active("dave")).isEqualTo(1);
        assertThat(branches(inviteDave("c2").route())).hasSize(3);
        assertRejected(inviteDave("c3").route(), Situation.CALLEE_CALL_LIMIT);
    }

    @Test
    void theSameCallRoutedAgainIsNotASecondCall() {
        // a spiral or a second INVITE branch of the caller carries the same Call-ID
        assertThat(branches(inviteDave("c1").route())).hasSize(1);
        assertThat(calls.active("dave")).isEqualTo(1);
    }

    @ParameterizedTest(name = "a final {0} to the INVITE frees the line")
    @ValueSource(ints = {300, 302, 404, 408, 480, 486, 487, 500, 503, 603})
    void aFinalFailureFreesTheLine(int status) {
        inviteDave("c1").route();
        assertRejected(inviteDave("c2").route(), Situation.CALLEE_CALL_LIMIT);
        finished(inviteDave("c1"), status);
        assertThat(calls.active("dave")).isZero();
        assertThat(branches(inviteDave("c3").route())).hasSize(1);
    }

    @Test
    void anAnsweredCallHoldsTheLineUntilItsBye() {
        inviteDave("c1").route();
        finished(inviteDave("c1"), 200);
        assertThat(calls.active("dave")).isEqualTo(1);
        // a re-INVITE inside the dialog that fails leaves the call up (§14.1)
        finished(inviteDave("c1").withToTag(), 488);
        assertThat(calls.active("dave")).isEqualTo(1);
        finished(provider.request("BYE", "sip:dave@198.51.100.20:5060").callId("c1").withToTag(), 200);
        assertThat(calls.active("dave")).isZero();
    }

    @Test
    void aByeFreesTheLineWhateverItsAnswer() {
        inviteDave("c1").route();
        finished(provider.request("BYE", "sip:dave@198.51.100.20:5060").callId("c1").withToTag(), 481);
        assertThat(calls.active("dave")).isZero();
    }

    @Test
    void otherCallsAndOtherRequestsDoNotFreeTheLine() {
        inviteDave("c1").route();
        finished(inviteDave("c2"), 486);
        finished(provider.request("OPTIONS", "sip:dave@" + DOMAIN).callId("c1"), 200);
        finished(provider.request("CANCEL", "sip:dave@" + DOMAIN).callId("c1"), 200);
        assertThat(calls.active("dave")).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} to a line is no call")
    @ValueSource(strings = {"MESSAGE", "OPTIONS", "SUBSCRIBE", "NOTIFY", "INFO"})
    void requestsOtherThanInviteNeitherCountNorMeetTheLimit(String method) {
        // only an INVITE starts a call; a MESSAGE answered 200 is never followed by a BYE,
        // so counting it would hold the line busy for ever
        assertThat(branches(provider.request(method, "sip:dave@" + DOMAIN).callId("m1").route())).hasSize(1);
        assertThat(calls.active("dave")).isZero();
        inviteDave("c1").route();
        assertThat(branches(provider.request(method, "sip:dave@" + DOMAIN).callId("m2").route())).hasSize(1);
        assertThat(calls.active("dave")).isEqualTo(1);
    }

    @Test
    void aLineWithoutLimitIsNeverBusy() {
        for (int i = 0; i < 50; i++) {
            assertThat(branches(provider.invite("sip:bob@" + DOMAIN).callId("c" + i).route())).hasSize(1);
        }
        assertThat(calls.active("bob")).isEqualTo(50);
    }
}
