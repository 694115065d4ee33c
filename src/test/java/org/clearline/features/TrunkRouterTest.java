package org.clearline.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.features.Decisions.afterFailure;
import static org.clearline.features.Decisions.branches;
import static org.clearline.features.Decisions.fork;
import static org.clearline.features.Decisions.historyInfo;
import static org.clearline.features.Provider.DOMAIN;

import org.clearline.core.routing.Routing;
import org.clearline.core.routing.Target;
import org.clearline.failures.Situation;
import org.clearline.store.LineSettings.ForwardMode;
import org.clearline.transport.TransportProtocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Trunks (issue 4): the longest prefix decides, and a trunk that times out or
 * fails with 5xx hands the call to the next trunk for the prefix; a callee's
 * answer (404, 486, 6xx) is final.
 */
class TrunkRouterTest {
    private final Provider provider = Provider.demo();

    private Routing dial(String number) {
        return provider.invite("sip:" + number + "@" + DOMAIN).from("bob").route();
    }

    private Provider threeCarriersForUk() {
        return provider.trunk("uk-a", "192.0.2.51", 5060, TransportProtocol.UDP, "+44")
                .trunk("uk-b", "192.0.2.52", 5070, TransportProtocol.TCP, "+44")
                .trunk("uk-c", "192.0.2.53", 5060, TransportProtocol.UDP, "+44");
    }

    @Test
    void theDemoTrunksServeTheirPrefixes() {
        assertThat(branches(dial("+498912345678")))
                .containsExactly("sip:+498912345678@127.0.0.1:5080;user=phone | trunk carrier | TRUNK");
        assertThat(branches(dial("040123456")))
                .containsExactly("sip:+4940123456@127.0.0.1:5081;transport=tcp;user=phone | trunk broken | TRUNK");
        assertThat(branches(dial("0049-69-123456")))
                .containsExactly("sip:+4969123456@127.0.0.1:5082;user=phone | trunk garbled | TRUNK");
        Routing r = dial("+498912345678");
        assertThat(fork(r).ringTimeout()).isNull();
        assertThat(fork(r).onFailure()).as("one trunk for +4989: nothing to fail over to").isNull();
        assertThat(fork(r).targets().get(0).credentials()).isNull();
        assertThat(fork(r).targets().get(0).headers()).isEmpty();
        assertThat(fork(r).targets().get(0).routeSet()).isEmpty();
    }

    @Test
    void aNumberNoTrunkServesIs404() {
        assertThat(dial("+33123456789")).isEqualTo(new Routing.Reject(Situation.NUMBER_NO_ROUTE));
    }

    @Test
    void theLongestPrefixWins() {
        provider.trunk("germany", "192.0.2.40", 5060, TransportProtocol.UDP, "+49", "+4989123");
        assertThat(branches(dial("+498912345678")))
                .containsExactly("sip:+498912345678@192.0.2.40:5060;user=phone | trunk germany | TRUNK");
        assertThat(branches(dial("+498999")))
                .containsExactly("sip:+498999@127.0.0.1:5080;user=phone | trunk carrier | TRUNK");
        assertThat(branches(dial("+4921112345")))
                .containsExactly("sip:+4921112345@192.0.2.40:5060;user=phone | trunk germany | TRUNK");
    }

    @Test
    void theCarriersCredentialsTravelWithTheTarget() {
        provider.trunk(new Trunk("secure", "192.0.2.60", 5061, TransportProtocol.TCP,
                new Target.Credentials("clearline", "s3cret"), java.util.List.of("+43")));
        Target t = fork(dial("+4312345")).targets().get(0);
        assertThat(t.credentials()).isEqualTo(new Target.Credentials("clearline", "s3cret"));
        assertThat(t.credentials().toString()).doesNotContain("s3cret");
    }

    @ParameterizedTest(name = "{0} fails over to the next trunk")
    @ValueSource(ints = {408, 500, 502, 503, 504, 580})
    void aTrunkThatTimesOutOrFailsHandsTheCallOn(int status) {
        threeCarriersForUk();
        Routing first = dial("+442071234567");
        assertThat(branches(first)).containsExactly("sip:+442071234567@192.0.2.51:5060;user=phone | trunk uk-a | TRUNK");
        Routing second = afterFailure(first, status);
        assertThat(branches(second))
                .containsExactly("sip:+442071234567@192.0.2.52:5070;transport=tcp;user=phone | trunk uk-b | TRUNK");
        Routing third = afterFailure(second, status);
        assertThat(branches(third)).containsExactly("sip:+442071234567@192.0.2.53:5060;user=phone | trunk uk-c | TRUNK");
        assertThat(fork(third).onFailure()).as("the last trunk's failure goes to the caller").isNull();
    }

    @Test
    void anUnreachableTrunkFailsOver() {
        // the proxy reports a transport error or a refused connection as 503 callee.unreachable
        threeCarriersForUk();
        Routing next = fork(dial("+442071234567")).onFailure()
                .next(new Routing.FailedAttempt(503, Situation.CALLEE_UNREACHABLE, false));
        assertThat(branches(next)).extracting(b -> b.substring(b.indexOf('|'))).containsExactly("| trunk uk-b | TRUNK");
    }

    @ParameterizedTest(name = "{0} is the callee''s answer: no failover")
    @ValueSource(ints = {400, 403, 404, 480, 484, 486, 487, 488, 600, 603, 604, 606})
    void theCalleesAnswerIsFinal(int status) {
        // §21.6: a 6xx is definitive for the callee everywhere, so no other trunk is tried either
        threeCarriersForUk();
        assertThat(afterFailure(dial("+442071234567"), status)).isNull();
    }

    @Test
    void failoverKeepsTheHistoryOfAFollowedForward() {
        threeCarriersForUk();
        provider.line("grace", Line.plain().always("+442071234567", ForwardMode.FOLLOW));
        Routing first = provider.invite("sip:grace@" + DOMAIN).route();
        Routing second = afterFailure(first, 503);
        assertThat(branches(second)).hasSize(1).first().asString().contains("trunk uk-b");
        assertThat(historyInfo(second)).containsExactly(
                "<sip:grace@" + DOMAIN + ">;index=1",
                "<sip:+442071234567@" + DOMAIN + ";cause=302>;index=1.1;mp=1");
    }

    @Test
    void onlyTrunksWithTheLongestPrefixAreCandidates() {
        // the more specific trunk is the one configured for the number; a general one is not its backup
        provider.trunk("germany", "192.0.2.40", 5060, TransportProtocol.UDP, "+49");
        assertThat(fork(dial("+498912345678")).onFailure()).isNull();
    }
}
