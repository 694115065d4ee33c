package org.clearline.admin.server;

import org.clearline.store.JdbcStore;

/**
 * The maintenance switch, kept in the store so every process sees it: the CLI
 * and the REST API set it, a running stack polls it with the store version and
 * then answers new calls and registrations with 503 and Retry-After (§21.5.4).
 */
public final class Maintenance {
    /** Store meta key; its value is "on" or "off". */
    static final String META_KEY = "maintenance";

    private Maintenance() {}

    public static boolean on(JdbcStore store) {
        return store.meta(META_KEY).map("on"::equals).orElse(false);
    }

    public static void set(JdbcStore store, boolean on) {
        store.putMeta(META_KEY, on ? "on" : "off");
    }
}
