package org.clearline.features;

import org.clearline.core.routing.Routing;

/**
 * One link of the routing chain (the repro/Kamailio route-block habit): it looks
 * at the call and either decides (returns a {@link Routing}) or passes it on
 * (returns null). Adding a feature is adding a step.
 */
@FunctionalInterface
public interface RoutingStep {
    Routing apply(CallState call);
}
