package org.clearline.transaction;

import org.clearline.syntax.SipRequest;
import org.clearline.transport.Peer;

/** What the TU sees of a client transaction (§17.1). Use only on its shard. */
public interface ClientTransaction {
    /**
     * The request. Readable until the TU has been told of the final response (in that
     * callback too); after that the transaction keeps only what §17.1 needs to absorb
     * retransmitted responses, and this throws {@link IllegalStateException}.
     */
    SipRequest request();

    Peer destination();

    boolean isInvite();

    /** The branch of the Via this transaction added/owns (its key, §17.1.3). */
    String branch();

    /** True once a final response was received (or the transaction timed out or failed). */
    boolean completed();

    /**
     * Stops the transaction without telling the TU anything more (used when the
     * TU gives up on a branch it already answered for, e.g. on shutdown).
     */
    void terminate();
}
