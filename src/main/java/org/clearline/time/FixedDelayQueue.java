package org.clearline.time;

import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Timers that all wait the same delay, such as the 64*T1 a finished transaction
 * lingers (Timers J, L and M) or its T4 (Timers I and K). Entries that wait the
 * same time expire in the order they were added, so a ring in insertion order
 * replaces the scheduler's priority queue: adding costs no comparison and no
 * object beyond the entry itself, and one scheduler timer at a time serves the
 * whole queue. At 1500 calls/s a shard holds some 100,000 such timers; as
 * separate scheduled tasks each took a task object, two closures and a place in
 * a binary heap of that size.
 *
 * <p>An entry never expires early. It may expire up to {@link #slackNanos} late:
 * after the queue's timer fires, the next one waits at least that long, so a
 * busy queue wakes its executor a few times a second instead of once per entry.
 * RFC 3261's linger timers are the least time state is kept, so a little later
 * is harmless. There is no cancel: the owner of an entry checks its own state
 * when told it expired, which is what a cancelled transaction timer did anyway.
 *
 * <p>Not thread-safe: {@link #add} and expiry run on the scheduler's executor.
 */
public final class FixedDelayQueue<E> {
    private static final Logger log = LoggerFactory.getLogger(FixedDelayQueue.class);
    private static final int MIN_CAPACITY = 16;
    /** The longest the slack gets, however long the delay. */
    static final long MAX_SLACK_NANOS = 100_000_000L;

    private final Scheduler scheduler;
    private final long delayNanos;
    private final long slackNanos;
    private final Consumer<? super E> onExpiry;
    private Object[] entries = new Object[MIN_CAPACITY];
    private long[] deadlines = new long[MIN_CAPACITY];
    private int head;
    private int size;
    private boolean armed;

    /** A queue whose entries wait {@code delay} on {@code scheduler}, then go to {@code onExpiry}. */
    public FixedDelayQueue(Scheduler scheduler, Duration delay, Consumer<? super E> onExpiry) {
        if (delay.isNegative()) throw new IllegalArgumentException("negative delay " + delay);
        this.scheduler = scheduler;
        this.delayNanos = delay.toNanos();
        // a 256th of the delay: 100 ms for 32 s (capped), 20 ms for T4's 5 s
        this.slackNanos = Math.min(MAX_SLACK_NANOS, delayNanos / 256);
        this.onExpiry = onExpiry;
    }

    /** How many entries wait. */
    public int size() {
        return size;
    }

    /** {@code entry} expires the queue's delay from now (at most the slack later). */
    public void add(E entry) {
        if (entry == null) throw new NullPointerException("entry");
        if (size == entries.length) resize(entries.length * 2);
        int tail = (head + size) & (entries.length - 1);
        entries[tail] = entry;
        deadlines[tail] = scheduler.clock().nanoTime() + delayNanos;
        size++;
        if (!armed) arm(delayNanos);
    }

    private void arm(long waitNanos) {
        armed = true;
        scheduler.schedule(Duration.ofNanos(waitNanos), this::expireDue);
    }

    private void expireDue() {
        armed = false;
        long now = scheduler.clock().nanoTime();
        while (size > 0 && deadlines[head] - now <= 0) {
            @SuppressWarnings("unchecked")
            E entry = (E) entries[head];
            entries[head] = null;
            head = (head + 1) & (entries.length - 1);
            size--;
            try {
                onExpiry.accept(entry);
            } catch (RuntimeException e) {
                // one owner's bug must not strand the entries behind it
                log.warn("expiry of {} failed", entry, e);
            }
        }
        if (size > 0) {
            arm(Math.max(deadlines[head] - now, slackNanos));
        }
        if (entries.length > MIN_CAPACITY && size < entries.length / 4) resize(entries.length / 2);
    }

    private void resize(int capacity) {
        Object[] e = new Object[capacity];
        long[] d = new long[capacity];
        int mask = entries.length - 1;
        for (int i = 0; i < size; i++) {
            int from = (head + i) & mask;
            e[i] = entries[from];
            d[i] = deadlines[from];
        }
        entries = e;
        deadlines = d;
        head = 0;
    }

    /** The most an entry expires late: slack of the re-armed timer. */
    long slackNanos() {
        return slackNanos;
    }
}
