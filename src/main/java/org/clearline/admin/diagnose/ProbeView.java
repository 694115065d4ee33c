package org.clearline.admin.diagnose;

import org.clearline.admin.diagnose.Diagnosis.Probe;
import org.clearline.core.probe.Reachability;
import org.clearline.transport.Peer;

/** A probe's outcome as the diagnosis shows it. */
final class ProbeView {
    static final String ANSWERED = "answered";
    static final String TIMEOUT = "timeout";
    static final String TRANSPORT_ERROR = "transport-error";
    static final String MALFORMED = "malformed";
    static final String NOT_PROBED = "not-probed";

    private ProbeView() {}

    static Probe of(Reachability r) {
        if (r == null) return null;
        return switch (r) {
            case Reachability.Answered a -> new Probe(ANSWERED, true, text(a.destination()), a.status(), a.reason(),
                    a.roundTripMillis(), null, a.allow(), a.userAgent(), a.server(), null);
            case Reachability.TimedOut t -> new Probe(TIMEOUT, false, text(t.destination()), null, null, null,
                    t.waitedMillis(), null, null, null, null);
            case Reachability.Unsendable u -> new Probe(TRANSPORT_ERROR, false, text(u.destination()), null, null,
                    null, null, null, null, null, u.problem());
            case Reachability.Malformed m -> new Probe(MALFORMED, true, text(m.destination()), null, null,
                    m.roundTripMillis(), null, null, null, null, m.problem());
            case Reachability.NotProbed n -> new Probe(NOT_PROBED, false, null, null, null, null, null, null, null,
                    null, n.reason());
        };
    }

    /** What a probe says in a few words: "200 OK in 12 ms", "no answer within 4 s". */
    static String summary(Probe p) {
        if (p == null) return "not checked";
        return switch (p.result()) {
            case ANSWERED -> p.status() + " " + p.reason() + " in " + p.roundTripMs() + " ms";
            case TIMEOUT -> "no answer within " + seconds(p.waitedMs());
            case TRANSPORT_ERROR -> "could not send: " + p.problem();
            case MALFORMED -> "malformed answer: " + p.problem();
            default -> "not probed: " + p.problem();
        };
    }

    static String seconds(Long millis) {
        if (millis == null) return "?";
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static String text(Peer p) {
        return p == null ? null : p.toString();
    }
}
