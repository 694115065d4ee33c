package org.clearline.transaction;

import java.time.Duration;

/**
 * The base timers of RFC 3261 §17 (Table 4); every other timer derives from them.
 *
 * @param t1 RTT estimate (default 500 ms)
 * @param t2 maximum retransmit interval for non-INVITE requests and INVITE responses (default 4 s)
 * @param t4 maximum duration a message remains in the network (default 5 s)
 */
public record TimerConfig(Duration t1, Duration t2, Duration t4) {
    public static final TimerConfig DEFAULT =
            new TimerConfig(Duration.ofMillis(500), Duration.ofSeconds(4), Duration.ofSeconds(5));

    public TimerConfig {
        if (t1.isNegative() || t1.isZero()) throw new IllegalArgumentException("T1 must be positive");
        if (t2.compareTo(t1) < 0) throw new IllegalArgumentException("T2 must not be below T1");
        if (t4.isNegative() || t4.isZero()) throw new IllegalArgumentException("T4 must be positive");
    }

    /** 64*T1: Timers B, F, H and J. */
    public Duration sixtyFourT1() {
        return t1.multipliedBy(64);
    }
}
