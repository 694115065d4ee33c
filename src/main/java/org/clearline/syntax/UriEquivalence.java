package org.clearline.syntax;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** SIP URI comparison, §19.1.4. */
final class UriEquivalence {
    private UriEquivalence() {}

    static boolean equivalent(SipUri a, SipUri b) {
        if (a == b) return true;
        if (a == null || b == null) return false;
        // sip and sips never match each other
        if (a.secure() != b.secure()) return false;
        // userinfo is case-sensitive, compared after unescaping
        if (!sameEscaped(a.user(), b.user(), false) || !sameEscaped(a.password(), b.password(), false)) return false;
        // host case-insensitive; an absent port is not the same as the default one
        if (!HostSyntax.canonical(a.host()).equals(HostSyntax.canonical(b.host()))) return false;
        if (a.port() != b.port()) return false;
        return sameParams(a.params(), b.params()) && sameHeaders(a.headers(), b.headers());
    }

    /**
     * A parameter present in both must match; user, ttl, method, maddr (and
     * transport, per the section's examples) present in only one never match;
     * any other parameter present in only one is ignored.
     */
    private static boolean sameParams(Params a, Params b) {
        Map<String, String> mb = paramMap(b);
        Map<String, String> ma = paramMap(a);
        for (Map.Entry<String, String> e : ma.entrySet()) {
            String name = e.getKey();
            if (mb.containsKey(name)) {
                if (!sameEscaped(e.getValue(), mb.get(name), true)) return false;
            } else if (mustAppearInBoth(name)) {
                return false;
            }
        }
        for (String name : mb.keySet()) {
            if (!ma.containsKey(name) && mustAppearInBoth(name)) return false;
        }
        return true;
    }

    private static boolean mustAppearInBoth(String name) {
        return switch (name) {
            case "user", "ttl", "method", "maddr", "transport" -> true;
            default -> false;
        };
    }

    private static Map<String, String> paramMap(Params p) {
        Map<String, String> m = new HashMap<>();
        for (Params.Param param : p.list()) {
            m.putIfAbsent(UriParser.unescape(param.name()).toLowerCase(Locale.ROOT), param.value());
        }
        return m;
    }

    /** URI headers are never ignored: both must carry the same set (order does not matter). */
    private static boolean sameHeaders(String a, String b) {
        return headerMap(a).equals(headerMap(b));
    }

    private static Map<String, String> headerMap(String headers) {
        Map<String, String> m = new HashMap<>();
        if (headers == null || headers.isEmpty()) return m;
        for (String h : headers.split("&", -1)) {
            int eq = h.indexOf('=');
            String name = eq < 0 ? h : h.substring(0, eq);
            String value = eq < 0 ? "" : h.substring(eq + 1);
            m.put(UriParser.unescape(name).toLowerCase(Locale.ROOT), UriParser.unescape(value));
        }
        return m;
    }

    private static boolean sameEscaped(String a, String b, boolean ignoreCase) {
        if (a == null || b == null) return a == b;
        String ua = UriParser.unescape(a);
        String ub = UriParser.unescape(b);
        return ignoreCase ? ua.equalsIgnoreCase(ub) : ua.equals(ub);
    }
}
