package org.clearline.core;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.clearline.syntax.SipUri;
import org.clearline.syntax.Uri;
import org.clearline.transport.ListeningPoint;

/**
 * Who we are: the home domain (also the digest realm), its aliases, and the
 * addresses we listen on. Answers "is this host/URI ours?" for Request-URIs,
 * To/From domains and Route headers (§16.4).
 */
public final class LocalIdentity {
    private final String domain;
    private final Set<String> names;
    private final Supplier<List<ListeningPoint>> points;
    private volatile Set<String> hosts;

    /**
     * @param domain  home domain and realm
     * @param aliases other names and addresses that mean this server
     * @param points  where we listen (their hosts are ours too); read on first use,
     *                so it may be bound before the transport has started
     */
    public LocalIdentity(String domain, List<String> aliases, Supplier<List<ListeningPoint>> points) {
        this.domain = domain;
        java.util.HashSet<String> h = new java.util.HashSet<>();
        h.add(normalise(domain));
        for (String a : aliases) h.add(normalise(a));
        this.names = Set.copyOf(h);
        this.points = points;
    }

    /** With listening points known up front (tests, fixed configuration). */
    public LocalIdentity(String domain, List<String> aliases, List<ListeningPoint> points) {
        this(domain, aliases, () -> points);
    }

    public String domain() {
        return domain;
    }

    /** True when {@code host} names this server (domain, alias or listening address). */
    public boolean isLocalHost(String host) {
        return host != null && hosts().contains(normalise(host));
    }

    /** True when the URI's host is ours, whatever its port (domain check: To, From, Request-URI of REGISTER). */
    public boolean isLocalDomain(Uri uri) {
        return uri instanceof SipUri s && isLocalHost(s.host());
    }

    /**
     * True when the URI addresses this very server (host ours and port one we listen
     * on, or absent while we listen on the default port): a Route or Record-Route of ours.
     */
    public boolean isThisServer(Uri uri) {
        if (!(uri instanceof SipUri s) || !isLocalHost(s.host())) return false;
        int port = s.portOrDefault();
        for (ListeningPoint p : points.get()) {
            if (p.port() == port) return true;
        }
        return false;
    }

    private Set<String> hosts() {
        Set<String> h = hosts;
        if (h == null) {
            java.util.HashSet<String> all = new java.util.HashSet<>(names);
            for (ListeningPoint p : points.get()) all.add(normalise(p.host()));
            h = Set.copyOf(all);
            if (!points.get().isEmpty()) hosts = h; // cache once the transport is listening
        }
        return h;
    }

    private static String normalise(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) h = h.substring(0, h.length() - 1);
        return h;
    }
}
