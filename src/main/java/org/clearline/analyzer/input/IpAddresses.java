package org.clearline.analyzer.input;

import java.util.Locale;

/**
 * Text forms of IP addresses and the ranges that matter behind NAT: RFC 1918
 * private IPv4, RFC 6598 shared (carrier-grade NAT) space, link-local
 * addresses, and RFC 4193 unique local IPv6 addresses. Pure string and byte
 * work: never a name lookup.
 */
public final class IpAddresses {
    private IpAddresses() {}

    /** Dotted quad of 4 bytes at {@code off}. */
    public static String v4(byte[] b, int off) {
        return (b[off] & 0xff) + "." + (b[off + 1] & 0xff) + "." + (b[off + 2] & 0xff) + "." + (b[off + 3] & 0xff);
    }

    /** RFC 5952 text of 16 bytes at {@code off}: lower case, the longest run of zero groups as "::". */
    public static String v6(byte[] b, int off) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) g[i] = ((b[off + 2 * i] & 0xff) << 8) | (b[off + 2 * i + 1] & 0xff);
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) { i++; continue; }
            int j = i;
            while (j < 8 && g[j] == 0) j++;
            if (j - i > bestLen) { bestStart = i; bestLen = j - i; }
            i = j;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') sb.append(':');
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    /** True for a dotted-quad IPv4 address or an IPv6 address (brackets allowed). */
    public static boolean isLiteral(String host) {
        return parseV4(host) != null || isV6(host);
    }

    /**
     * True for an address a router does not route on the public internet, so a
     * peer outside cannot send to it: RFC 1918, RFC 6598 (100.64/10), IPv4 and
     * IPv6 link-local, and RFC 4193 (fc00::/7). Loopback is not counted: it is a
     * test on one machine, not a NAT.
     */
    public static boolean isPrivate(String host) {
        int[] q = parseV4(host);
        if (q != null) {
            return q[0] == 10
                    || (q[0] == 172 && q[1] >= 16 && q[1] <= 31)
                    || (q[0] == 192 && q[1] == 168)
                    || (q[0] == 100 && q[1] >= 64 && q[1] <= 127)
                    || (q[0] == 169 && q[1] == 254);
        }
        if (!isV6(host)) return false;
        String h = strip(host).toLowerCase(Locale.ROOT);
        return h.startsWith("fc") || h.startsWith("fd") || h.startsWith("fe8") || h.startsWith("fe9")
                || h.startsWith("fea") || h.startsWith("feb");
    }

    /** True for 127.0.0.0/8 and ::1. */
    public static boolean isLoopback(String host) {
        int[] q = parseV4(host);
        if (q != null) return q[0] == 127;
        return isV6(host) && strip(host).equals("::1");
    }

    /** The four numbers of a dotted quad, or null. */
    static int[] parseV4(String host) {
        if (host == null || host.length() < 7 || host.length() > 15) return null;
        int[] q = new int[4];
        int part = 0;
        int digits = 0;
        int value = 0;
        for (int i = 0; i <= host.length(); i++) {
            char c = i < host.length() ? host.charAt(i) : '.';
            if (c == '.') {
                if (digits == 0 || part > 3) return null;
                q[part++] = value;
                digits = 0;
                value = 0;
            } else if (c >= '0' && c <= '9' && digits < 3) {
                value = value * 10 + (c - '0');
                digits++;
                if (value > 255) return null;
            } else {
                return null;
            }
        }
        return part == 4 ? q : null;
    }

    private static boolean isV6(String host) {
        if (host == null) return false;
        String h = strip(host);
        if (h.indexOf(':') < 0 || h.length() > 45) return false;
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.';
            if (!ok) return false;
        }
        return true;
    }

    private static String strip(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
