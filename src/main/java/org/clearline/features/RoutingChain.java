package org.clearline.features;

import java.util.List;
import org.clearline.core.routing.Router;
import org.clearline.core.routing.Routing;
import org.clearline.core.routing.RoutingRequest;
import org.clearline.failures.Situation;

/** The ordered steps every initial request passes until one decides. */
public final class RoutingChain implements Router {
    private final List<RoutingStep> steps;

    public RoutingChain(List<RoutingStep> steps) {
        this.steps = List.copyOf(steps);
    }

    @Override
    public Routing route(RoutingRequest request) {
        CallState call = new CallState(request);
        for (RoutingStep step : steps) {
            Routing decision = step.apply(call);
            if (decision != null) return decision;
        }
        // every chain ends in a step that decides; reaching here means no step knew the target
        return new Routing.Reject(Situation.CALLEE_UNKNOWN);
    }
}
