package org.clearline.failures;

import java.util.Locale;
import java.util.Optional;

/**
 * Who reads an explanation. The same situation is told three ways, because the
 * three readers may know different things: the caller must not learn private
 * facts of the callee (issue 5, privacy), the account owner may learn everything
 * about their own line, the administrator everything about the server.
 */
public enum Audience {
    /** Whoever sent the request: the person placing the call, or the phone registering. */
    CALLER("caller"),
    /** The owner of the account the situation concerns: the callee's line, or the caller's own account. */
    OWNER("owner"),
    /** Whoever runs the server. */
    ADMIN("admin");

    private final String key;

    Audience(String key) {
        this.key = key;
    }

    /** The name used in bundle keys, on the command line and in the REST API. */
    public String key() {
        return key;
    }

    /** The audience named {@code key} (case-insensitive), or empty. */
    public static Optional<Audience> byKey(String key) {
        if (key == null) return Optional.empty();
        String k = key.strip().toLowerCase(Locale.ROOT);
        for (Audience a : values()) {
            if (a.key.equals(k)) return Optional.of(a);
        }
        return Optional.empty();
    }
}
