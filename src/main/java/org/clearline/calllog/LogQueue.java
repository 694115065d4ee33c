package org.clearline.calllog;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The bounded hand-over from call handling to the writer. Offering never
 * blocks: when the writer falls behind, entries are dropped and counted, so
 * the log can lose records but never slows a call (issue 5).
 */
public final class LogQueue {
    private final BlockingQueue<Pending> queue;
    private final LongAdder dropped = new LongAdder();

    public LogQueue(int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    void offer(Pending p) {
        if (!queue.offer(p)) dropped.increment();
    }

    /** Waits up to {@code timeoutMillis} for a first entry, then takes up to {@code max} without waiting. */
    int drain(List<Pending> into, int max, long timeoutMillis) throws InterruptedException {
        Pending first = queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        if (first == null) return 0;
        into.add(first);
        return 1 + queue.drainTo(into, max - 1);
    }

    /** Records lost because the queue was full (for the CLI and metrics). */
    public long dropped() {
        return dropped.sum();
    }

    public int size() {
        return queue.size();
    }
}
