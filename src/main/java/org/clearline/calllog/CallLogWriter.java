package org.clearline.calllog;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.clearline.store.CallLogStore;
import org.clearline.store.CallRecord;
import org.clearline.store.LadderEncoder;
import org.clearline.store.RegistrationRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes the log. It takes what has queued up every
 * {@link #PASS_MILLIS} and encodes it at once: an answered call's first messages
 * are compressed ({@link Pending.Compact}), a closed call or registration attempt
 * becomes its row and compressed ladder. The rows gather and are stored together
 * in one transaction, like the registrations' group commit, when {@link #BATCH} of
 * them are ready or the first has waited {@link #LINGER_MILLIS}. A failed batch is
 * dropped and counted; the log never stops calls.
 *
 * <p>Encoding at once and storing later keeps what the log holds short-lived: the
 * message bytes of a call are let go of within a pass of its answer or its end,
 * not after the next commit, so most die young instead of being copied by the
 * collector from one generation to the next (bench/RESULTS.md, eighteenth pass).
 *
 * <p>Retention runs on this thread too, one bounded chunk between two batches
 * ({@link CallLogStore#purgeChunk}), so purging a large backlog never holds up
 * writing for long.
 */
public final class CallLogWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CallLogWriter.class);
    /** Rows (calls and registration attempts) stored per transaction at most. */
    static final int BATCH = 500;
    /**
     * How often the writer takes what has queued up while there is work: short, so
     * that message bytes are let go of soon, and long enough that a pass takes many
     * entries instead of waking the thread for each.
     */
    static final long PASS_MILLIS = 20;
    /**
     * An answered call's messages are compressed while it goes on once they hold at
     * least this many bytes (the benchmark's call has about 5 KB by its 200 OK).
     */
    static final int COMPACT_MIN_BYTES = 1024;
    /** Rows one retention step deletes per rule at most. */
    static final int PURGE_CHUNK = 1_000;
    /**
     * Rows wait at most this long for a batch to fill before they are stored (log rows appear
     * this much later). Every commit costs H2 a store of its changed pages and a pass over its
     * chunk list, whatever the batch's size, so a few commits a second cost less than many.
     */
    static final long LINGER_MILLIS = 200;
    /** How long the thread waits for work, when it has none, before checking whether it should stop. */
    private static final long POLL_MILLIS = 200;
    /** Retention: rows older than this many days are purged by housekeeping (the default). */
    public static final int RETENTION_DAYS = CallLogSettings.Retention.DEFAULT.days();
    /** Retention: at most this many calls (and as many registration attempts) are kept (the default). */
    public static final int MAX_ROWS = CallLogSettings.Retention.DEFAULT.maxCalls();

    private final LogQueue queue;
    private final CallLogStore store;
    private final CallLogSettings.Retention retention;
    private final Thread thread;
    private final LongAdder written = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder purged = new LongAdder();
    private final LongAdder compacted = new LongAdder();
    /** The writer thread's (and {@link #write}'s callers': tests, one at a time). */
    private final PeerTexts peers = new PeerTexts();
    private volatile boolean running = true;
    /** Failed batches are reported at most this often. */
    private static final long WARN_EVERY_NANOS = 30_000_000_000L;
    private long lastWarning = Long.MIN_VALUE;
    private long unreported;
    /** The time a purge was asked for; Long.MIN_VALUE when none is pending. */
    private volatile long purgeAt = Long.MIN_VALUE;

    public CallLogWriter(LogQueue queue, CallLogStore store) {
        this(queue, store, CallLogSettings.Retention.DEFAULT);
    }

    public CallLogWriter(LogQueue queue, CallLogStore store, CallLogSettings.Retention retention) {
        this.queue = queue;
        this.store = store;
        this.retention = retention;
        this.thread = new Thread(this::run, "clearline-call-log");
        thread.setDaemon(true);
    }

    public CallLogWriter start() {
        thread.start();
        return this;
    }

    private void run() {
        List<Pending> taken = new ArrayList<>(BATCH);
        Gathered rows = new Gathered();
        while (running || queue.size() > 0) {
            try {
                taken.clear();
                long wait = rows.isEmpty() ? POLL_MILLIS : Math.max(1, LINGER_MILLIS - rows.waitedFor());
                if (queue.drain(taken, BATCH, Math.min(wait, POLL_MILLIS)) > 0) {
                    for (Pending p : taken) {
                        rows.add(p);
                        if (rows.size() >= BATCH) rows.store();
                    }
                }
                if (!rows.isEmpty() && (rows.waitedFor() >= LINGER_MILLIS || !running)) rows.store();
                if (rows.isEmpty()) rows.close();  // a pass of compactions only: the next takes a fresh encoder
                if (rows.isEmpty() && purgeAt != Long.MIN_VALUE && running) purgeStep();
                // a pass that found less than a batch: let the next gather rather than wake per entry
                if (running && taken.size() < BATCH && !taken.isEmpty()) Thread.sleep(PASS_MILLIS);
            } catch (InterruptedException e) {
                running = false;
            }
        }
        rows.store();  // and closes the encoder
    }

    /** Writes one batch now (the thread's work; tests call it directly). */
    void write(List<Pending> batch) {
        try (Gathered rows = new Gathered()) {
            for (Pending p : batch) rows.add(p);
            rows.store();
        }
    }

    /**
     * Rows encoded and waiting to be stored together, with the encoder they were
     * made with (kept until they are stored: its compressor and buffers are reused).
     */
    private final class Gathered implements AutoCloseable {
        private final List<CallLogStore.Encoded<CallRecord>> calls = new ArrayList<>();
        private final List<CallLogStore.Encoded<RegistrationRecord>> registrations = new ArrayList<>();
        private LadderEncoder encoder;
        private long firstAt;

        /** Encodes {@code p} now and lets go of the message bytes it held; a compaction is done at once. */
        void add(Pending p) {
            try {
                if (encoder == null) encoder = store.encoder();
                switch (p) {
                    case Pending.Call c -> gather(calls, Records.encoded(c, encoder, peers));
                    case Pending.Registration r -> gather(registrations, Records.encoded(r, encoder, peers));
                    case Pending.Compact k -> compact(k.exchange(), encoder);
                }
            } catch (RuntimeException e) {
                if (!(p instanceof Pending.Compact)) {
                    failed.increment();
                    warnFailed(1, e);
                }
            } finally {
                queue.release(p.heldBytes());
            }
        }

        private <T> void gather(List<CallLogStore.Encoded<T>> into, CallLogStore.Encoded<T> row) {
            if (isEmpty()) firstAt = System.nanoTime();
            into.add(row);
        }

        int size() {
            return calls.size() + registrations.size();
        }

        boolean isEmpty() {
            return size() == 0;
        }

        /** Milliseconds since the first row waiting was gathered. */
        long waitedFor() {
            return (System.nanoTime() - firstAt) / 1_000_000;
        }

        /** Stores the rows gathered in one transaction (counted as failed if it fails), and starts anew. */
        void store() {
            int records = size();
            try {
                if (records > 0) {
                    store.appendEncoded(calls, registrations);
                    written.add(records);
                }
            } catch (RuntimeException e) {
                failed.add(records);
                warnFailed(records, e);
            } finally {
                calls.clear();
                registrations.clear();
                close();  // a new encoder for the next rows: the dictionary may have changed meanwhile
            }
        }

        @Override
        public void close() {
            if (encoder != null) encoder.close();
            encoder = null;
        }
    }

    /**
     * Compresses the messages an answered call has so far into one part, so that it
     * holds a few hundred bytes while it lasts; the difference goes back to the budget.
     * The call's own threads go on adding messages meanwhile (after the part); a call
     * that ended meanwhile keeps its messages as they were.
     */
    private void compact(Exchange exchange, LadderEncoder encoder) {
        List<WireMessage> taken = exchange.compactable(COMPACT_MIN_BYTES);
        if (taken.isEmpty()) return;
        LadderEncoder.Part part = encoder.part(Records.wire(taken, peers));
        if (part == null) return;
        long raw = 0;
        for (WireMessage m : taken) raw += m.wire().length;
        if (part.size() >= raw) return;
        long back = exchange.compacted(taken.size(), raw, part);
        if (back > 0) {
            queue.release(back);
            compacted.increment();
        }
    }

    /** A broken log fails every batch: one warning per {@link #WARN_EVERY_NANOS}, with the count since the last. */
    private void warnFailed(int entries, RuntimeException e) {
        unreported += entries;
        long now = System.nanoTime();
        if (lastWarning != Long.MIN_VALUE && now - lastWarning < WARN_EVERY_NANOS) return;
        log.warn("call log: {} entries could not be written: {}", unreported, e.getMessage());
        lastWarning = now;
        unreported = 0;
    }

    /** Housekeeping asks for retention; the writer thread carries it out in chunks between batches. */
    public void requestPurge(long nowMillis) {
        purgeAt = nowMillis;
    }

    /** One retention chunk; the purge stays pending until a chunk finds nothing left to drop. */
    private void purgeStep() {
        long now = purgeAt;
        try {
            int n = store.purgeChunk(now - retention.maxAgeMillis(), retention.maxCalls(),
                    retention.maxRegistrations(), PURGE_CHUNK);
            purged.add(n);
            if (n == 0 && purgeAt == now) purgeAt = Long.MIN_VALUE;
        } catch (RuntimeException e) {
            purgeAt = Long.MIN_VALUE;  // tried again at the next housekeeping round
            log.warn("call log: retention failed: {}", e.toString());
        }
    }

    /** Retention now, on the caller's thread, chunk by chunk until done; returns rows dropped. */
    public int purge(long nowMillis) {
        int total = 0;
        for (int n; (n = store.purgeChunk(nowMillis - retention.maxAgeMillis(), retention.maxCalls(),
                retention.maxRegistrations(), PURGE_CHUNK)) > 0; ) {
            total += n;
        }
        purged.add(total);
        return total;
    }

    public long written() {
        return written.sum();
    }

    public long failed() {
        return failed.sum();
    }

    /** Answered calls whose first messages were compressed while they went on. */
    public long compacted() {
        return compacted.sum();
    }

    /** Rows dropped by retention so far. */
    public long purged() {
        return purged.sum();
    }

    /** Writes what is queued, then stops. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
