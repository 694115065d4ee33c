package org.clearline.transport;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.clearline.time.Clock;
import org.clearline.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Scheduler} on one Netty {@link EventExecutor}: a transaction shard
 * owns a single thread, so its transactions and timers need no locks.
 * Tasks offered after shutdown are dropped (the server is stopping; there is
 * no one left to run them), never thrown back at the caller.
 */
public final class EventLoopScheduler implements Scheduler {
    private static final Logger log = LoggerFactory.getLogger(EventLoopScheduler.class);
    private static final Cancellable NOT_SCHEDULED = () -> {};

    private final EventExecutor executor;
    private final Clock clock;

    public EventLoopScheduler(EventExecutor executor, Clock clock) {
        this.executor = executor;
        this.clock = clock;
    }

    public EventLoopScheduler(EventExecutor executor) {
        this(executor, Clock.SYSTEM);
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        long nanos = Math.max(0, delay.toNanos());
        try {
            ScheduledFuture<?> f = executor.schedule(() -> runTimer(task), nanos, TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        } catch (RejectedExecutionException e) {
            log.debug("timer dropped: executor is shutting down");
            return NOT_SCHEDULED;
        }
    }

    @Override
    public void execute(Runnable task) {
        try {
            executor.execute(task);  // Netty logs a task that throws and carries on
        } catch (RejectedExecutionException e) {
            log.debug("task dropped: executor is shutting down");
        }
    }

    @Override
    public boolean inExecutor() {
        return executor.inEventLoop();
    }

    @Override
    public Clock clock() {
        return clock;
    }

    public EventExecutor executor() {
        return executor;
    }

    /**
     * A scheduled task's exception would otherwise vanish into its future; a
     * timer that throws is a bug above us, so it is logged and the shard goes on.
     */
    private static void runTimer(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warn("timer task failed", e);
        }
    }
}
