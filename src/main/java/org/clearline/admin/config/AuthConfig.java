package org.clearline.admin.config;

import java.time.Duration;

/**
 * The {@code server.auth} section.
 *
 * @param nonceLifetime how long a digest nonce is accepted before the client is
 *                      challenged again with stale=true (RFC 7616 §3.3)
 */
public record AuthConfig(Duration nonceLifetime) {
    public static final AuthConfig DEFAULT = new AuthConfig(Duration.ofSeconds(300));
}
