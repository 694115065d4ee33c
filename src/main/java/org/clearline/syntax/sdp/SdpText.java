package org.clearline.syntax.sdp;

import java.util.ArrayList;
import java.util.List;

/** The lexical pieces RFC 4566 §9 grammar shares: fields, tokens, numbers, and safe excerpts for errors. */
final class SdpText {
    private static final int MAX_EXCERPT = 32;
    private static final String[] NONE = new String[0];

    private SdpText() {}

    /**
     * The space-separated fields of a line's value. §5 asks for single spaces;
     * runs of spaces or tabs are accepted because some endpoints pad.
     */
    static String[] fields(String value) {
        List<String> out = null;
        int i = 0;
        int n = value.length();
        while (i < n) {
            while (i < n && isBlank(value.charAt(i))) i++;
            if (i == n) break;
            int start = i;
            while (i < n && !isBlank(value.charAt(i))) i++;
            if (out == null) out = new ArrayList<>(8);
            out.add(value.substring(start, i));
        }
        return out == null ? NONE : out.toArray(NONE);
    }

    /** "1 field", "0 fields". */
    static String fieldCount(int n) {
        return n == 1 ? "1 field" : n + " fields";
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** §9: token-char = %x21 / %x23-27 / %x2A-2B / %x2D-2E / %x30-39 / %x41-5A / %x5E-7E. */
    static boolean isToken(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == 0x21 || (c >= 0x23 && c <= 0x27) || c == 0x2A || c == 0x2B || c == 0x2D || c == 0x2E
                    || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x5E && c <= 0x7E);
            if (!ok) return false;
        }
        return true;
    }

    /**
     * The decimal value of {@code s} if it is 1 to 9 digits and at most {@code max}, else -1.
     * Nine digits keep the arithmetic inside an int.
     */
    static int smallNumber(String s, int max) {
        int n = s.length();
        if (n == 0 || n > 9) return -1;
        int v = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v <= max ? v : -1;
    }

    static boolean isDigits(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    /**
     * {@code s} in single quotes, cut to a few characters, with anything that
     * could break a Warning quoted-string (quotes, backslashes, controls,
     * non-ASCII) replaced by '?'.
     */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), MAX_EXCERPT) + 5).append('\'');
        int n = Math.min(s.length(), MAX_EXCERPT);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 || c > 0x7E || c == '"' || c == '\\' || c == '\'' ? '?' : c);
        }
        if (s.length() > MAX_EXCERPT) b.append("...");
        return b.append('\'').toString();
    }
}
