package org.clearline.features;

import java.util.List;
import org.clearline.core.routing.Router;
import org.clearline.core.routing.Routing;
import org.clearline.core.routing.RoutingRequest;
import org.clearline.failures.Situation;

/**
 * The ordered steps every initial request passes until one decides. Two
 * stages: the caller's steps (permissions, finding the target) run once; the
 * callee's steps (reject rules, forwards, do-not-disturb, codecs, limits,
 * location) run for the called line and again for each line a followed
 * forward leads to.
 */
public final class RoutingChain implements Router {
    private final List<RoutingStep> callerSteps;
    private final List<RoutingStep> calleeSteps;

    public RoutingChain(List<RoutingStep> callerSteps, List<RoutingStep> calleeSteps) {
        this.callerSteps = List.copyOf(callerSteps);
        this.calleeSteps = List.copyOf(calleeSteps);
    }

    @Override
    public Routing route(RoutingRequest request) {
        CallState call = new CallState(request);
        for (RoutingStep step : callerSteps) {
            Routing decision = step.apply(call);
            if (decision != null) return decision;
        }
        return routeCallee(call);
    }

    /** Runs the callee's steps for the line now in {@code call.callee()}. */
    public Routing routeCallee(CallState call) {
        if (call.callee() == null) return new Routing.Reject(Situation.CALLEE_UNKNOWN);
        for (RoutingStep step : calleeSteps) {
            Routing decision = step.apply(call);
            if (decision != null) return decision;
        }
        // the location step always decides; reaching here means the chain was built without it
        return new Routing.Reject(Situation.CALLEE_OFFLINE);
    }
}
