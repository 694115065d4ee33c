package org.clearline.transaction;

/**
 * A finished transaction in one of its shard's linger queues (Timers D, I, J, K,
 * L and M). When the wait is over the transaction checks its own state: a
 * transaction that ended in between (a transport error) ignores the call.
 */
interface Lingering {
    /** The linger time is over; runs on the shard. */
    void lingerExpired();
}
