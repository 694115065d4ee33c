package org.clearline.core.auth;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of an Authorization / Proxy-Authorization header with the
 * Digest scheme (§22.4, RFC 2617 §3.2.2). Parsing never throws: a value that is
 * not a well-formed Digest credential gives null.
 */
public record DigestCredentials(String username, String realm, String nonce, String uri, String response,
                                String algorithm, String cnonce, String qop, String nc, String opaque) {

    /** Parses one header value; null unless it is a Digest credential with the mandatory parameters. */
    public static DigestCredentials parse(String value) {
        if (value == null) return null;
        String v = value.strip();
        if (v.length() < 7 || !v.regionMatches(true, 0, "Digest", 0, 6)
                || !(v.charAt(6) == ' ' || v.charAt(6) == '\t')) {
            return null;
        }
        Map<String, String> p = parseParams(v, 7);
        if (p == null) return null;
        DigestCredentials c = new DigestCredentials(p.get("username"), p.get("realm"), p.get("nonce"),
                p.get("uri"), p.get("response"), p.get("algorithm"), p.get("cnonce"), p.get("qop"),
                p.get("nc"), p.get("opaque"));
        if (c.username == null || c.realm == null || c.nonce == null || c.uri == null || c.response == null) {
            return null;
        }
        return c;
    }

    /** auth-param list: name=token or name="quoted string", comma separated; null if malformed. */
    private static Map<String, String> parseParams(String s, int from) {
        Map<String, String> out = new HashMap<>(16);
        int i = from;
        int n = s.length();
        while (i < n) {
            while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == ',')) i++;
            if (i >= n) break;
            int nameStart = i;
            // the name ends at '=' or at white space (§25.1: EQUAL = SWS "=" SWS, tabs included)
            while (i < n && s.charAt(i) != '=' && s.charAt(i) != ',' && s.charAt(i) != ' ' && s.charAt(i) != '\t') i++;
            String name = s.substring(nameStart, i).toLowerCase(Locale.ROOT);
            while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) i++;
            if (i >= n || s.charAt(i) != '=') return null;
            i++;
            while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) i++;
            String val;
            if (i < n && s.charAt(i) == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = s.charAt(i++);
                    if (c == '\\' && i < n) {
                        sb.append(s.charAt(i++));
                    } else if (c == '"') {
                        closed = true;
                        break;
                    } else {
                        sb.append(c);
                    }
                }
                if (!closed) return null;
                val = sb.toString();
            } else {
                int start = i;
                while (i < n && s.charAt(i) != ',' && s.charAt(i) != ' ' && s.charAt(i) != '\t') i++;
                val = s.substring(start, i);
            }
            if (name.isEmpty()) return null;
            out.putIfAbsent(name, val);
        }
        return out;
    }
}
