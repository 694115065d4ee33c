package org.clearline.calllog;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.clearline.store.CallLogStore;
import org.clearline.store.CallRecord;
import org.clearline.store.RegistrationRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes the log: takes whatever has queued up (up to a
 * batch) and stores it in one transaction, like the registrations' group
 * commit. A failed batch is dropped and counted; the log never stops calls.
 */
public final class CallLogWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CallLogWriter.class);
    /** Entries written per transaction at most. */
    static final int BATCH = 500;
    /** How long the thread waits for work before checking whether it should stop. */
    private static final long POLL_MILLIS = 200;
    /** Retention: rows older than this many days are purged by housekeeping. */
    public static final int RETENTION_DAYS = 30;
    /** Retention: at most this many calls (and as many registration attempts) are kept. */
    public static final int MAX_ROWS = 1_000_000;

    private final LogQueue queue;
    private final CallLogStore store;
    private final Thread thread;
    private final LongAdder written = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private volatile boolean running = true;

    public CallLogWriter(LogQueue queue, CallLogStore store) {
        this.queue = queue;
        this.store = store;
        this.thread = new Thread(this::run, "clearline-call-log");
        thread.setDaemon(true);
    }

    public CallLogWriter start() {
        thread.start();
        return this;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(BATCH);
        while (running || queue.size() > 0) {
            try {
                batch.clear();
                if (queue.drain(batch, BATCH, POLL_MILLIS) > 0) write(batch);
            } catch (InterruptedException e) {
                running = false;
            }
        }
    }

    /** Writes one batch now (the thread's work; tests call it directly). */
    void write(List<Pending> batch) {
        List<CallRecord> calls = new ArrayList<>();
        List<RegistrationRecord> registrations = new ArrayList<>();
        try {
            for (Pending p : batch) {
                switch (p) {
                    case Pending.Call c -> calls.add(Records.call(c));
                    case Pending.Registration r -> registrations.add(r.record());
                }
            }
            store.append(calls, registrations);
            written.add(batch.size());
        } catch (RuntimeException e) {
            failed.add(batch.size());
            log.warn("call log: {} entries could not be written: {}", batch.size(), e.toString());
        }
    }

    /** Retention (housekeeping): older than {@link #RETENTION_DAYS} or beyond {@link #MAX_ROWS}. */
    public int purge(long nowMillis) {
        return store.purge(nowMillis - RETENTION_DAYS * 86_400_000L, MAX_ROWS);
    }

    public long written() {
        return written.sum();
    }

    public long failed() {
        return failed.sum();
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
