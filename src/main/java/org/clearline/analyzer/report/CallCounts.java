package org.clearline.analyzer.report;

import java.util.Map;

/**
 * How many of each the trace held.
 *
 * @param calls         INVITE dialogs
 * @param registrations REGISTER Call-IDs
 * @param others        other requests outside dialogs (OPTIONS, MESSAGE, SUBSCRIBE...)
 * @param inDialog      Call-IDs whose start the trace does not hold
 * @param problems      of all these, the ones with a failure or a finding
 * @param byDiagnosis   how often each diagnosis label occurs ({@link org.clearline.analyzer.diagnosis.Diagnosis#label()}
 *                      of the problems, "ok" for the rest), most frequent first
 */
public record CallCounts(long calls, long registrations, long others, long inDialog, long problems,
                         Map<String, Long> byDiagnosis) {
    public CallCounts {
        byDiagnosis = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byDiagnosis));
    }

    public long total() {
        return calls + registrations + others + inDialog;
    }
}
