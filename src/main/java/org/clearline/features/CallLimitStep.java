package org.clearline.features;

import org.clearline.core.directory.Directory;
import org.clearline.core.routing.Routing;
import org.clearline.failures.Situation;
import org.clearline.store.LineSettings;

/** A line at its limit of simultaneous calls is busy: 486, or its busy forward. */
public final class CallLimitStep implements RoutingStep {
    private final Directory directory;
    private final ActiveCalls calls;
    private final Forwarding forwarding;

    public CallLimitStep(Directory directory, ActiveCalls calls, Forwarding forwarding) {
        this.directory = directory;
        this.calls = calls;
        this.forwarding = forwarding;
    }

    @Override
    public Routing apply(CallState call) {
        LineSettings s = directory.lineSettings(call.callee().sipId());
        if (s.maxCalls() == 0 || calls.active(call.callee().sipId()) < s.maxCalls()) return null;
        if (s.busy() != null) return forwarding.apply(call, s.busy(), Forwarding.Cause.BUSY);
        return new Routing.Reject(Situation.CALLEE_CALL_LIMIT);
    }
}
