package org.clearline.syntax;

import java.nio.charset.StandardCharsets;

/**
 * Reads one header's value straight from a message's bytes, without parsing the
 * message: for the rare moment something kept only the bytes of a message it sent
 * (a transaction waiting out its last timer) needs a field of it again. Names are
 * recognised as the parser recognises them ({@link HeaderNames}: any case, compact
 * forms of §7.3.3); a folded value (§7.3.1) is read up to its first line end, which
 * the messages we write never have.
 */
public final class WireScan {
    private WireScan() {}

    /** The Call-ID of {@code message} (§20.8), or null when its header section has none. */
    public static String callId(byte[] message) {
        return value(message, HeaderNames.CALL_ID);
    }

    /** The first value of the header {@code canonicalName} in the header section; null if absent. */
    static String value(byte[] m, String canonicalName) {
        int p = lineFeed(m, 0) + 1;  // past the start line
        while (p < m.length) {
            int lf = lineFeed(m, p);
            int eol = lf > p && m[lf - 1] == '\r' ? lf - 1 : lf;
            if (eol == p) return null;  // the empty line: the header section is over
            int nameEnd = p;
            while (nameEnd < eol && m[nameEnd] != ':' && m[nameEnd] != ' ' && m[nameEnd] != '\t') nameEnd++;
            int colon = nameEnd;
            while (colon < eol && (m[colon] == ' ' || m[colon] == '\t')) colon++;
            if (colon < eol && m[colon] == ':' && nameEnd > p
                    && canonicalName.equals(HeaderNames.canonical(m, p, nameEnd - p))) {
                int from = colon + 1;
                int to = eol;
                while (from < to && (m[from] == ' ' || m[from] == '\t')) from++;
                while (to > from && (m[to - 1] == ' ' || m[to - 1] == '\t')) to--;
                return new String(m, from, to - from, StandardCharsets.UTF_8);
            }
            p = lf + 1;
        }
        return null;
    }

    /** The index of the LF ending the line that starts at {@code p}, or the length when none does. */
    private static int lineFeed(byte[] m, int p) {
        int i = p;
        while (i < m.length && m[i] != '\n') i++;
        return i;
    }
}
