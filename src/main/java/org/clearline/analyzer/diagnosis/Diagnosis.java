package org.clearline.analyzer.diagnosis;

import java.util.List;
import org.clearline.failures.Situation;

/**
 * The verdict on one call, registration or other request.
 *
 * @param kind      call, registration...
 * @param method    the method of the request that opened it ("INVITE", "REGISTER"...)
 * @param outcome   how that request ended
 * @param code      its final status code, 0 when none came
 * @param reason    the final response's reason phrase, empty when none came
 * @param situation the catalogue situation the trace points to, or null (a success, or a code the
 *                  catalogue only explains in general, like 486 from a phone)
 * @param findings  what the trace shows besides, in {@link FindingKind} order
 */
public record Diagnosis(CallKind kind, String method, Outcome outcome, int code, String reason, Situation situation,
                        List<Finding> findings) {
    public Diagnosis {
        findings = List.copyOf(findings);
        reason = reason == null ? "" : reason;
    }

    /** True when the report should explain it: it failed, got no answer, or the trace shows a problem. */
    public boolean problem() {
        return outcome == Outcome.FAILED || outcome == Outcome.NO_RESPONSE || !findings.isEmpty();
    }

    /** "486 Busy Here", "no response", "unfinished". */
    public String result() {
        if (code > 0) return (code + " " + reason).strip();
        return outcome == Outcome.NO_RESPONSE ? "no response" : "unfinished";
    }

    /**
     * The one label a summary line shows: the first finding's id, else the
     * situation's id, else "code.NNN" for a failure the catalogue explains in
     * general, else "-".
     */
    public String label() {
        if (!findings.isEmpty()) return findings.getFirst().kind().id();
        if (situation != null) return situation.id();
        if (outcome == Outcome.FAILED) return "code." + code;
        return "-";
    }

    public boolean has(FindingKind k) {
        return findings.stream().anyMatch(f -> f.kind() == k);
    }
}
