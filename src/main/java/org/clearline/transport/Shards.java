package org.clearline.transport;

import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.local.LocalIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.EventExecutorGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.clearline.time.Clock;
import org.clearline.time.Scheduler;

/**
 * The single-threaded executors the transaction layer shards calls over
 * (ARCHITECTURE.md, Threading): one {@link Scheduler} per thread. Either owns
 * its threads ({@link #create}) or borrows the executors of an existing group,
 * such as the transport's I/O loops ({@link #over}).
 */
public final class Shards implements AutoCloseable {
    /** How long {@link #close()} waits for queued tasks to finish. */
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);

    private final EventExecutorGroup group;
    private final boolean owned;
    private final List<Scheduler> schedulers;

    private Shards(EventExecutorGroup group, boolean owned, Clock clock) {
        this.group = group;
        this.owned = owned;
        List<Scheduler> list = new ArrayList<>();
        for (EventExecutor e : group) list.add(new EventLoopScheduler(e, clock));
        this.schedulers = List.copyOf(list);
    }

    /** {@code n} new shard threads named clearline-shard-*. */
    public static Shards create(int n, Clock clock) {
        if (n < 1) throw new IllegalArgumentException("shards must be at least 1, got " + n);
        return new Shards(new MultiThreadIoEventLoopGroup(n, new DefaultThreadFactory("clearline-shard"),
                LocalIoHandler.newFactory()), true, clock);
    }

    /** Shards over the executors of {@code group}, which the caller keeps owning (close does nothing). */
    public static Shards over(EventExecutorGroup group, Clock clock) {
        return new Shards(group, false, clock);
    }

    public List<Scheduler> schedulers() {
        return schedulers;
    }

    public int size() {
        return schedulers.size();
    }

    /** The shard for a hash, e.g. of a Call-ID: the same key always lands on the same thread. */
    public Scheduler forHash(int hash) {
        return schedulers.get(Math.floorMod(hash, schedulers.size()));
    }

    /**
     * Stops accepting work once the shards have been quiet for {@code quietPeriod}
     * and waits at most {@code timeout} for them to finish.
     *
     * @return true when every shard thread has ended
     */
    public boolean shutdownGracefully(Duration quietPeriod, Duration timeout) {
        if (!owned) return true;
        return group.shutdownGracefully(quietPeriod.toMillis(), timeout.toMillis(), TimeUnit.MILLISECONDS)
                .awaitUninterruptibly(timeout.toMillis() + quietPeriod.toMillis() + 1_000);
    }

    @Override
    public void close() {
        shutdownGracefully(Duration.ZERO, DEFAULT_SHUTDOWN_TIMEOUT);
    }
}
