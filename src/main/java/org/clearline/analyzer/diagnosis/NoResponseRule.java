package org.clearline.analyzer.diagnosis;

import java.util.List;
import java.util.Map;
import org.clearline.analyzer.calls.TraceMessage;
import org.clearline.failures.Situation;

/**
 * A request sent again and again with nothing coming back, not even 100
 * Trying (§17.1.1.2 Timer A, §17.1.2.2 Timer E). Over TCP nothing is resent,
 * so one copy counts when the trace went on for Timer B's 32 s without an
 * answer. The sender gives up at Timer B/F and its caller hears 408: the
 * typical story of a firewall, a NAT binding that expired, or a wrong port.
 */
final class NoResponseRule implements FindingRule {
    /** 64*T1 with the default T1 of 500 ms (§17.1.1.2). */
    static final long TIMER_B_MICROS = 32_000_000L;

    @Override
    public void examine(CallView call, List<Finding> out) {
        for (Transaction t : call.transactions.values()) {
            TraceMessage req = t.request();
            if (req == null || req.isMethod("ACK") || !t.responses.isEmpty()) continue;
            TraceMessage last = t.requests.getLast();
            boolean resent = t.requests.size() >= 2;
            boolean waited = req.reliable() && req.micros() >= 0 && call.traceNow - req.micros() >= TIMER_B_MICROS;
            if (!resent && !waited) continue;
            String seconds = resent ? FindingRule.seconds(req, last) : FindingRule.seconds(req.micros(), call.traceNow);
            // the caller's own INVITE unanswered is the 408 story; a proxy's branch to one of several
            // contacts (a stale registration) may go unanswered while another answers
            Situation s = req.isMethod("INVITE") && call.attempts().contains(t) ? Situation.CALLEE_NO_ANSWER : null;
            out.add(new Finding(FindingKind.NO_RESPONSE, s, Map.of("method", req.method(),
                    "target", req.destination().toString(), "copies", Integer.toString(t.requests.size()),
                    "seconds", seconds)));
            return;
        }
    }
}
