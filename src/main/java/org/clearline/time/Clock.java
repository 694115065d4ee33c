package org.clearline.time;

/**
 * Source of time, injected everywhere so tests drive timers without sleeping
 * (the Agrona {@code EpochClock}/{@code NanoClock} habit).
 */
public interface Clock {
    /** Monotonic time for intervals and timers. */
    long nanoTime();

    /** Wall-clock time for expiry instants that must survive a restart. */
    long epochMillis();

    Clock SYSTEM = new Clock() {
        @Override public long nanoTime() { return System.nanoTime(); }
        @Override public long epochMillis() { return System.currentTimeMillis(); }
    };
}
