package org.clearline.admin.config;

import java.util.Optional;

/**
 * The {@code server.http} section: the administration listener that serves the
 * REST API ({@code /api/v1}), the web dashboard and the Prometheus metrics.
 *
 * @param enabled  false: no HTTP listener at all (the CLI then reads the store directly)
 * @param listen   IP address to bind; loopback by default, because the API can change accounts
 * @param port     TCP port to bind (0: any free port, announced in the data directory)
 * @param password dashboard password of the user {@code admin}; without it the admin token is the password
 */
public record HttpConfig(boolean enabled, String listen, int port, Optional<String> password) {
    public static final HttpConfig DEFAULT = new HttpConfig(true, "127.0.0.1", 8080, Optional.empty());

    /** The same section with another port (the CLI's --http-port). */
    public HttpConfig withPort(int newPort) {
        return new HttpConfig(enabled, listen, newPort, password);
    }
}
