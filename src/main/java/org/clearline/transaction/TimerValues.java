package org.clearline.transaction;

import java.time.Duration;

/**
 * The timers of RFC 3261 Table 4 (and RFC 6026's L and M), derived once from
 * {@link TimerConfig} so the hot path does no arithmetic on Durations it could share.
 * A zero value means "terminate at once" (reliable transports).
 */
final class TimerValues {
    final Duration t1;
    final Duration t2;
    final Duration t4;
    /** Timers B, F, H, J (unreliable), L and M: 64*T1. */
    final Duration sixtyFourT1;
    /**
     * Timer D: "at least 32 s" for unreliable transports (§17.1.1.2). It must
     * outlast the server's Timer G retransmissions, which last until Timer H (64*T1),
     * so a large T1 lengthens it too.
     */
    final Duration timerD;

    TimerValues(TimerConfig config) {
        this.t1 = config.t1();
        this.t2 = config.t2();
        this.t4 = config.t4();
        this.sixtyFourT1 = config.sixtyFourT1();
        Duration thirtyTwo = Duration.ofSeconds(32);
        this.timerD = sixtyFourT1.compareTo(thirtyTwo) > 0 ? sixtyFourT1 : thirtyTwo;
    }

    /** The next retransmit interval: doubled, capped at T2 (Timers E and G). */
    Duration doubledUpToT2(Duration interval) {
        Duration d = interval.multipliedBy(2);
        return d.compareTo(t2) > 0 ? t2 : d;
    }
}
