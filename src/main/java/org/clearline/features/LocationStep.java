package org.clearline.features;

import java.util.ArrayList;
import java.util.List;
import org.clearline.core.location.LocationService;
import org.clearline.core.routing.Routing;
import org.clearline.core.routing.Target;
import org.clearline.failures.Situation;
import org.clearline.store.Registration;
import org.clearline.syntax.NameAddr;
import org.clearline.syntax.SipSyntaxException;
import org.clearline.syntax.Uri;

/** Forks to every registered contact of the callee (§16.5, parallel); none registered: 480. */
public final class LocationStep implements RoutingStep {
    private final LocationService location;

    public LocationStep(LocationService location) {
        this.location = location;
    }

    @Override
    public Routing apply(CallState call) {
        if (call.callee() == null) return null;
        List<Registration> bindings = location.lookup(call.callee().sipId(), call.request().nowMillis());
        List<Target> targets = new ArrayList<>(bindings.size());
        int n = 0;
        for (Registration r : bindings) {
            n++;
            Uri contact;
            try {
                contact = Uri.parse(r.contact());
            } catch (SipSyntaxException e) {
                continue; // the registrar accepted it, so this cannot happen; skip rather than fail the call
            }
            List<String> path = r.path().isEmpty() ? List.of() : splitPath(r.path());
            targets.add(new Target(contact, path, call.callee().sipId() + ": contact " + n));
        }
        if (targets.isEmpty()) return new Routing.Reject(Situation.CALLEE_OFFLINE);
        return new Routing.Fork(targets);
    }

    private static List<String> splitPath(String path) {
        List<String> out = new ArrayList<>();
        for (NameAddr a : NameAddr.parseList(path)) out.add(a.toString());
        return out;
    }
}
