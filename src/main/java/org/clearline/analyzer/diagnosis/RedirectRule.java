package org.clearline.analyzer.diagnosis;

import java.util.List;
import java.util.Map;
import org.clearline.analyzer.calls.TraceMessage;

/**
 * A 3xx the caller did not follow: the last attempt ended with a redirect, and
 * no INVITE to any of its Contacts came later, neither in this call (§8.1.3.4:
 * a UAC may retry with the same Call-ID) nor in another call of the trace.
 */
final class RedirectRule implements FindingRule {
    @Override
    public void examine(CallView call, List<Finding> out) {
        List<Transaction> attempts = call.attempts();
        if (attempts.isEmpty() || !"INVITE".equals(attempts.getLast().method)) return;
        TraceMessage fin = attempts.getLast().finalResponse();
        if (fin == null || fin.status() < 300 || fin.status() >= 400) return;
        List<String> contacts = fin.facts().contacts();
        for (String contact : contacts) {
            if (call.invites.invitedAfter(contact, fin.seq())) return;
        }
        out.add(new Finding(FindingKind.REDIRECT_NOT_FOLLOWED, null, Map.of("code", Integer.toString(fin.status()),
                "contacts", contacts.isEmpty() ? "-" : String.join(", ", contacts))));
    }
}
