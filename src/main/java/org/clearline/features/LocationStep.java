package org.clearline.features;

import java.util.ArrayList;
import java.util.List;
import org.clearline.core.directory.Directory;
import org.clearline.core.location.LocationService;
import org.clearline.core.routing.Routing;
import org.clearline.core.routing.Target;
import org.clearline.failures.Situation;
import org.clearline.store.LineSettings;
import org.clearline.store.Registration;
import org.clearline.syntax.Header;
import org.clearline.syntax.HeaderNames;
import org.clearline.syntax.NameAddr;
import org.clearline.syntax.SipSyntaxException;
import org.clearline.syntax.Uri;

/**
 * Rings every registered phone of the line at once (§16.5, parallel forking).
 * No phone registered: the offline forward, else 480. The fork carries the
 * line's no-answer time and, when its phones are busy or do not answer, moves
 * on to the busy or no-answer forward.
 */
public final class LocationStep implements RoutingStep {
    private final LocationService location;
    private final Directory directory;
    private final ActiveCalls calls;
    private final Forwarding forwarding;

    public LocationStep(LocationService location, Directory directory, ActiveCalls calls, Forwarding forwarding) {
        this.location = location;
        this.directory = directory;
        this.calls = calls;
        this.forwarding = forwarding;
    }

    @Override
    public Routing apply(CallState call) {
        String sipId = call.callee().sipId();
        LineSettings s = directory.lineSettings(sipId);
        List<Registration> bindings = location.lookup(sipId, call.request().nowMillis());
        List<Header> history = new ArrayList<>(call.history().size());
        for (String h : call.history()) history.add(new Header(HeaderNames.HISTORY_INFO, h));
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
            targets.add(new Target(contact, path, sipId + ": phone " + n, history, null, Target.Kind.CONTACT));
        }
        if (targets.isEmpty()) {
            if (s.offline() != null) return forwarding.apply(call, s.offline(), Forwarding.Cause.UNAVAILABLE);
            return new Routing.Reject(Situation.CALLEE_OFFLINE);
        }
        // only an INVITE is a call: a MESSAGE or OPTIONS is answered without a BYE to end it
        if (call.request().request().isInvite()) calls.begin(call.callId(), sipId, call.request().nowMillis());
        boolean forwardsOnFailure = s.busy() != null || s.noAnswer() != null;
        java.time.Duration ring = s.noAnswer() == null ? null : java.time.Duration.ofSeconds(s.noAnswerSeconds());
        Routing.Continuation next = !forwardsOnFailure ? null : failed -> {
            if (failed.ringTimeout() && s.noAnswer() != null) {
                calls.end(call.callId(), sipId);
                return forwarding.apply(call, s.noAnswer(), Forwarding.Cause.NO_ANSWER);
            }
            if (failed.status() == 486 && s.busy() != null) {
                calls.end(call.callId(), sipId);
                return forwarding.apply(call, s.busy(), Forwarding.Cause.BUSY);
            }
            return null;
        };
        return new Routing.Fork(targets, ring, next);
    }

    private static List<String> splitPath(String path) {
        List<String> out = new ArrayList<>();
        for (NameAddr a : NameAddr.parseList(path)) out.add(a.toString());
        return out;
    }
}
