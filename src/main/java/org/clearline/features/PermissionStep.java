package org.clearline.features;

import org.clearline.core.directory.Directory;
import org.clearline.core.routing.Routing;
import org.clearline.failures.Situation;
import org.clearline.store.Account;
import org.clearline.store.LineSettings.Destination;

/**
 * Outbound permissions: what an authenticated local caller may dial. Numbers
 * are classed by {@link Destinations}; a line of this server called by its SIP
 * ID counts as local. Callers from other domains are not ours to restrict.
 */
public final class PermissionStep implements RoutingStep {
    private final Directory directory;
    private final Destinations destinations;

    public PermissionStep(Directory directory, Destinations destinations) {
        this.directory = directory;
        this.destinations = destinations;
    }

    @Override
    public Routing apply(CallState call) {
        Account caller = call.request().caller();
        if (caller == null) return null;
        var allowed = directory.lineSettings(caller.sipId()).permissions();
        Destination d = call.number() != null ? destinations.classify(call.number()) : Destination.LOCAL;
        return allowed.contains(d) ? null : new Routing.Reject(Situation.CALL_NOT_PERMITTED);
    }
}
