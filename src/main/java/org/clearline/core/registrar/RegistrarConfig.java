package org.clearline.core.registrar;

import java.time.Duration;

/**
 * Registrar policy (§10.3).
 *
 * @param minExpires     shortest accepted non-zero expiry; shorter gets 423 with Min-Expires
 * @param maxExpires     longer requested expiries are cut down to this
 * @param defaultExpires used when the REGISTER names none
 * @param maxContacts    bindings per account; more are refused with 403
 */
public record RegistrarConfig(Duration minExpires, Duration maxExpires, Duration defaultExpires, int maxContacts) {
    public static final RegistrarConfig DEFAULT =
            new RegistrarConfig(Duration.ofSeconds(60), Duration.ofSeconds(3600), Duration.ofSeconds(3600), 10);
}
