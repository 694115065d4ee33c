package org.clearline.features;

import org.clearline.core.directory.Directory;
import org.clearline.core.routing.Routing;
import org.clearline.failures.Situation;
import org.clearline.store.LineSettings;

/** Do-not-disturb: 480, unless the line forwards when unavailable, which then takes over. */
public final class DndStep implements RoutingStep {
    private final Directory directory;
    private final Forwarding forwarding;

    public DndStep(Directory directory, Forwarding forwarding) {
        this.directory = directory;
        this.forwarding = forwarding;
    }

    @Override
    public Routing apply(CallState call) {
        LineSettings s = directory.lineSettings(call.callee().sipId());
        if (!s.dnd()) return null;
        if (s.offline() != null) return forwarding.apply(call, s.offline(), Forwarding.Cause.UNAVAILABLE);
        return new Routing.Reject(Situation.CALLEE_DND);
    }
}
