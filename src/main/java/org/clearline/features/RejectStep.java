package org.clearline.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.clearline.core.directory.Directory;
import org.clearline.core.routing.Routing;
import org.clearline.failures.Situation;
import org.clearline.syntax.HeaderNames;
import org.clearline.syntax.NameAddr;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipUri;

/**
 * The callee's reject rules: calls from listed numbers, prefixes ("+4930*") or
 * anonymous callers end in 603 Decline. The caller learns nothing more: the
 * rule that matched is for the line's owner to see, not for the caller.
 */
public final class RejectStep implements RoutingStep {
    private final Directory directory;
    private final DialPlan dialPlan;

    public RejectStep(Directory directory, DialPlan dialPlan) {
        this.directory = directory;
        this.dialPlan = dialPlan;
    }

    @Override
    public Routing apply(CallState call) {
        List<String> rules = directory.lineSettings(call.callee().sipId()).rejectCallers();
        if (rules.isEmpty()) return null;
        boolean anonymous = isAnonymous(call.request().request());
        List<String> identities = callerNumbers(call);
        for (String rule : rules) {
            String r = rule.strip();
            if (r.equalsIgnoreCase("anonymous")) {
                if (anonymous) return decline();
            } else if (r.endsWith("*")) {
                String prefix = r.substring(0, r.length() - 1);
                for (String id : identities) {
                    if (id.startsWith(prefix)) return decline();
                }
            } else if (identities.contains(r)) {
                return decline();
            }
        }
        return null;
    }

    private static Routing decline() {
        return new Routing.Reject(Situation.CALLEE_REJECTED);
    }

    /** The caller's numbers: those of its account when it is one of ours, and the From user as E.164. */
    private List<String> callerNumbers(CallState call) {
        List<String> out = new ArrayList<>(2);
        if (call.request().caller() != null) out.addAll(directory.numbersOf(call.request().caller().sipId()));
        NameAddr from = call.request().request().from();
        SipUri uri = from == null ? null : from.sipUri();
        if (uri != null && uri.user() != null) {
            String user = uri.userUnescaped();
            var account = directory.account(user);
            if (account != null) out.addAll(directory.numbersOf(account.sipId()));
            String n = dialPlan.normalise(user);
            if (n != null) out.add(n);
        }
        return out;
    }

    /** RFC 3261 §8.1.1.3 anonymous From, or RFC 3323 Privacy: id/user. */
    static boolean isAnonymous(SipRequest r) {
        String privacy = r.header(HeaderNames.PRIVACY);
        if (privacy != null) {
            String p = privacy.toLowerCase(Locale.ROOT);
            if (p.contains("id") || p.contains("user")) return true;
        }
        NameAddr from = r.from();
        if (from == null) return true;
        SipUri uri = from.sipUri();
        String user = uri == null ? null : uri.user();
        String host = uri == null ? "" : uri.host().toLowerCase(Locale.ROOT);
        return user == null || user.equalsIgnoreCase("anonymous") || host.equals("anonymous.invalid");
    }
}
