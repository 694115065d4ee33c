package org.clearline.features;

import java.util.List;
import org.clearline.core.LocalIdentity;
import org.clearline.core.directory.Directory;
import org.clearline.core.routing.Retarget;
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
        UNCONDITIONAL(302, "unconditional"), BUSY(486, "busy"), NO_ANSWER(408, "no-answer"),
        UNAVAILABLE(480, "unavailable");

        final int code;
        /** The name the call log gives the cause. */
        final String key;

        Cause(int code, String key) {
            this.code = code;
            this.key = key;
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

    /** Carries out {@code forward} of the line now called; the decision names the forward (for the call log). */
    public Routing apply(CallState call, Forward forward, Cause cause) {
        Account target = directory.account(forward.target());
        String number = target == null ? dialPlan.normalise(forward.target()) : null;
        if (target == null && number != null) {
            String owner = directory.ownerOfNumber(number);
            target = owner == null ? null : directory.account(owner);
        }
        String user = target != null && number == null ? target.sipId() : number;
        boolean follow = forward.mode() == ForwardMode.FOLLOW;
        String from = call.callee() == null ? "" : call.callee().sipId();
        Retarget retarget = new Retarget(cause.key, from, user == null ? forward.target() : user, !follow);
        return decide(call, target, number, user, forward, cause).after(retarget);
    }

    private Routing decide(CallState call, Account target, String number, String user, Forward forward, Cause cause) {
        if (user == null) return new Routing.Reject(Situation.CALLEE_UNKNOWN);
        String uri = "sip:" + user + "@" + identity.domain();
        if (forward.mode() != ForwardMode.FOLLOW) {
            Situation s = forward.mode() == ForwardMode.REDIRECT_PERMANENT
                    ? Situation.CALLEE_MOVED_PERMANENTLY : Situation.CALLEE_MOVED_TEMPORARILY;
            return new Routing.Reject(s, List.of(new Header(HeaderNames.CONTACT, "<" + uri + ">")));
        }
        recordHistory(call, uri, cause);
        if (target == null) {
            // RFC 7044 §4.3: the history goes with the request wherever it is retargeted, a trunk too
            List<Header> history = new java.util.ArrayList<>(call.history().size());
            for (String h : call.history()) history.add(new Header(HeaderNames.HISTORY_INFO, h));
            Routing r = trunks.route(number, history);
            return r != null ? r : new Routing.Reject(Situation.NUMBER_NO_ROUTE);
        }
        // a chain that comes back to a line it passed is a loop however deep it is (issue 4)
        if (call.visited().contains(target.sipId())) return new Routing.Reject(Situation.FORWARD_LOOP);
        if (call.visited().size() > maxDepth) return new Routing.Reject(Situation.FORWARD_CHAIN_TOO_LONG);
        call.callee(target);
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
