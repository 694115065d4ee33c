package org.clearline.analyzer.diagnosis;

import java.util.List;
import java.util.Map;
import org.clearline.analyzer.calls.TraceMessage;
import org.clearline.failures.Situation;

/**
 * A BYE answered 481 Call/Transaction Does Not Exist (§15.1.2, §12.2.2): the
 * other side knows no such dialog, so the hang-up did not reach the call it was
 * meant for, or that call had already ended.
 */
final class ByeUnknownDialogRule implements FindingRule {
    @Override
    public void examine(CallView call, List<Finding> out) {
        for (Transaction t : call.transactions("BYE")) {
            TraceMessage fin = t.finalResponse();
            if (fin == null || fin.status() != 481) continue;
            TraceMessage bye = t.request();
            String sender = bye != null ? bye.source().toString() : fin.destination().toString();
            String receiver = bye != null ? bye.destination().toString() : fin.source().toString();
            out.add(new Finding(FindingKind.BYE_UNKNOWN_DIALOG, Situation.DIALOG_UNKNOWN,
                    Map.of("sender", sender, "receiver", receiver)));
            return;
        }
    }
}
