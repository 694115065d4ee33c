package org.clearline.admin.config;

import java.time.Duration;

/**
 * The {@code server.registrar} section: bounds of binding lifetimes (§10.3 steps 7-8).
 *
 * @param minExpires     shorter requests are refused with 423 and Min-Expires
 * @param maxExpires     longer requests are shortened to this
 * @param defaultExpires used when the REGISTER gives no expiry
 */
public record RegistrarConfig(Duration minExpires, Duration maxExpires, Duration defaultExpires) {
    public static final RegistrarConfig DEFAULT =
            new RegistrarConfig(Duration.ofSeconds(60), Duration.ofSeconds(3600), Duration.ofSeconds(3600));
}
