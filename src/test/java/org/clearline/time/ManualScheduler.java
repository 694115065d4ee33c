package org.clearline.time;

import java.time.Duration;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A {@link Scheduler} on virtual time, for tests: nothing runs until the test says so.
 *
 * <ul>
 *   <li>{@link #execute} only queues the task; {@link #runPending()} (or any
 *       {@link #advance}) runs the queue, including tasks queued while it runs.
 *       Queuing rather than running at once mirrors an event loop, so re-entrant
 *       call paths (a send failure reported in the middle of a send) behave as in
 *       production.</li>
 *   <li>{@link #schedule} registers a timer on the shared {@link ManualClock};
 *       {@link #advance} fires due timers of every scheduler of that clock in
 *       time order.</li>
 *   <li>{@link #inExecutor()} is true on the thread that created the scheduler
 *       (the test thread, which plays the owning executor), so code that hops
 *       threads when called from elsewhere runs inline in tests.</li>
 *   <li>An exception thrown by a task propagates to the test that ran it.</li>
 * </ul>
 *
 * {@code execute} and {@code schedule} may be called from any thread (a test's
 * background worker completing a future); running happens on the test thread.
 */
public final class ManualScheduler implements Scheduler {
    private final ManualClock clock;
    private final String name;
    private final Thread owner;
    private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>(Timer::compare);
    private long executed;

    /** A scheduler on a fresh clock of its own. */
    public ManualScheduler() {
        this(new ManualClock(), "manual");
    }

    public ManualScheduler(ManualClock clock) {
        this(clock, "manual-" + clock.schedulers().size());
    }

    public ManualScheduler(ManualClock clock, String name) {
        this.clock = clock;
        this.name = name;
        this.owner = Thread.currentThread();
        clock.attach(this);
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        long d = delay.isNegative() ? 0 : delay.toNanos();
        Timer t = new Timer(clock.nanoTime() + d, clock.nextSequence(), task);
        synchronized (timers) {
            timers.add(t);
        }
        return t;
    }

    @Override
    public void execute(Runnable task) {
        pending.add(task);
    }

    @Override
    public boolean inExecutor() {
        return Thread.currentThread() == owner;
    }

    @Override
    public ManualClock clock() {
        return clock;
    }

    /** Runs queued {@link #execute} tasks until the queue is empty; returns how many ran. */
    public int runPending() {
        int ran = 0;
        Runnable r;
        while ((r = pending.poll()) != null) {
            ran++;
            executed++;
            r.run();
        }
        return ran;
    }

    /** Advances the shared clock (see {@link ManualClock#advance}). */
    public void advance(Duration delta) {
        clock.advance(delta);
    }

    /** Timers scheduled and neither run nor cancelled. */
    public int scheduledTimers() {
        synchronized (timers) {
            int n = 0;
            for (Timer t : timers) {
                if (!t.cancelled) n++;
            }
            return n;
        }
    }

    /** Delay until the next live timer, or null when none is scheduled. */
    public Duration nextTimerIn() {
        Timer t = peekTimer();
        return t == null ? null : Duration.ofNanos(t.due - clock.nanoTime());
    }

    /** Tasks queued by {@link #execute} and not yet run. */
    public int pendingTasks() {
        return pending.size();
    }

    /** Tasks run so far from the execute queue (a test can prove work went through this shard). */
    public long executedTasks() {
        return executed;
    }

    @Override
    public String toString() {
        return name;
    }

    Timer peekTimer() {
        synchronized (timers) {
            Timer t;
            while ((t = timers.peek()) != null && t.cancelled) timers.poll();
            return t;
        }
    }

    void runTimer(Timer t) {
        synchronized (timers) {
            timers.remove(t);
        }
        if (t.cancelled) return;
        t.cancelled = true; // a cancel() after running is a no-op
        t.task.run();
    }

    /** One scheduled task; cancelling marks it, the queue drops it lazily. */
    static final class Timer implements Cancellable {
        final long due;
        final long sequence;
        final Runnable task;
        volatile boolean cancelled;

        Timer(long due, long sequence, Runnable task) {
            this.due = due;
            this.sequence = sequence;
            this.task = task;
        }

        boolean before(Timer other) {
            return compare(this, other) < 0;
        }

        static int compare(Timer a, Timer b) {
            int c = Long.compare(a.due, b.due);
            return c != 0 ? c : Long.compare(a.sequence, b.sequence);
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }
}
