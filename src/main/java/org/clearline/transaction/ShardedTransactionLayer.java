package org.clearline.transaction;

import java.util.List;
import org.clearline.syntax.Methods;
import org.clearline.syntax.SipMessage;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipResponse;
import org.clearline.syntax.Via;
import org.clearline.time.Scheduler;
import org.clearline.transport.Inbound;
import org.clearline.transport.Malformed;
import org.clearline.transport.MessageHandler;
import org.clearline.transport.Peer;
import org.clearline.transport.TransportLayer;

/**
 * The transaction layer (§17), split into shards by Call-ID: every message of a
 * call (requests, responses, CANCEL, ACK) lands on the same shard, whose single
 * executor owns that call's transactions, timers and TU state, so none of it
 * needs a lock.
 *
 * <p>Malformed input: a response whose salvaged partial names one of our client
 * transactions (top Via branch, CSeq) is that transaction's invalid response
 * (§17.1.3, §21.5.3); any other goes to the TU on the shard of its Call-ID
 * (shard 0 when it has none).
 *
 * <p>Wiring: pass it to {@link TransportLayer#setHandler} before the transport starts.
 */
public final class ShardedTransactionLayer implements TransactionLayer, MessageHandler {
    /**
     * What a transaction alive takes besides the message it keeps to send again: its
     * object and state, its key and branch, its table entry, its source and its slot in
     * a linger queue. Measured by bench/heap/TransactionProbe (retained heap per finished
     * transaction, less the message kept) on a 64-bit JVM with compressed pointers:
     * 327-346 bytes for a REGISTER's, an accepted INVITE's and our own requests'; an
     * INVITE answered with a failure takes some 200 more while Timer G runs.
     */
    public static final int FIXED_BYTES = 340;
    private final Shard[] shards;
    private final TimerConfig timers;

    public ShardedTransactionLayer(TransportLayer transport, List<Scheduler> shards, TimerConfig timers,
                                   TransactionUser tu) {
        if (shards.isEmpty()) throw new IllegalArgumentException("at least one shard is needed");
        this.timers = timers;
        TimerValues values = new TimerValues(timers);
        this.shards = new Shard[shards.size()];
        for (int i = 0; i < this.shards.length; i++) {
            this.shards[i] = new Shard(i, shards.get(i), transport, tu, values);
        }
    }

    // ------------------------------------------------ MessageHandler (I/O thread)

    @Override
    public void onMessage(Inbound inbound) {
        Shard shard = shardOf(inbound.message().callId());
        shard.scheduler.execute(() -> shard.onMessage(inbound));
    }

    @Override
    public void onMalformed(Malformed malformed) {
        SipMessage partial = malformed.failure().partial();
        String callId = partial == null ? null : partial.callId();
        if (callId == null && partial instanceof SipResponse r && Shard.keyOfInvalid(r) != null) {
            // §17.1.3 matches on branch and CSeq alone, but without a Call-ID the owning
            // shard is unknown: ask each shard in turn, ending on shard 0 (the home of
            // messages without a Call-ID), which hands an unmatched one to the TU
            searchShards(1, malformed);
            return;
        }
        Shard shard = shardOf(callId);
        shard.scheduler.execute(() -> shard.onMalformed(malformed));
    }

    /** Offers a malformed response to shard {@code i % n}, then to the next, shard 0 last. */
    private void searchShards(int i, Malformed malformed) {
        Shard shard = shards[i % shards.length];
        shard.scheduler.execute(() -> {
            if (i % shards.length == 0) {
                shard.onMalformed(malformed);
            } else if (!shard.offerInvalidResponse(malformed)) {
                searchShards(i + 1, malformed);
            }
        });
    }

    // ---------------------------------------------------------- TransactionLayer

    /**
     * {@inheritDoc}
     *
     * <p>Not for ACK: the ACK of a 2xx is its own transaction-less request, sent by
     * the TU with {@link TransportLayer#send}, and the ACK of a non-2xx is built by the
     * INVITE client transaction itself (§17.1.1.3). A request without an RFC 3261
     * branch, or an ACK, is a programming error: {@link IllegalArgumentException}.
     */
    @Override
    public ClientTransaction sendRequest(SipRequest request, Peer destination, ClientTransactionListener listener) {
        if (request.isMethod(Methods.ACK)) {
            throw new IllegalArgumentException("ACK has no client transaction (§17.1.1.3, §13.2.2.4)");
        }
        Via top = request.topVia();
        if (top == null || !top.rfc3261Branch()) {
            throw new IllegalArgumentException("the top Via needs an RFC 3261 branch (§8.1.1.7): " + top);
        }
        return shardOf(request.callId()).startClient(request, destination, listener);
    }

    @Override
    public ServerTransaction findInviteFor(SipRequest cancel) {
        return shardOf(cancel.callId()).findInviteFor(cancel);
    }

    @Override
    public Scheduler shardFor(String callId) {
        return shardOf(callId).scheduler;
    }

    @Override
    public TimerConfig timers() {
        return timers;
    }

    @Override
    public int activeTransactions() {
        int sum = 0;
        for (Shard s : shards) sum += s.active();
        return sum;
    }

    @Override
    public long heldBytes() {
        long sum = 0;
        for (Shard s : shards) sum += (long) s.active() * FIXED_BYTES + s.keptBytes();
        return sum;
    }

    @Override
    public RequestCounts requestCounts() {
        long started = 0;
        long retransmitted = 0;
        for (Shard s : shards) {
            started += s.serversStarted();
            retransmitted += s.requestsRepeated();
        }
        return new RequestCounts(started, retransmitted);
    }

    // ------------------------------------------------------------------ sharding

    private Shard shardOf(String callId) {
        return shards[shardIndex(callId, shards.length)];
    }

    /**
     * The shard of a Call-ID. Call-IDs compare case-sensitively (§20.8), so the
     * exact string is hashed; the murmur3 finaliser spreads {@code String.hashCode}
     * (whose low bits follow the last characters, often a shared host suffix) over
     * all 32 bits before a multiply-shift picks the shard. No Call-ID: shard 0.
     */
    static int shardIndex(String callId, int shardCount) {
        if (callId == null || shardCount == 1) return 0;
        int h = callId.hashCode();
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return (int) (((h & 0xFFFF_FFFFL) * shardCount) >>> 32);
    }
}
