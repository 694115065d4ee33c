package org.clearline.calllog;

import org.clearline.core.proxy.CallOutcomes;
import org.clearline.core.registrar.Registrar;
import org.clearline.store.CallLogStore;
import org.clearline.time.Clock;
import org.clearline.transport.MessageTap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log as the server wires it: recorder, queue and writer together, or
 * nothing at all when the configuration turns it off. Off means off: no tap on
 * the transport, no hooks that do work, no thread, no database, so its cost can
 * be measured against a server without it.
 */
public final class CallLog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CallLog.class);
    /** Call log entries waiting for the writer; beyond this they are dropped and counted. */
    public static final int QUEUE_CAPACITY = 10_000;

    private final LogQueue queue;
    private final CallLogRecorder recorder;
    private final CallLogWriter writer;
    private final Clock clock;

    private CallLog(LogQueue queue, CallLogRecorder recorder, CallLogWriter writer, Clock clock) {
        this.queue = queue;
        this.recorder = recorder;
        this.writer = writer;
        this.clock = clock;
    }

    /** Starts the log's writer thread over {@code store}, or returns {@link #off()} when disabled. */
    public static CallLog start(CallLogSettings settings, CallLogStore store, Clock clock) {
        if (!settings.enabled()) return off();
        LogQueue queue = new LogQueue(QUEUE_CAPACITY);
        return new CallLog(queue, new CallLogRecorder(queue, clock, settings.ladders()),
                new CallLogWriter(queue, store, settings.retention()).start(), clock);
    }

    public static CallLog off() {
        return new CallLog(null, null, null, null);
    }

    public boolean enabled() {
        return recorder != null;
    }

    /** What the transport shows every message to; {@link MessageTap#NONE} when off. */
    public MessageTap tap() {
        return enabled() ? recorder : MessageTap.NONE;
    }

    /** The proxy's outcome and routing hooks. */
    public CallOutcomes outcomes() {
        return enabled() ? recorder : CallOutcomes.NONE;
    }

    /** The registrar's outcome hook. */
    public Registrar.Outcomes registrations() {
        return enabled() ? recorder : Registrar.Outcomes.NONE;
    }

    /** Housekeeping: closes exchanges that never ended, and asks the writer for a retention round. */
    public void housekeeping(long nowMillis) {
        if (!enabled()) return;
        recorder.sweep(nowMillis);
        writer.requestPurge(nowMillis);
    }

    /** Closes the failed calls whose ACK came or that waited long enough for it (a few times a second). */
    public int closeLingering(long nowMillis) {
        return enabled() ? recorder.closeLingering(nowMillis) : 0;
    }

    /** Entries waiting for the writer. */
    public int queueSize() {
        return enabled() ? queue.size() : 0;
    }

    /** Entries dropped because the writer fell behind. */
    public long dropped() {
        return enabled() ? queue.dropped() : 0;
    }

    /** Entries (calls and registration attempts) written so far. */
    public long written() {
        return enabled() ? writer.written() : 0;
    }

    /** Answered calls whose first messages the writer compressed while they went on. */
    public long compacted() {
        return enabled() ? writer.compacted() : 0;
    }

    /** Entries the store refused (a broken or unreachable log database). */
    public long failed() {
        return enabled() ? writer.failed() : 0;
    }

    /** Calls and registration attempts not traced because too many were in progress. */
    public long untraced() {
        return enabled() ? recorder.untraced() : 0;
    }

    /** Messages of logged exchanges not kept (their bounds, the byte budget, or lean). */
    public long messagesNotKept() {
        return enabled() ? queue.messagesNotKept() : 0;
    }

    /**
     * Lean while the server is short of memory: calls and registration attempts that
     * begin keep their summary and route but no messages (counted in
     * {@link #messagesNotKept}). Ignored when the log is off.
     */
    public void lean(boolean lean) {
        if (!enabled() || queue.lean() == lean) return;
        queue.lean(lean);
        if (lean) {
            log.warn("call log lean: new calls and registration attempts are logged without their messages");
        } else {
            log.info("call log keeps messages again ({} not kept so far)", queue.messagesNotKept());
        }
    }

    public boolean lean() {
        return enabled() && queue.lean();
    }

    /** Message bytes held in memory now (exchanges in progress and queued entries). */
    public long heldBytes() {
        return enabled() ? queue.heldBytes() : 0;
    }

    /**
     * Logs the calls and registration attempts still open as they stand, writes what is
     * queued, then stops the writer. Entries it had no time left for are counted as
     * dropped.
     */
    @Override
    public void close() {
        if (!enabled()) return;
        recorder.closeAll(clock.epochMillis());
        writer.close();
        int left = queue.discard();
        if (left > 0) {
            log.warn("call log: {} entries were not written before stopping", left);
        }
    }
}
