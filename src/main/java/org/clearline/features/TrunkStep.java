package org.clearline.features;

import org.clearline.core.routing.Routing;
import org.clearline.failures.Situation;

/** A number that no line of ours has: to the trunk that serves its prefix (our own callers only), else 404. */
public final class TrunkStep implements RoutingStep {
    private final TrunkRouter trunks;

    public TrunkStep(TrunkRouter trunks) {
        this.trunks = trunks;
    }

    @Override
    public Routing apply(CallState call) {
        if (call.callee() != null) return null;
        if (call.number() == null) return new Routing.Reject(Situation.CALLEE_UNKNOWN);
        Routing r = trunks.route(call.number());
        if (r == null) return new Routing.Reject(Situation.NUMBER_NO_ROUTE);
        // callers of other domains are not authenticated (§22.3 is for our own callers): letting
        // them out through a carrier trunk would make us an open gateway, calls at our cost
        return call.request().caller() != null ? r : new Routing.Reject(Situation.CALL_RELAY_DENIED);
    }
}
