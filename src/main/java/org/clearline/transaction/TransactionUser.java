package org.clearline.transaction;

import org.clearline.transport.Inbound;
import org.clearline.transport.Malformed;

/**
 * The core above the transaction layer (§17: the "TU"). Every callback runs on
 * the shard that owns the message's Call-ID, so the TU keeps per-call state
 * without locks.
 */
public interface TransactionUser {
    /** A new request created a server transaction (every method but ACK; CANCEL included). */
    void onRequest(ServerTransaction transaction);

    /**
     * An ACK that matched no INVITE server transaction: the ACK for a 2xx, which
     * is its own transaction-less request (§17.2.3, §13.2.2.4). A proxy routes it.
     */
    void onAck(Inbound ack);

    /**
     * A response that matched no client transaction (§16.7 step 1: a proxy forwards it
     * statelessly, e.g. a 2xx retransmitted by the callee after our transaction ended).
     */
    void onStrayResponse(Inbound response);

    /** A message that did not parse; answer it (400/505/513...) if it was a request. */
    void onMalformed(Malformed malformed);
}
