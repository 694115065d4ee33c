package org.clearline.syntax;

/** Splits comma-separated header values while respecting quoted strings and angle brackets (§7.3.1). */
final class ListSplitter {
    private ListSplitter() {}

    /** Index of the first comma outside quotes and {@code <...>}, or -1. */
    static int firstTopLevelComma(String s) {
        boolean quoted = false;
        int angle = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '\\') i++;
                else if (c == '"') quoted = false;
            } else if (c == '"') {
                quoted = true;
            } else if (c == '<') {
                angle++;
            } else if (c == '>') {
                if (angle > 0) angle--;
            } else if (c == ',' && angle == 0) {
                return i;
            }
        }
        return -1;
    }
}
