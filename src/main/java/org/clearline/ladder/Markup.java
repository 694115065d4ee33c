package org.clearline.ladder;

/**
 * Escaping for text and attribute values in SVG and HTML; every label and message comes from the wire.
 * Pages that embed a ladder (the trace analyzer's report) escape the rest of their text the same way.
 */
public final class Markup {
    private Markup() {}

    /** {@code s} safe as element text and as a quoted attribute value; characters XML 1.0 forbids become U+FFFD. */
    public static String escape(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    // control characters other than tab, CR and LF are not allowed in XML 1.0 text
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') b.append('\uFFFD');
                    else b.append(c);
                }
            }
        }
        return b.toString();
    }

    /** An id prefix that is safe in id attributes and URL fragments: letters, digits, '-' and '_' only. */
    static String idPrefix(String prefix) {
        StringBuilder b = new StringBuilder();
        for (char c : (prefix == null ? "" : prefix).toCharArray()) {
            b.append(Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_' ? c : '-');
        }
        return b.isEmpty() || !Character.isLetter(b.charAt(0)) ? "l" + b : b.toString();
    }

    /** {@code s} cut to {@code max} characters with an ellipsis, so a long URI keeps the arrow readable. */
    static String fit(String s, int max) {
        if (max < 2) return "";
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }
}
