package org.clearline.analyzer.calls;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The targets of recent INVITEs (user and host of the Request-URI) and when
 * each was last seen, for any Call-ID: a caller that follows a redirect may
 * start a new call to the Contact (§8.1.3.4). Bounded to {@link #MAX_TARGETS}.
 */
public final class RecentInvites {
    static final int MAX_TARGETS = 10_000;

    private record Seen(long micros, long seq) {}

    private final Map<String, Seen> targets = new LinkedHashMap<>(256, 0.75f, true);

    void seen(String requestUri, long micros, long seq) {
        targets.put(key(requestUri), new Seen(micros, seq));
        if (targets.size() > MAX_TARGETS) {
            Iterator<String> it = targets.keySet().iterator();
            it.next();
            it.remove();
        }
    }

    /**
     * True when an INVITE to {@code uri} (compared by user and host) was seen
     * after the message with trace position {@code afterSeq}.
     */
    public boolean invitedAfter(String uri, long afterSeq) {
        Seen s = targets.get(key(uri));
        return s != null && s.seq() > afterSeq;
    }

    /** "bob@192.0.2.1:5060" from "sip:bob@192.0.2.1:5060;transport=udp" (scheme, parameters, headers dropped). */
    static String key(String uri) {
        String u = uri.strip();
        int colon = u.indexOf(':');
        if (colon > 0 && colon < 6) u = u.substring(colon + 1);
        int cut = u.length();
        for (char c : new char[] {';', '?', '>'}) {
            int i = u.indexOf(c);
            if (i >= 0 && i < cut) cut = i;
        }
        return u.substring(0, cut).toLowerCase(Locale.ROOT);
    }
}
