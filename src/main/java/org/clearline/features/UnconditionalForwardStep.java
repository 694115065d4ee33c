package org.clearline.features;

import org.clearline.core.directory.Directory;
import org.clearline.core.routing.Routing;
import org.clearline.store.LineSettings.Forward;

/** Forwards every call of a line that has an unconditional forward. */
public final class UnconditionalForwardStep implements RoutingStep {
    private final Directory directory;
    private final Forwarding forwarding;

    public UnconditionalForwardStep(Directory directory, Forwarding forwarding) {
        this.directory = directory;
        this.forwarding = forwarding;
    }

    @Override
    public Routing apply(CallState call) {
        Forward f = directory.lineSettings(call.callee().sipId()).unconditional();
        return f == null ? null : forwarding.apply(call, f, Forwarding.Cause.UNCONDITIONAL);
    }
}
