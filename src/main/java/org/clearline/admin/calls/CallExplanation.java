package org.clearline.admin.calls;

import org.clearline.failures.Audience;
import org.clearline.failures.CodeExplanation;
import org.clearline.failures.Explanation;
import org.clearline.failures.Explanations;
import org.clearline.failures.Situation;
import org.clearline.store.CallRecord;

/**
 * What explains one logged outcome (a call or a registration attempt): its
 * catalogue situation when Clearline decided it; the status code in general when
 * the answer was relayed from a phone or trunk and failed; nothing for a
 * success. The CLI's {@code explain CALL-ID}, the REST API and the dashboard
 * tell a call the same way.
 */
public sealed interface CallExplanation {
    /** Clearline ended the request itself, for the reason {@code situation}. */
    record OfSituation(Situation situation, Explanation explanation) implements CallExplanation {}

    /** A failure passed on from the callee or a trunk: only its code is known. */
    record OfCode(CodeExplanation code) implements CallExplanation {}

    /** Nothing to explain: the request succeeded. */
    record Nothing() implements CallExplanation {}

    /**
     * @param code        the final status code
     * @param situationId the catalogue id recorded with it, or null
     */
    static CallExplanation of(int code, String situationId, Explanations texts, Audience audience) {
        Situation s = situationId == null ? null : Situation.byId(situationId);
        if (s != null) return new OfSituation(s, texts.explain(s, audience));
        if (code >= 300) {
            return texts.explainCode(code).<CallExplanation>map(OfCode::new).orElseGet(Nothing::new);
        }
        return new Nothing();
    }

    static CallExplanation of(CallRecord call, Explanations texts, Audience audience) {
        return of(call.code(), call.situation(), texts, audience);
    }

    /**
     * One line for listings: the situation's title (as the account owner and the
     * administrator read it), else the code's everyday name ("Busy", "OK").
     */
    static String summary(int code, String situationId, Explanations texts) {
        Situation s = situationId == null ? null : Situation.byId(situationId);
        if (s != null) return texts.explain(s, Audience.ADMIN).title();
        return texts.explainCode(code).map(CodeExplanation::title).orElse(Integer.toString(code));
    }
}
