package org.clearline.features;

import java.util.List;
import org.clearline.core.LocalIdentity;
import org.clearline.core.directory.Directory;
import org.clearline.core.location.LocationService;

/** Builds the routing chain in its one correct order. */
public final class FeatureChain {
    private FeatureChain() {}

    /**
     * Caller steps: find the target, check the caller may call it, send numbers
     * elsewhere to a trunk. Callee steps: reject rules, unconditional forward,
     * do-not-disturb, codecs, call limit, and finally the phones themselves.
     */
    public static RoutingChain build(LocalIdentity identity, Directory directory, LocationService location,
                                     DialPlan dialPlan, Destinations destinations, TrunkRouter trunks,
                                     ActiveCalls calls, int maxForwardDepth) {
        Forwarding forwarding = new Forwarding(identity, directory, dialPlan, trunks, maxForwardDepth);
        RoutingChain chain = new RoutingChain(
                List.of(new TargetStep(identity, directory, dialPlan),
                        new PermissionStep(directory, destinations),
                        new TrunkStep(trunks)),
                List.of(new RejectStep(directory, dialPlan),
                        new UnconditionalForwardStep(directory, forwarding),
                        new DndStep(directory, forwarding),
                        new CodecStep(identity, directory),
                        new CallLimitStep(directory, calls, forwarding),
                        new LocationStep(location, directory, calls, forwarding)));
        forwarding.chain(chain);
        return chain;
    }
}
