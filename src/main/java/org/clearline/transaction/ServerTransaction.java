package org.clearline.transaction;

import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipResponse;
import org.clearline.time.Scheduler;
import org.clearline.transport.Inbound;
import org.clearline.transport.Peer;

/** What the TU sees of a server transaction (§17.2). Use only on its shard. */
public interface ServerTransaction {
    /**
     * The request that created the transaction. Readable until the end of the shard
     * task in which the final response was handed to {@link #respond} (so the TU may
     * still report on it right after); after that the transaction keeps only what
     * §17.2 needs to repeat its response, and this throws {@link IllegalStateException}.
     */
    SipRequest request();

    /** The request as it arrived; readable as long as {@link #request()}. */
    Inbound inbound();

    /** Where the request came from (§18.2.2); readable for the transaction's whole life. */
    default Peer source() {
        return inbound().source();
    }

    boolean isInvite();

    /**
     * Sends a response through the state machine (§17.2.1 / §17.2.2); the
     * transaction retransmits finals over unreliable transports as the RFC says.
     * A response after the final one is ignored (and logged at DEBUG).
     */
    void respond(SipResponse response);

    /**
     * Sends a final response as a stateless UAS does (§8.2.7): nothing of it is kept,
     * the transaction ends at once, and a retransmission of the request starts a new
     * transaction that the TU answers again. For challenges to requests without
     * credentials: state kept 64*T1 for each of them is what a flood of such requests
     * exhausts (§26.1.5), and a registrar challenges every phone at every refresh. An
     * INVITE transaction responds as {@link #respond} does: its final response must
     * absorb the ACK and the INVITE's retransmissions.
     */
    default void respondStatelessly(SipResponse response) {
        respond(response);
    }

    /** True once a final response was sent. */
    boolean finalSent();

    /** The shard's scheduler: run per-call work and timers on it. */
    Scheduler scheduler();

    /** Listener for the end of this transaction; at most one. */
    void setListener(ServerTransactionListener listener);
}
