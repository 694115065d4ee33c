package org.clearline.features;

import java.util.ArrayList;
import java.util.List;
import org.clearline.core.routing.Routing;
import org.clearline.core.routing.Target;
import org.clearline.syntax.Header;
import org.clearline.syntax.Params;
import org.clearline.syntax.SipUri;
import org.clearline.transport.TransportProtocol;

/**
 * Routes numbers that live elsewhere to trunks: the trunks whose longest
 * prefix matches, in configured order, with failover to the next on 408, any
 * 5xx or a transport error (which the proxy reports as 503), never on 6xx.
 */
public final class TrunkRouter {
    private final List<Trunk> trunks;

    public TrunkRouter(List<Trunk> trunks) {
        this.trunks = List.copyOf(trunks);
    }

    /** The trunks for {@code e164}, best prefix first; empty when none serves it. */
    List<Trunk> candidates(String e164) {
        int best = 0;
        List<Trunk> out = new ArrayList<>();
        for (Trunk t : trunks) {
            int len = longestPrefix(t, e164);
            if (len == 0) continue;
            if (len > best) {
                best = len;
                out.clear();
            }
            if (len == best) out.add(t);
        }
        return out;
    }

    /** A fork to the first candidate that fails over to the rest; null when no trunk serves the number. */
    public Routing route(String e164) {
        return route(e164, List.of());
    }

    /** As {@link #route(String)}, each attempt carrying {@code headers} (the History-Info of a followed forward). */
    public Routing route(String e164, List<Header> headers) {
        List<Trunk> c = candidates(e164);
        return c.isEmpty() ? null : attempt(e164, c, 0, headers);
    }

    private Routing attempt(String e164, List<Trunk> candidates, int index, List<Header> headers) {
        Trunk t = candidates.get(index);
        Routing.Continuation failover = index + 1 < candidates.size()
                ? failed -> failsOver(failed.status()) ? attempt(e164, candidates, index + 1, headers) : null
                : null;
        return new Routing.Fork(List.of(target(t, e164, headers)), null, failover);
    }

    /**
     * A timeout or a server failure (5xx, also our 503 for a transport error) is the
     * trunk's problem, so another trunk may do better; 4xx and 6xx are the callee's
     * answer, and a 6xx is definitive for every location (§21.6).
     */
    private static boolean failsOver(int status) {
        return status == 408 || (status >= 500 && status < 600);
    }

    private static Target target(Trunk t, String e164, List<Header> headers) {
        Params params = t.transport() == TransportProtocol.UDP ? Params.EMPTY
                : Params.EMPTY.with("transport", t.transport().lowerName());
        SipUri uri = new SipUri(false, e164, null, t.host(), t.port(), params.with("user", "phone"), null);
        return new Target(uri, List.of(), "trunk " + t.name(), headers, t.credentials(), Target.Kind.TRUNK);
    }

    private static int longestPrefix(Trunk t, String e164) {
        int len = 0;
        for (String p : t.prefixes()) {
            if (e164.startsWith(p) && p.length() > len) len = p.length();
        }
        return len;
    }
}
