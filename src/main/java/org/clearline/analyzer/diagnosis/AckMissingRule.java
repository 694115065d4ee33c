package org.clearline.analyzer.diagnosis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clearline.analyzer.calls.TraceMessage;

/**
 * A 2xx to an INVITE that no ACK answered: the answering side sends the 2xx
 * again and again (§13.3.1.4, on any transport) and, after 64*T1 without ACK,
 * ends the call with BYE (§13.3.1.4). The caller hears the call connect and
 * drop after about 32 s. Counted only when the trace shows the 2xx repeated or
 * the BYE, so a trace that merely ends after a 2xx is no finding.
 */
final class AckMissingRule implements FindingRule {
    @Override
    public void examine(CallView call, List<Finding> out) {
        for (Transaction t : call.transactions("INVITE")) {
            TraceMessage ok = t.success();
            if (ok == null) continue;
            int copies = 0;
            for (TraceMessage r : t.responses) {
                if (r.status() == ok.status() && FindingRule.sameDirection(r, ok)) copies++;
            }
            if (acked(call, t, ok)) continue;
            TraceMessage bye = byeFromAnswerer(call, ok);
            if (copies < 2 && bye == null) continue;
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("copies", Integer.toString(copies));
            facts.put("receiver", ok.destination().toString());
            if (bye != null) facts.put("bye", FindingRule.seconds(ok, bye));
            out.add(new Finding(FindingKind.ACK_MISSING, null, facts));
            return;
        }
    }

    /** §13.2.2.4: the ACK for a 2xx has the INVITE's CSeq number and goes from the 2xx's receiver. */
    private static boolean acked(CallView call, Transaction invite, TraceMessage ok) {
        for (TraceMessage m : call.messages) {
            if (m.isRequest() && m.isMethod("ACK") && m.cseq() == invite.cseq && m.source().equals(ok.destination())) {
                return true;
            }
        }
        return false;
    }

    private static TraceMessage byeFromAnswerer(CallView call, TraceMessage ok) {
        for (TraceMessage m : call.messages) {
            if (m.seq() > ok.seq() && m.isRequest() && m.isMethod("BYE") && m.source().equals(ok.source())) return m;
        }
        return null;
    }
}
