package org.clearline.core.proxy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.clearline.core.LocalIdentity;
import org.clearline.core.routing.Target;
import org.clearline.syntax.HeaderNames;
import org.clearline.syntax.NameAddr;
import org.clearline.syntax.Params;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipSyntaxException;
import org.clearline.syntax.SipUri;
import org.clearline.syntax.Uri;
import org.clearline.syntax.Via;
import org.clearline.transport.Hosts;
import org.clearline.transport.ListeningPoint;
import org.clearline.transport.Peer;
import org.clearline.transport.Resolver;
import org.clearline.transport.TransportLayer;
import org.clearline.transport.TransportProtocol;

/**
 * Builds the copy of a request sent on one branch (§16.6 steps 1-8) and finds
 * its next hop. Does not send: the caller hands the result to a client
 * transaction (stateful) or the transport (stateless ACK).
 */
final class Forwarder {
    private final LocalIdentity identity;
    private final TransportLayer transport;
    private final Resolver resolver;
    private final ProxyConfig config;

    Forwarder(LocalIdentity identity, TransportLayer transport, Resolver resolver, ProxyConfig config) {
        this.identity = identity;
        this.transport = transport;
        this.resolver = resolver;
        this.config = config;
    }

    /** A request ready to go, and the URI that decides its next hop. */
    record Prepared(SipRequest request, SipUri nextHop) {}

    /**
     * §16.6 steps 1-6: copy, new Request-URI (null keeps it), Max-Forwards, Record-Route
     * (when {@code recordRoute}), the target's route set pushed on top, strict-route fix-up.
     * Returns null when the next hop is not a sip/sips URI.
     */
    Prepared prepare(SipRequest original, Target target, boolean recordRoute, TransportProtocol inbound) {
        SipRequest out = original.copy();
        if (target != null) {
            out.setRequestUri(target.requestUri());
            // step 6: a route set from the location service (Path) goes on top
            List<String> routes = target.routeSet();
            for (int i = routes.size() - 1; i >= 0; i--) out.addHeaderFirst(HeaderNames.ROUTE, routes.get(i));
            for (org.clearline.syntax.Header h : target.headers()) out.addHeader(h.name(), h.value());
        }
        // step 3
        int mf = original.maxForwards();
        out.setHeader(HeaderNames.MAX_FORWARDS, Integer.toString(mf < 0 ? config.defaultMaxForwards() : mf - 1));
        SipUri next = nextHopUri(out);
        if (next == null) return null;
        if (recordRoute) {
            // step 4; two entries when the call changes transport, so each side reaches us on its own
            TransportProtocol outbound = Hosts.transportOf(next);
            out.addHeaderFirst(HeaderNames.RECORD_ROUTE, recordRouteValue(inbound));
            if (outbound != inbound) out.addHeaderFirst(HeaderNames.RECORD_ROUTE, recordRouteValue(outbound));
        }
        return new Prepared(out, next);
    }

    /**
     * §16.6 steps 6-7: the next hop is the top Route if any, else the Request-URI; a
     * strict router on top (no ;lr) gets the Request-URI and the remote target moves
     * to the end of the Route set.
     */
    private SipUri nextHopUri(SipRequest out) {
        String top = firstRoute(out);
        if (top != null) {
            NameAddr route;
            try {
                route = NameAddr.parse(top);
            } catch (SipSyntaxException e) {
                return null;
            }
            SipUri ru = route.sipUri();
            if (ru == null) return null;
            if (!ru.looseRouting()) {
                out.addHeader(HeaderNames.ROUTE, "<" + out.requestUri() + ">");
                out.removeFirstValue(HeaderNames.ROUTE);
                out.setRequestUri(ru);
            }
            return ru;
        }
        Uri ruri = out.requestUri();
        return ruri instanceof SipUri s ? s : null;
    }

    private static String firstRoute(SipRequest r) {
        List<NameAddr> routes = r.addressList(HeaderNames.ROUTE);
        return routes.isEmpty() ? null : routes.get(0).toString();
    }

    /** Step 8: our Via on top, for the transport the next hop uses. */
    void addVia(SipRequest out, Peer destination, String branch) {
        ListeningPoint lp = localPoint(destination.protocol());
        Via via = new Via(lp.protocol().viaToken(), lp.host(), lp.port(), Params.EMPTY.with("branch", branch));
        out.addHeaderFirst(HeaderNames.VIA, via.toString());
    }

    CompletableFuture<Peer> resolve(SipUri nextHop) {
        Peer literal = Hosts.peerOfLiteral(nextHop);
        return literal != null ? CompletableFuture.completedFuture(literal) : resolver.resolve(nextHop);
    }

    /** True when a Via was written by this server (its sent-by is one of our listening points). */
    boolean isOurVia(Via via) {
        if (via == null) return false;
        for (ListeningPoint lp : transport.listeningPoints()) {
            if (lp.host().equalsIgnoreCase(via.host()) && (via.port() < 0 ? 5060 : via.port()) == lp.port()) {
                return true;
            }
        }
        return false;
    }

    private String recordRouteValue(TransportProtocol protocol) {
        ListeningPoint lp = localPoint(protocol);
        StringBuilder sb = new StringBuilder(48).append("<sip:").append(lp.hostPort());
        if (protocol != TransportProtocol.UDP) sb.append(";transport=").append(protocol.name().toLowerCase(java.util.Locale.ROOT));
        return sb.append(";lr>").toString();
    }

    private ListeningPoint localPoint(TransportProtocol protocol) {
        ListeningPoint lp = transport.listeningPoint(protocol);
        return lp != null ? lp : transport.listeningPoints().get(0);
    }

    LocalIdentity identity() {
        return identity;
    }
}
