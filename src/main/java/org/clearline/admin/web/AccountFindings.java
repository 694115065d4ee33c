package org.clearline.admin.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.clearline.failures.Situation;
import org.clearline.store.LineSettings;
import org.clearline.store.RegistrationRecord;

/**
 * The dashboard's own reading of an account's state: the few facts that decide
 * what a caller gets, each with the situation it leads to. A fuller diagnosis
 * (reachability probes, more rules) plugs into the account page beside it.
 */
final class AccountFindings {
    enum Level { OK, NOTE, PROBLEM }

    /** One finding; {@code situation} is the catalogue situation it leads to, or null. */
    record Finding(Level level, String text, Situation situation) {}

    private AccountFindings() {}

    static List<Finding> of(AccountFacts f) {
        List<Finding> out = new ArrayList<>();
        LineSettings line = f.line();
        if (!f.account().enabled()) {
            out.add(new Finding(Level.PROBLEM, "The account is disabled: its phones can neither register nor call.",
                    Situation.AUTH_ACCOUNT_DISABLED));
        }
        if (line.unconditional() != null) {
            out.add(new Finding(Level.NOTE, "Every call is forwarded to " + line.unconditional().target() + ".", null));
        }
        if (f.bindings().isEmpty()) {
            out.add(line.offline() != null
                    ? new Finding(Level.NOTE, "No phone is registered: calls go to the offline forward "
                            + line.offline().target() + ".", null)
                    : new Finding(Level.PROBLEM, "No phone is registered: callers get 480.", Situation.CALLEE_OFFLINE));
        } else {
            out.add(new Finding(Level.OK, f.bindings().size() == 1 ? "One phone is registered."
                    : f.bindings().size() + " phones are registered; calls ring them all.", null));
        }
        if (line.dnd()) {
            out.add(new Finding(Level.PROBLEM, "Do-not-disturb is on: callers get 480"
                    + (line.offline() != null ? " (or the offline forward)." : "."), Situation.CALLEE_DND));
        }
        if (line.maxCalls() > 0 && f.callsUp() >= line.maxCalls()) {
            out.add(new Finding(Level.PROBLEM, "The line is at its call limit (" + line.maxCalls()
                    + "): the next caller gets 486" + (line.busy() != null ? " (or the busy forward)." : "."),
                    Situation.CALLEE_CALL_LIMIT));
        }
        Map<String, Integer> authFailures = new TreeMap<>();
        for (RegistrationRecord r : f.registrationAttempts()) {
            if (r.situation() != null && r.situation().startsWith("auth.")) authFailures.merge(r.source(), 1, Integer::sum);
        }
        authFailures.forEach((source, n) -> out.add(new Finding(Level.PROBLEM, n + (n == 1 ? " registration" :
                " registrations") + " from " + source + " failed authentication in the last 7 days.",
                Situation.AUTH_WRONG_CREDENTIALS)));
        if (!f.failedCalls().isEmpty()) {
            out.add(new Finding(Level.NOTE, f.failedCalls().size() + (f.failedCalls().size() == 1 ? " call" : " calls")
                    + " from or to this account failed in the last 7 days (listed below).", null));
        }
        return out;
    }
}
