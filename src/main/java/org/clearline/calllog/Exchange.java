package org.clearline.calllog;

import java.util.List;

/**
 * What a call and a registration attempt in progress share: the ladder of
 * their messages, bounded per exchange and by the log's byte budget. Messages
 * arrive on I/O threads and shards, so the methods synchronize on the exchange
 * (uncontended: one exchange's messages mostly stay on one thread).
 */
abstract sealed class Exchange permits CallTrace, RegistrationTrace {
    private final Ladder ladder;

    /** {@code expectedMessages}: what a typical exchange of the kind has (its ladder is sized for them). */
    Exchange(int expectedMessages) {
        this.ladder = new Ladder(expectedMessages);
    }

    final synchronized void add(WireMessage m, Ladder.Limits limits, LogQueue budget) {
        ladder.add(m, limits, budget);
    }

    final synchronized List<WireMessage> entries() {
        return ladder.messages();
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
