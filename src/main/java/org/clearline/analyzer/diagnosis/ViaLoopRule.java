package org.clearline.analyzer.diagnosis;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.clearline.analyzer.calls.TraceMessage;
import org.clearline.failures.Situation;

/**
 * 482 Loop Detected where the loop is visible: the looped request's Via list
 * names the same hop twice (§16.3 step 4: a proxy finds its own sent-by in a
 * Via of a request that is not a spiral). The Via list of the request, or of
 * the 482 when the request is not in the trace (a response carries the
 * request's Vias, §8.2.6.2).
 */
final class ViaLoopRule implements FindingRule {
    @Override
    public void examine(CallView call, List<Finding> out) {
        for (Transaction t : call.transactions.values()) {
            TraceMessage fin = t.finalResponse();
            if (fin == null || fin.status() != 482) continue;
            List<String> vias = t.request() != null ? t.request().facts().vias() : fin.facts().vias();
            String hop = repeated(vias);
            if (hop == null) continue;
            out.add(new Finding(FindingKind.VIA_LOOP, Situation.REQUEST_LOOP,
                    Map.of("hop", hop, "vias", String.join(" <- ", vias))));
            return;
        }
    }

    /** The first sent-by that appears twice (compared without case, §20.42), or null. */
    static String repeated(List<String> vias) {
        Set<String> seen = new HashSet<>();
        for (String v : vias) {
            if (!seen.add(v.toLowerCase(Locale.ROOT))) return v;
        }
        return null;
    }
}
