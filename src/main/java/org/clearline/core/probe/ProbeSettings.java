package org.clearline.core.probe;

import java.time.Duration;

/**
 * Limits of the reachability probe, so a diagnosis can never become a flood.
 *
 * @param maxWait     the longest a probe waits for an answer (a diagnosis must not
 *                    wait out Timer F's 32 s); a request may ask for less, never more
 * @param maxInFlight OPTIONS outstanding at once over all accounts; beyond it a
 *                    binding is reported as not probed
 * @param reuseWithin a binding probed less than this long ago is not probed again:
 *                    the earlier result (or the probe still under way) is shared, so
 *                    a refreshing dashboard or a repeated command sends nothing new
 */
public record ProbeSettings(Duration maxWait, int maxInFlight, Duration reuseWithin) {
    public static final ProbeSettings DEFAULT = new ProbeSettings(Duration.ofSeconds(4), 64, Duration.ofSeconds(10));

    public ProbeSettings {
        if (maxWait.isNegative() || maxWait.isZero()) throw new IllegalArgumentException("maxWait must be positive");
        if (maxInFlight < 1) throw new IllegalArgumentException("maxInFlight must be at least 1");
        if (reuseWithin.isNegative()) throw new IllegalArgumentException("reuseWithin must not be negative");
    }
}
