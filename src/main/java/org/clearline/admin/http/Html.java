package org.clearline.admin.http;

/** HTML escaping for text and attribute values in server-rendered pages. */
public final class Html {
    private Html() {}

    public static String escape(String s) {
        // one escaping for every page and every ladder: control characters become U+FFFD too
        return org.clearline.ladder.Markup.escape(s);
    }
}
