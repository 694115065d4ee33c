package org.clearline.features;

import org.clearline.core.routing.Routing;
import org.clearline.failures.Situation;

/** A number that no line of ours has: to the trunk that serves its prefix, else 404. */
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
        return r != null ? r : new Routing.Reject(Situation.NUMBER_NO_ROUTE);
    }
}
