package org.clearline.transaction;

import org.clearline.syntax.SipRequest;
import org.clearline.time.Scheduler;
import org.clearline.transport.Peer;

/**
 * Matches messages to transactions (§17.1.3, §17.2.3) and runs the four state
 * machines. Sharded: each Call-ID belongs to one shard (one executor), which owns
 * that call's transactions, timers and TU state.
 */
public interface TransactionLayer {

    /**
     * Starts a client transaction for {@code request} towards {@code destination}.
     * The request must already carry its top Via with a unique RFC 3261 branch.
     * Call on the shard of the request's Call-ID.
     */
    ClientTransaction sendRequest(SipRequest request, Peer destination, ClientTransactionListener listener);

    /** The INVITE server transaction a CANCEL refers to (§9.2), or null. Call on the CANCEL's shard. */
    ServerTransaction findInviteFor(SipRequest cancel);

    /** The shard that owns {@code callId}. */
    Scheduler shardFor(String callId);

    /** The timer values in force (T1, T2, T4). */
    TimerConfig timers();

    /** Server plus client transactions alive now, over all shards (a metrics figure; approximate). */
    int activeTransactions();

    /**
     * Heap the transactions alive now hold, estimated: {@link ShardedTransactionLayer#FIXED_BYTES}
     * each (their state, key, table entry and linger slot) plus the bytes each keeps to send
     * again (a final response, an ACK). A finished REGISTER transaction holds about three
     * times what an accepted INVITE does, so bytes, not a count, say what a flood costs.
     */
    long heldBytes();

    /**
     * Server transactions started so far, and retransmitted requests they absorbed
     * (ACKs not counted), over all shards. Both only grow. A server that answers in
     * time sees almost no retransmissions over UDP; many of them mean its answers
     * come later than the peers' Timer A/E (T1), so it is falling behind.
     */
    RequestCounts requestCounts();

    /** See {@link #requestCounts}. */
    record RequestCounts(long started, long retransmitted) {}
}
