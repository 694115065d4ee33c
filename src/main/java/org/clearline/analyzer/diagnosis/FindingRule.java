package org.clearline.analyzer.diagnosis;

import java.util.List;
import java.util.Locale;
import org.clearline.analyzer.calls.TraceMessage;

/** One thing to look for in a closed call; adds at most one finding of its kind. */
interface FindingRule {
    void examine(CallView call, List<Finding> out);

    /** Seconds between two messages with one decimal ("32.0"), or "?" when either has no time. */
    static String seconds(TraceMessage from, TraceMessage to) {
        return seconds(from.micros(), to.micros());
    }

    static String seconds(long fromMicros, long toMicros) {
        if (fromMicros < 0 || toMicros < 0) return "?";
        return String.format(Locale.ROOT, "%.1f", (toMicros - fromMicros) / 1_000_000.0);
    }

    /** True when both messages went between the same two parties in the same direction. */
    static boolean sameDirection(TraceMessage a, TraceMessage b) {
        return a.source().equals(b.source()) && a.destination().equals(b.destination());
    }
}
