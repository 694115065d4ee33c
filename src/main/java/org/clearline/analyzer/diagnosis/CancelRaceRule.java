package org.clearline.analyzer.diagnosis;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.clearline.analyzer.calls.TraceMessage;

/**
 * A CANCEL that crossed the 200 OK: the INVITE it cancels was answered with a
 * 2xx all the same. §9.1: a CANCEL has no effect on a request that already has
 * its final response, so the call is set up and the caller must ACK and BYE.
 */
final class CancelRaceRule implements FindingRule {
    @Override
    public void examine(CallView call, List<Finding> out) {
        for (Transaction cancel : call.transactions("CANCEL")) {
            TraceMessage c = cancel.request();
            if (c == null) continue;
            // §9.1: the CANCEL has the Via branch and CSeq number of the request it cancels
            Transaction invite = call.transactions.get(c.branch() + "|INVITE|" + c.cseq());
            if (invite == null && c.branch() == null) invite = call.transactions.get("rfc2543:" + c.fromTag() + "|INVITE|" + c.cseq());
            TraceMessage ok = invite == null ? null : invite.success();
            if (ok == null) continue;
            boolean after = ok.seq() > c.seq();
            String ms = ok.micros() < 0 || c.micros() < 0 ? "?"
                    : String.format(Locale.ROOT, "%d", Math.abs(ok.micros() - c.micros()) / 1000);
            out.add(new Finding(FindingKind.CANCEL_RACE, null, Map.of(after ? "after" : "before", ms)));
            return;
        }
    }
}
