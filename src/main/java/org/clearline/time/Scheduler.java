package org.clearline.time;

import java.time.Duration;

/**
 * Runs tasks later on the executor that owns the caller's state (one
 * scheduler per transaction shard), so timer callbacks need no locks.
 * Production uses the owning Netty event loop; tests use a manual scheduler
 * that advances virtual time.
 */
public interface Scheduler {
    /** Schedules {@code task} after {@code delay}; the handle cancels it. */
    Cancellable schedule(Duration delay, Runnable task);

    /** Runs {@code task} on the owning executor as soon as possible. */
    void execute(Runnable task);

    /** True when the calling thread is the owning executor. */
    boolean inExecutor();

    Clock clock();

    /** A scheduled task that may still be stopped. */
    interface Cancellable {
        void cancel();
    }
}
