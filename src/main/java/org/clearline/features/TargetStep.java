package org.clearline.features;

import org.clearline.core.LocalIdentity;
import org.clearline.core.directory.Directory;
import org.clearline.core.routing.Routing;
import org.clearline.core.routing.Target;
import org.clearline.failures.Situation;
import org.clearline.store.Account;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipUri;
import org.clearline.syntax.TelUri;
import org.clearline.syntax.Uri;

/**
 * Finds what a request is for: a local line (by SIP ID, or by a number in any
 * dialled form), a telephone number elsewhere (left for the trunk step), or
 * another domain, which only authenticated local callers may reach (we are no
 * open relay).
 */
public final class TargetStep implements RoutingStep {
    private final LocalIdentity identity;
    private final Directory directory;
    private final DialPlan dialPlan;

    public TargetStep(LocalIdentity identity, Directory directory, DialPlan dialPlan) {
        this.identity = identity;
        this.directory = directory;
        this.dialPlan = dialPlan;
    }

    @Override
    public Routing apply(CallState call) {
        SipRequest req = call.request().request();
        Uri ruri = req.requestUri();
        String user;
        if (ruri instanceof TelUri tel) {
            user = tel.number();
        } else if (ruri instanceof SipUri sip && identity.isLocalHost(sip.host())) {
            user = sip.userUnescaped();
        } else {
            return relay(call, ruri);
        }
        call.dialed(user);
        if (user == null || user.isEmpty()) return new Routing.Reject(Situation.CALLEE_UNKNOWN);
        Account account = directory.account(user);
        if (account == null) {
            String number = dialPlan.normalise(user);
            if (number == null) return new Routing.Reject(Situation.CALLEE_UNKNOWN);
            call.number(number);
            String owner = directory.ownerOfNumber(number);
            account = owner == null ? null : directory.account(owner);
        }
        if (account != null) call.callee(account);
        return null;
    }

    private static Routing relay(CallState call, Uri ruri) {
        if (call.request().caller() == null) return new Routing.Reject(Situation.CALL_RELAY_DENIED);
        return new Routing.Fork(java.util.List.of(new Target(ruri, java.util.List.of(), "relay to " + ruri,
                java.util.List.of(), null, Target.Kind.RELAY)));
    }
}
