package org.clearline.calllog;

import java.util.List;
import org.clearline.store.LadderEncoder;

/**
 * What a call and a registration attempt in progress share: the ladder of
 * their messages, bounded per exchange and by the log's byte budget. Messages
 * arrive on I/O threads and shards, so the methods synchronize on the exchange
 * (uncontended: one exchange's messages mostly stay on one thread).
 */
abstract sealed class Exchange permits CallTrace, RegistrationTrace {
    private final Ladder ladder;

    /**
     * {@code expectedMessages}: what a typical exchange of the kind has (its ladder is
     * sized for them); {@code keepsMessages} false when it began while the log was lean.
     */
    Exchange(int expectedMessages, boolean keepsMessages) {
        this.ladder = new Ladder(expectedMessages, keepsMessages);
    }

    final synchronized void add(WireMessage m, Ladder.Limits limits, LogQueue budget) {
        ladder.add(m, limits, budget);
    }

    /** Whether this exchange keeps messages at all (fixed when it began). */
    final boolean keepsMessages() {
        return ladder.keeps();
    }

    /** A message of an exchange that {@link #keepsMessages keeps none}: counted, nothing made for it. */
    final synchronized void notKept(LogQueue budget) {
        ladder.notKept(budget);
    }

    /** Lets go of the messages kept so far and ignores later ones; returns the bytes they held. */
    final synchronized long forgetMessages() {
        return ladder.forget();
    }

    /** False once the exchange takes no more messages; read without the lock (a volatile flag). */
    final boolean takesMessages() {
        return !ladder.closed();
    }

    final synchronized List<WireMessage> entries() {
        return ladder.messages();
    }

    /** See {@link Ladder#compactable}. */
    final synchronized List<WireMessage> compactable(int minBytes) {
        return ladder.compactable(minBytes);
    }

    /** See {@link Ladder#compacted}. */
    final synchronized long compacted(int count, long rawBytes, LadderEncoder.Part part) {
        return ladder.compacted(count, rawBytes, part);
    }

    final synchronized int dropped() {
        return ladder.dropped();
    }

    final synchronized long heldBytes() {
        return ladder.bytes();
    }

    /** Ends the exchange's ladder (see {@link Ladder#close}). */
    final synchronized Ladder.Closed close() {
        return ladder.close();
    }
}
