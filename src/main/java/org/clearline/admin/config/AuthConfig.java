package org.clearline.admin.config;

import java.time.Duration;

/**
 * The {@code server.auth} section.
 *
 * @param nonceLifetime how long a digest nonce is accepted before the client is
 *                      challenged again with stale=true (RFC 7616 §3.3)
 * @param algorithms    digest algorithms offered in challenges, most preferred first
 *                      ("MD5", "SHA-256"); credentials of either are accepted whatever is
 *                      offered. MD5 alone by default: some phones (baresip 1.0 among them)
 *                      give up on a challenge list that names an algorithm they lack
 */
public record AuthConfig(Duration nonceLifetime, java.util.List<String> algorithms) {
    public static final AuthConfig DEFAULT = new AuthConfig(Duration.ofSeconds(300), java.util.List.of("MD5"));

    public AuthConfig {
        algorithms = java.util.List.copyOf(algorithms);
    }

    public AuthConfig(Duration nonceLifetime) {
        this(nonceLifetime, DEFAULT.algorithms());
    }
}
