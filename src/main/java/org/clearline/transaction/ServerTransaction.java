package org.clearline.transaction;

import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipResponse;
import org.clearline.time.Scheduler;
import org.clearline.transport.Inbound;

/** What the TU sees of a server transaction (§17.2). Use only on its shard. */
public interface ServerTransaction {
    /** The request that created the transaction. */
    SipRequest request();

    Inbound inbound();

    boolean isInvite();

    /**
     * Sends a response through the state machine (§17.2.1 / §17.2.2); the
     * transaction retransmits finals over unreliable transports as the RFC says.
     * A response after the final one is ignored (and logged at DEBUG).
     */
    void respond(SipResponse response);

    /** True once a final response was sent. */
    boolean finalSent();

    /** The shard's scheduler: run per-call work and timers on it. */
    Scheduler scheduler();

    /** Listener for the end of this transaction; at most one. */
    void setListener(ServerTransactionListener listener);
}
