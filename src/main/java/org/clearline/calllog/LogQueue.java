package org.clearline.calllog;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The bounded hand-over from call handling to the writer. Offering never
 * blocks: when the writer falls behind, entries are dropped and counted, so
 * the log can lose records but never slows a call (issue 5).
 *
 * <p>It also keeps the log's byte budget: the message bytes held by calls and
 * registrations in progress and by entries waiting here. A message that would
 * go over it is not kept (its exchange counts it as dropped), so the log's
 * memory stays bounded however many long calls are open.
 *
 * <p>And it says whether the log is <em>lean</em>: while the server is short of
 * memory, calls and registration attempts that begin keep their summary but no
 * messages, so the log gives its share of the heap back to call handling as the
 * exchanges in progress end (see {@link #lean(boolean)}).
 */
public final class LogQueue {
    /** Message bytes the log holds at most, in progress and queued together. */
    public static final long DEFAULT_MAX_BYTES = 32L << 20;

    private final BlockingQueue<Pending> queue;
    /** Compaction requests wait only while the queue has at least this much room left: records come first. */
    private final int roomForCompaction;
    private final LongAdder dropped = new LongAdder();
    private final long maxBytes;
    private final AtomicLong heldBytes = new AtomicLong();
    /** Messages of logged exchanges not kept: over an exchange's bounds, the byte budget, or lean. */
    private final LongAdder messagesNotKept = new LongAdder();
    private volatile boolean lean;

    public LogQueue(int capacity) {
        this(capacity, DEFAULT_MAX_BYTES);
    }

    public LogQueue(int capacity, long maxBytes) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.roomForCompaction = capacity / 2;
        this.maxBytes = maxBytes;
    }

    void offer(Pending p) {
        if (!queue.offer(p)) {
            dropped.increment();
            release(p.heldBytes());
        }
    }

    /**
     * Asks the writer to compact an answered call's ladder. A queue more than half
     * full skips it (the room is kept for records): the call keeps its messages as
     * they are, nothing is lost or counted.
     */
    void offerCompaction(Pending.Compact p) {
        if (queue.remainingCapacity() > roomForCompaction) queue.offer(p);
    }

    /** Waits up to {@code timeoutMillis} for a first entry, then takes up to {@code max} without waiting. */
    int drain(List<Pending> into, int max, long timeoutMillis) throws InterruptedException {
        Pending first = queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        if (first == null) return 0;
        into.add(first);
        return 1 + queue.drainTo(into, max - 1);
    }

    /** Drops whatever is still queued (the writer has stopped), counted; returns how many records. */
    int discard() {
        int n = 0;
        for (Pending p; (p = queue.poll()) != null; ) {
            if (p instanceof Pending.Compact) continue;  // a request, no record
            dropped.increment();
            release(p.heldBytes());
            n++;
        }
        return n;
    }

    /** Takes {@code bytes} from the budget; false (and nothing taken) when they do not fit. */
    boolean reserve(long bytes) {
        while (true) {
            long held = heldBytes.get();
            if (held + bytes > maxBytes) return false;
            if (heldBytes.compareAndSet(held, held + bytes)) return true;
        }
    }

    /** Gives {@code bytes} back to the budget (written, dropped or not kept after all). */
    void release(long bytes) {
        if (bytes != 0) heldBytes.addAndGet(-bytes);
    }

    /** A message of a logged exchange was not kept; counted for the metrics. */
    void notKept() {
        messagesNotKept.increment();
    }

    /** Messages not kept so far, for all reasons together. */
    public long messagesNotKept() {
        return messagesNotKept.sum();
    }

    /**
     * Lean or not: the server's memory watch says when the heap stays full after
     * collections. Exchanges that begin while lean keep no messages (each is counted
     * as not kept); those already open keep theirs, within the budget.
     */
    public void lean(boolean lean) {
        this.lean = lean;
    }

    public boolean lean() {
        return lean;
    }

    /** Message bytes held now (calls in progress and queued entries). */
    public long heldBytes() {
        return heldBytes.get();
    }

    /** Records lost because the queue was full (for the CLI and metrics). */
    public long dropped() {
        return dropped.sum();
    }

    public int size() {
        return queue.size();
    }
}
