package org.clearline.syntax;

import java.util.Locale;

/**
 * host = hostname / IPv4address / IPv6reference (§25.1), with the IPv6 rules
 * of RFC 5118: references are bracketed, and the "2001:db8:::192.0.2.1" quirk
 * of the RFC 3261 ABNF (three colons) is tolerated as "::" (RFC 5118 §4.10).
 */
final class HostSyntax {
    private HostSyntax() {}

    /** True when s[from, to) is a hostname, an IPv4 address or a bracketed IPv6 reference. */
    static boolean isHost(String s, int from, int to) {
        if (from >= to) return false;
        if (s.charAt(from) == '[') {
            return to - from > 2 && s.charAt(to - 1) == ']' && ipv6Groups(s, from + 1, to - 1) != null;
        }
        return (Chars.is(s.charAt(from), Chars.DIGIT) && isIpv4(s, from, to)) || isHostname(s, from, to);
    }

    /**
     * hostname = *( domainlabel "." ) toplabel [ "." ]: labels of alphanum and
     * '-' (not at either end); the top label starts with a letter, which is what
     * tells "example.com" from a malformed "192.0.2" or a bare "2001". An
     * underscore inside a label is tolerated, as deployed DNS names carry them.
     */
    static boolean isHostname(String s, int from, int to) {
        if (from >= to) return false;
        if (s.charAt(to - 1) == '.') to--;
        int labelStart = from;
        for (int i = from; i <= to; i++) {
            if (i == to || s.charAt(i) == '.') {
                if (i == labelStart) return false;
                char first = s.charAt(labelStart);
                char last = s.charAt(i - 1);
                if (!Chars.is(first, Chars.ALPHA | Chars.DIGIT) || !Chars.is(last, Chars.ALPHA | Chars.DIGIT)) {
                    return false;
                }
                if (i == to && !Chars.is(first, Chars.ALPHA)) return false;
                labelStart = i + 1;
            } else if (!Chars.is(s.charAt(i), Chars.HOSTNAME)) {
                return false;
            }
        }
        return true;
    }

    /** IPv4address = 1*3DIGIT "." 1*3DIGIT "." 1*3DIGIT "." 1*3DIGIT, each at most 255. */
    static boolean isIpv4(String s, int from, int to) {
        int parts = 0;
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || s.charAt(i) == '.') {
                if (i - start < 1 || i - start > 3 || Chars.digits(s, start, i, 255) < 0) return false;
                parts++;
                start = i + 1;
            }
        }
        return parts == 4;
    }

    /** The eight 16-bit groups of the IPv6 address s[from, to) (no brackets), or null if malformed. */
    static int[] ipv6Groups(String s, int from, int to) {
        String t = s.substring(from, to);
        int triple = t.indexOf(":::");
        if (triple >= 0) {
            // RFC 5118 §4.10: tolerate the RFC 3261 ABNF quirk, once
            t = t.substring(0, triple) + t.substring(triple + 1);
            if (t.contains(":::")) return null;
        }
        int gap = t.indexOf("::");
        if (gap >= 0 && t.indexOf("::", gap + 1) >= 0) return null;
        int[] head = new int[8];
        int[] tail = new int[8];
        int headCount;
        int tailCount = 0;
        if (gap < 0) {
            headCount = groups(t, 0, t.length(), head, 8);
            return headCount == 8 ? head : null;
        }
        headCount = gap == 0 ? 0 : groups(t, 0, gap, head, 7);
        if (headCount < 0) return null;
        if (gap + 2 < t.length()) {
            tailCount = groups(t, gap + 2, t.length(), tail, 7 - headCount);
            if (tailCount < 0) return null;
        }
        if (headCount + tailCount > 7) return null;
        int[] out = new int[8];
        System.arraycopy(head, 0, out, 0, headCount);
        System.arraycopy(tail, 0, out, 8 - tailCount, tailCount);
        return out;
    }

    /** Fills {@code out} with the groups of a colon list (last may be an IPv4 address); count or -1. */
    private static int groups(String t, int from, int to, int[] out, int max) {
        int n = 0;
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || t.charAt(i) == ':') {
                if (i == start) return -1;
                if (i == to && hasDot(t, start, to)) {
                    if (!isIpv4(t, start, to) || n + 2 > max) return -1;
                    int[] v4 = new int[4];
                    int p = 0;
                    int s0 = start;
                    for (int j = start; j <= to; j++) {
                        if (j == to || t.charAt(j) == '.') {
                            v4[p++] = (int) Chars.digits(t, s0, j, 255);
                            s0 = j + 1;
                        }
                    }
                    out[n++] = v4[0] << 8 | v4[1];
                    out[n++] = v4[2] << 8 | v4[3];
                    return n;
                }
                if (i - start > 4 || n >= max) return -1;
                int v = 0;
                for (int j = start; j < i; j++) {
                    int h = Chars.hexValue(t.charAt(j));
                    if (h < 0) return -1;
                    v = v << 4 | h;
                }
                out[n++] = v;
                start = i + 1;
            }
        }
        return n;
    }

    private static boolean hasDot(String t, int from, int to) {
        for (int i = from; i < to; i++) {
            if (t.charAt(i) == '.') return true;
        }
        return false;
    }

    /**
     * A host in the form used to compare hosts (§19.1.4: case-insensitive):
     * lower case, and IPv6 references reduced to one spelling so that
     * "[2001:DB8::1]" and "[2001:db8:0::1]" compare equal.
     */
    static String canonical(String host) {
        if (host.length() > 2 && host.charAt(0) == '[' && host.charAt(host.length() - 1) == ']') {
            int[] g = ipv6Groups(host, 1, host.length() - 1);
            if (g != null) {
                StringBuilder sb = new StringBuilder(41).append('[');
                for (int i = 0; i < 8; i++) {
                    if (i > 0) sb.append(':');
                    sb.append(Integer.toHexString(g[i]));
                }
                return sb.append(']').toString();
            }
        }
        return host.toLowerCase(Locale.ROOT);
    }
}
