package org.clearline.core;

import java.util.List;
import java.util.Locale;
import java.util.Set;
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
    private final Set<String> hosts;
    private final List<ListeningPoint> points;

    /**
     * @param domain        home domain and realm
     * @param aliases       other names and addresses that mean this server
     * @param points        where we listen (their hosts are ours too)
     */
    public LocalIdentity(String domain, List<String> aliases, List<ListeningPoint> points) {
        this.domain = domain;
        java.util.HashSet<String> h = new java.util.HashSet<>();
        h.add(normalise(domain));
        for (String a : aliases) h.add(normalise(a));
        for (ListeningPoint p : points) h.add(normalise(p.host()));
        this.hosts = Set.copyOf(h);
        this.points = List.copyOf(points);
    }

    public String domain() {
        return domain;
    }

    /** True when {@code host} names this server (domain, alias or listening address). */
    public boolean isLocalHost(String host) {
        return host != null && hosts.contains(normalise(host));
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
        for (ListeningPoint p : points) {
            if (p.port() == port) return true;
        }
        return false;
    }

    private static String normalise(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) h = h.substring(0, h.length() - 1);
        return h;
    }
}
