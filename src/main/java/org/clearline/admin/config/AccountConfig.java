package org.clearline.admin.config;

import java.util.List;

/**
 * One entry of {@code accounts}.
 *
 * @param sipId       the SIP ID (digest username and AOR user part)
 * @param displayName shown in listings, may be empty
 * @param credentials a password, or HA1 values computed elsewhere for this realm
 * @param numbers     E.164 numbers of the account, exactly as declared
 * @param enabled     false keeps the account but refuses it service
 */
public record AccountConfig(String sipId, String displayName, Credentials credentials, List<String> numbers,
                            boolean enabled, org.clearline.store.LineSettings line) {
    public AccountConfig {
        numbers = List.copyOf(numbers);
    }

    /** A plain line (no features of its own). */
    public AccountConfig(String sipId, String displayName, Credentials credentials, List<String> numbers,
                         boolean enabled) {
        this(sipId, displayName, credentials, numbers, enabled, org.clearline.store.LineSettings.DEFAULT);
    }

    /** How the file proves the account's secret. */
    public sealed interface Credentials {
        /** A clear-text password; only its HA1 values are stored. */
        record Password(String password) implements Credentials {
            @Override
            public String toString() {
                return "Password[***]"; // keep secrets out of logs
            }
        }

        /** Pre-computed HA1 values (lower-case hex) for the configured realm. */
        record Ha1Values(String md5, String sha256) implements Credentials {}
    }
}
