package org.clearline.features;

import java.util.List;
import org.clearline.core.LocalIdentity;
import org.clearline.core.directory.Directory;
import org.clearline.core.routing.Routing;
import org.clearline.failures.Situation;
import org.clearline.store.Account;
import org.clearline.store.LineSettings.Forward;
import org.clearline.store.LineSettings.ForwardMode;
import org.clearline.syntax.Header;
import org.clearline.syntax.HeaderNames;

/**
 * Carries out a forward: a redirect answers the caller 301/302 with a Contact
 * to follow; a followed forward moves the call to the target line (and runs
 * that line's steps) or, for a number elsewhere, to a trunk. A followed chain
 * that returns to a line it passed ends in 482; one longer than the configured
 * depth in 483.
 */
public final class Forwarding {
    /** History-Info cause values for the kinds of forward (RFC 4458 §3, used by RFC 7044 §4.3.2). */
    public enum Cause {
        UNCONDITIONAL(302), BUSY(486), NO_ANSWER(408), UNAVAILABLE(480);

        final int code;

        Cause(int code) {
            this.code = code;
        }
    }

    private final LocalIdentity identity;
    private final Directory directory;
    private final DialPlan dialPlan;
    private final TrunkRouter trunks;
    private final int maxDepth;
    private RoutingChain chain;

    public Forwarding(LocalIdentity identity, Directory directory, DialPlan dialPlan, TrunkRouter trunks, int maxDepth) {
        this.identity = identity;
        this.directory = directory;
        this.dialPlan = dialPlan;
        this.trunks = trunks;
        this.maxDepth = maxDepth;
    }

    /** The chain whose callee steps a followed forward runs again (set once, at wiring). */
    public void chain(RoutingChain c) {
        this.chain = c;
    }

    public Routing apply(CallState call, Forward forward, Cause cause) {
        Account target = directory.account(forward.target());
        String number = target == null ? dialPlan.normalise(forward.target()) : null;
        if (target == null && number != null) {
            String owner = directory.ownerOfNumber(number);
            target = owner == null ? null : directory.account(owner);
        }
        String user = target != null && number == null ? target.sipId() : number;
        if (user == null) return new Routing.Reject(Situation.CALLEE_UNKNOWN);
        String uri = "sip:" + user + "@" + identity.domain();
        if (forward.mode() != ForwardMode.FOLLOW) {
            Situation s = forward.mode() == ForwardMode.REDIRECT_PERMANENT
                    ? Situation.CALLEE_MOVED_PERMANENTLY : Situation.CALLEE_MOVED_TEMPORARILY;
            return new Routing.Reject(s, List.of(new Header(HeaderNames.CONTACT, "<" + uri + ">")));
        }
        recordHistory(call, uri, cause);
        if (target == null) {
            Routing r = trunks.route(number);
            return r != null ? r : new Routing.Reject(Situation.NUMBER_NO_ROUTE);
        }
        if (call.visited().size() > maxDepth) return new Routing.Reject(Situation.FORWARD_CHAIN_TOO_LONG);
        if (!call.callee(target)) return new Routing.Reject(Situation.FORWARD_LOOP);
        return chain.routeCallee(call);
    }

    /** RFC 7044: the first entry is the original target; each followed forward adds one below it. */
    private void recordHistory(CallState call, String newTarget, Cause cause) {
        List<String> h = call.history();
        if (h.isEmpty()) {
            h.add("<" + call.request().request().requestUri() + ">;index=1");
        }
        String index = "1" + ".1".repeat(h.size());
        h.add("<" + newTarget + ";cause=" + cause.code + ">;index=" + index + ";mp=" + index.substring(0,
                index.length() - 2));
    }
}
