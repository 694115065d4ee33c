package org.clearline.syntax;

import java.nio.charset.StandardCharsets;

/**
 * Reads one header's value straight from a message's bytes, without parsing the
 * message: for the rare moment something kept only the bytes of a message it sent
 * (a transaction waiting out its last timer) needs a field of it again. Header
 * names match case-insensitively, in full or compact form (§7.3.3); a folded value
 * (§7.3.1) is read up to its first line end, which the messages we write never have.
 */
public final class WireScan {
    private WireScan() {}

    /** The Call-ID of {@code message} (§20.8), or null when its header section has none. */
    public static String callId(byte[] message) {
        return value(message, HeaderNames.CALL_ID, "i");
    }

    /** The first value of the header {@code name} (or its {@code compact} form) in the header section; null if absent. */
    static String value(byte[] message, String name, String compact) {
        int p = lineAfter(message, 0);  // past the start line
        while (p < message.length) {
            int eol = lineEnd(message, p);
            if (eol == p) return null;  // the empty line: the header section is over
            int colon = nameEnd(message, p, eol, name);
            if (colon < 0) colon = nameEnd(message, p, eol, compact);
            if (colon >= 0) {
                int from = colon + 1;
                int to = eol;
                while (from < to && (message[from] == ' ' || message[from] == '\t')) from++;
                while (to > from && (message[to - 1] == ' ' || message[to - 1] == '\t')) to--;
                return new String(message, from, to - from, StandardCharsets.UTF_8);
            }
            p = lineAfter(message, p);
        }
        return null;
    }

    /** Where the line starting at {@code p} ends: its CR (of a CRLF) or LF, or the end of the bytes. */
    private static int lineEnd(byte[] m, int p) {
        int i = p;
        while (i < m.length && m[i] != '\n') i++;
        return i > p && m[i - 1] == '\r' ? i - 1 : i;
    }

    private static int lineAfter(byte[] m, int p) {
        int i = p;
        while (i < m.length && m[i] != '\n') i++;
        return i + 1;
    }

    /** The colon's index when the line at {@code p} is header {@code name}, else -1. */
    private static int nameEnd(byte[] m, int p, int eol, String name) {
        int n = name.length();
        if (eol - p <= n) return -1;
        for (int i = 0; i < n; i++) {
            if (Character.toLowerCase((char) m[p + i]) != Character.toLowerCase(name.charAt(i))) return -1;
        }
        int i = p + n;
        while (i < eol && (m[i] == ' ' || m[i] == '\t')) i++;
        return i < eol && m[i] == ':' ? i : -1;
    }
}
