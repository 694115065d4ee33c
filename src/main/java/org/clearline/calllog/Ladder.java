package org.clearline.calllog;

import java.util.ArrayList;
import java.util.List;
import org.clearline.store.LadderEncoder;

/**
 * The messages of one exchange in progress (a call or a registration attempt),
 * bounded in count and bytes per exchange and by the log's shared byte budget
 * ({@link LogQueue#reserve}); what does not fit is counted, not kept. Not
 * thread-safe: its trace synchronizes.
 *
 * <p>While the exchange goes on, the writer may replace its first messages by
 * one compressed {@link LadderEncoder.Part} ({@link #compacted}): an answered call
 * then holds a few hundred bytes until its BYE instead of its messages, and
 * gives the rest back to the budget.
 */
final class Ladder {
    /** False for an exchange that began while the log was lean: it only counts its messages. */
    private final boolean keeps;
    private final List<WireMessage> messages;
    /** The first messages, compressed; empty until the writer compacts the ladder. */
    private List<LadderEncoder.Part> parts = List.of();
    private int dropped;
    private long bytes;
    /**
     * Takes no more messages: handed on ({@link #close}) or let go of early
     * ({@link #forget}). Volatile so that the recorder can skip a message's work
     * without taking the exchange's lock.
     */
    private volatile boolean closed;

    /**
     * A ladder sized for {@code expected} messages, so a typical exchange never regrows
     * it; or, when {@code keeps} is false, one that only counts what it is offered.
     */
    Ladder(int expected, boolean keeps) {
        this.keeps = keeps;
        messages = keeps ? new ArrayList<>(expected) : List.of();
    }

    /**
     * What a closed ladder hands on: its first messages compressed (often none), the
     * messages after them, how many were dropped, the bytes they hold from the budget.
     */
    record Closed(List<LadderEncoder.Part> parts, List<WireMessage> messages, int dropped, long bytes) {}

    /** Keeps {@code m} if it fits the bounds and the budget, else counts it as dropped; ignored once closed. */
    void add(WireMessage m, Limits limits, LogQueue budget) {
        if (closed) return;  // handed on or let go of: it would hold bytes forever
        int size = m.wire().length;
        if (!keeps || messages.size() >= limits.maxMessages() || bytes + size > limits.maxBytes()
                || !budget.reserve(size)) {
            notKept(budget);
            return;
        }
        messages.add(m);
        bytes += size;
    }

    /**
     * Lets go of the messages before the end, when the exchange already turned out
     * as the {@code ladders} policy keeps no ladder of (an answered call under
     * {@code failed}): later messages are ignored, not counted. Returns the bytes
     * to give back to the budget.
     */
    long forget() {
        if (closed) return 0;
        closed = true;
        if (keeps) messages.clear();
        parts = List.of();
        long held = bytes;
        bytes = 0;
        return held;
    }

    /** True once the ladder takes no more messages (closed, or let go of early). */
    boolean closed() {
        return closed;
    }

    /** Whether messages are kept at all (false: the exchange began while the log was lean). */
    boolean keeps() {
        return keeps;
    }

    /** A message of this exchange was not kept (the caller made none for a ladder that {@link #keeps} nothing). */
    void notKept(LogQueue budget) {
        if (closed) return;
        dropped++;
        budget.notKept();
    }

    /** The messages kept and not yet compacted, in the order the transport saw them. */
    List<WireMessage> messages() {
        return List.copyOf(messages);
    }

    /**
     * The messages the writer may compact now: those kept so far when they hold at
     * least {@code minBytes}, else none (also once closed, and for a second part).
     */
    List<WireMessage> compactable(int minBytes) {
        if (closed || !keeps || !parts.isEmpty() || bytes < minBytes) return List.of();
        return List.copyOf(messages);
    }

    /**
     * The first {@code count} messages, {@code rawBytes} together, are now {@code part}
     * (the writer compressed what {@link #compactable} gave); returns the bytes to give
     * back to the budget. Nothing changes once the ladder was closed meanwhile: the
     * messages went on as they were.
     */
    long compacted(int count, long rawBytes, LadderEncoder.Part part) {
        if (closed || !parts.isEmpty() || count > messages.size()) return 0;
        messages.subList(0, count).clear();
        parts = List.of(part);
        long back = rawBytes - part.size();
        bytes -= back;
        return back;
    }

    /** Ends the ladder: later messages are ignored; the caller now owns the bytes held. */
    Closed close() {
        closed = true;
        Closed c = new Closed(parts, List.copyOf(messages), dropped, bytes);
        if (keeps) messages.clear();
        parts = List.of();
        bytes = 0;
        return c;
    }

    int dropped() {
        return dropped;
    }

    /** Bytes reserved from the budget for the messages kept. */
    long bytes() {
        return bytes;
    }

    /**
     * The recorder's bounds.
     *
     * @param maxMessages messages kept per call or registration attempt
     * @param maxBytes    bytes kept per call or registration attempt
     * @param maxCalls    calls traced with their messages at once; beyond it new calls keep their summary only
     * @param maxCallSummaries calls traced at once, with or without messages; beyond it new calls are not
     *                    logged (and counted)
     * @param maxRegistrations registration attempts traced at once
     */
    record Limits(int maxMessages, int maxBytes, int maxCalls, int maxCallSummaries, int maxRegistrations) {}
}
