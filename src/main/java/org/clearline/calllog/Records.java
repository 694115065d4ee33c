package org.clearline.calllog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.clearline.core.routing.Retarget;
import org.clearline.core.routing.Target;
import org.clearline.store.CallLogStore;
import org.clearline.store.CallRecord;
import org.clearline.store.E164;
import org.clearline.store.LadderEncoder;
import org.clearline.store.LoggedMessage;
import org.clearline.store.RegistrationRecord;
import org.clearline.store.RouteStep;
import org.clearline.syntax.SipUri;
import org.clearline.syntax.Uri;

/** Turns closed calls and registration attempts into their stored records: texts, timings, route. Runs on the writer thread. */
final class Records {
    private Records() {}

    /**
     * The call with its messages as text (what a reader gets back), for a call the
     * writer did not compact meanwhile: a compacted one is read back from the store.
     */
    static CallRecord call(Pending.Call p) {
        if (!p.parts().isEmpty()) throw new IllegalStateException("a compacted call is read back from the store");
        return summary(p).withMessages(messages(p.entries()), null);
    }

    /**
     * The call as the writer stores it: the summary, and its messages encoded straight
     * from their bytes, after the parts compressed while it went on.
     */
    static CallLogStore.Encoded<CallRecord> encoded(Pending.Call p, LadderEncoder encoder, PeerTexts peers) {
        return new CallLogStore.Encoded<>(summary(p, peers.of(p.trace().source())),
                encoder.encodeWire(p.parts(), wire(p.entries(), peers)));
    }

    static CallLogStore.Encoded<RegistrationRecord> encoded(Pending.Registration p, LadderEncoder encoder,
                                                            PeerTexts peers) {
        return new CallLogStore.Encoded<>(p.record(), encoder.encodeWire(wire(p.entries(), peers)));
    }

    /** Everything but the messages: who, when, route, outcome, timings. */
    static CallRecord summary(Pending.Call p) {
        return summary(p, p.trace().source().toString());
    }

    /** The same, with the source's text already written out. */
    private static CallRecord summary(Pending.Call p, String source) {
        CallTrace t = p.trace();
        long firstRinging = t.firstRingingAt();
        long finalAt = t.finalAt();
        if (finalAt < 0) finalAt = t.isAnswered() ? t.answeredAt() : p.endedAt();
        long postDial = firstRinging < 0 ? -1 : firstRinging - t.startedAt();
        long ring = firstRinging < 0 ? -1 : Math.max(0, finalAt - firstRinging);
        long duration = t.isAnswered() ? p.endedAt() - t.answeredAt() : -1;
        String caller = t.from() == null ? "" : String.valueOf(t.from().uri());
        String callerUser = t.from() != null && t.from().uri() instanceof SipUri u && u.user() != null ? u.user() : "";
        String callee = user(t.requestUri());
        return new CallRecord(t.callId(), t.startedAt(), source, caller, callerUser, callee,
                E164.isValid(callee) ? callee : null, p.code(), p.situation(), postDial, ring, duration, p.dropped(),
                List.of(), route(t.route()), null);
    }

    static RegistrationRecord registration(Pending.Registration p) {
        if (p.entries().isEmpty()) return p.record();
        return p.record().withMessages(messages(p.entries()), null);
    }

    static List<LadderEncoder.Wire> wire(List<WireMessage> entries, PeerTexts peers) {
        List<LadderEncoder.Wire> out = new ArrayList<>(entries.size());
        for (WireMessage e : entries) {
            out.add(new LadderEncoder.Wire(e.atMillis(), e.inbound() ? LoggedMessage.Direction.IN
                    : LoggedMessage.Direction.OUT, peers.of(e.peer()), e.wire()));
        }
        return out;
    }

    static List<LoggedMessage> messages(List<WireMessage> entries) {
        List<LoggedMessage> out = new ArrayList<>(entries.size());
        for (WireMessage e : entries) {
            String text = new String(e.wire(), StandardCharsets.UTF_8);
            int eol = text.indexOf("\r\n");
            out.add(new LoggedMessage(e.atMillis(), e.inbound() ? LoggedMessage.Direction.IN
                    : LoggedMessage.Direction.OUT, e.peer().toString(), eol < 0 ? text : text.substring(0, eol), text));
        }
        return out;
    }

    /** The route in the order the router chose it; a trunk after a trunk is a failover. */
    static List<RouteStep> route(List<CallTrace.RouteEvent> events) {
        List<RouteStep> out = new ArrayList<>(events.size());
        boolean trunkTried = false;
        for (CallTrace.RouteEvent e : events) {
            if (e.retarget() != null) {
                Retarget r = e.retarget();
                out.add(new RouteStep(r.redirect() ? RouteStep.Kind.REDIRECT : RouteStep.Kind.FORWARD,
                        r.from() + " -> " + r.to(), r.cause()));
                continue;
            }
            Target t = e.target();
            RouteStep.Kind kind = switch (t.kind()) {
                case CONTACT, DIALOG -> RouteStep.Kind.CONTACT;
                case TRUNK -> trunkTried ? RouteStep.Kind.FAILOVER : RouteStep.Kind.TRUNK;
                case RELAY -> RouteStep.Kind.RELAY;
            };
            trunkTried |= t.kind() == Target.Kind.TRUNK;
            out.add(new RouteStep(kind, t.label(), String.valueOf(t.requestUri())));
        }
        return out;
    }

    /** The callee as dialled: the Request-URI's user part, or the whole URI when it has none. */
    private static String user(Uri uri) {
        if (uri instanceof SipUri u && u.user() != null) return u.user();
        return String.valueOf(uri);
    }
}
