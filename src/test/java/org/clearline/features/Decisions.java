package org.clearline.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.clearline.core.routing.Routing;
import org.clearline.core.routing.Target;
import org.clearline.failures.Situation;
import org.clearline.syntax.Header;

/** Assertions on routing decisions that say what was expected in SIP terms. */
final class Decisions {
    private Decisions() {}

    /** The chain answered the caller itself, with exactly these extra headers. */
    static void assertRejected(Routing r, Situation situation, Header... headers) {
        assertThat(r).as("decision").isInstanceOf(Routing.Reject.class);
        Routing.Reject reject = (Routing.Reject) r;
        assertThat(reject.situation()).as("situation of %s", reject).isEqualTo(situation);
        assertThat(reject.headers()).as("headers of %s", reject).containsExactly(headers);
    }

    static Routing.Fork fork(Routing r) {
        assertThat(r).as("decision").isInstanceOf(Routing.Fork.class);
        return (Routing.Fork) r;
    }

    /** Each branch as "request-URI | label | kind", in fork order. */
    static List<String> branches(Routing r) {
        List<String> out = new ArrayList<>();
        for (Target t : fork(r).targets()) out.add(t.requestUri() + " | " + t.label() + " | " + t.kind());
        return out;
    }

    /** The one History-Info list all branches of the fork carry (RFC 7044), each entry a header value. */
    static List<String> historyInfo(Routing r) {
        List<List<String>> perTarget = new ArrayList<>();
        for (Target t : fork(r).targets()) {
            List<String> h = new ArrayList<>();
            for (Header x : t.headers()) {
                assertThat(x.name()).as("extra header of %s", t.label()).isEqualTo("History-Info");
                h.add(x.value());
            }
            perTarget.add(h);
        }
        assertThat(perTarget).as("every branch carries the same history").allMatch(h -> h.equals(perTarget.get(0)));
        return perTarget.get(0);
    }

    /** What the fork does when every branch failed with {@code status}. */
    static Routing afterFailure(Routing r, int status) {
        Routing.Continuation next = fork(r).onFailure();
        return next == null ? null : next.next(new Routing.FailedAttempt(status, null, false));
    }

    /** What the fork does when its ring timeout ended it. */
    static Routing afterRingTimeout(Routing r) {
        Routing.Continuation next = fork(r).onFailure();
        assertThat(next).as("a fork with a ring timeout continues").isNotNull();
        return next.next(new Routing.FailedAttempt(408, Situation.CALLEE_NO_ANSWER, true));
    }

    static Header contact(String uri) {
        return new Header("Contact", "<" + uri + ">");
    }

    static Header warning(String text) {
        return new Header("Warning", text);
    }
}
