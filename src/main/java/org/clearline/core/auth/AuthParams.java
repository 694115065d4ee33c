package org.clearline.core.auth;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The auth-param lists of Digest credentials and challenges (RFC 2617 §1.2, §3.2). Never throws. */
final class AuthParams {
    private AuthParams() {}

    /** Lower-cased names to unquoted values of a "Digest ..." value; null unless it is one and well-formed. */
    static Map<String, String> parseDigest(String value) {
        if (value == null) return null;
        String v = value.strip();
        if (v.length() < 7 || !v.regionMatches(true, 0, "Digest", 0, 6)
                || !(v.charAt(6) == ' ' || v.charAt(6) == '\t')) {
            return null;
        }
        return parseParams(v, 7);
    }

    /** auth-param list: name=token or name="quoted string", comma separated; null if malformed. */
    static Map<String, String> parseParams(String s, int from) {
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
