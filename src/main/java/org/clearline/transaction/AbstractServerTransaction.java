package org.clearline.transaction;

import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipResponse;
import org.clearline.time.Scheduler;
import org.clearline.transport.Inbound;
import org.clearline.transport.SendListener;

/**
 * What both server state machines share: the request, where it came from, the
 * shard that owns them, the TU's listener and how responses reach the transport.
 * All state is touched only on the shard's executor.
 */
abstract sealed class AbstractServerTransaction implements ServerTransaction, SendListener
        permits ServerInviteTransaction, ServerNonInviteTransaction {

    final Shard shard;
    final SipRequest request;
    final Inbound inbound;
    final ServerTransactionKey key;
    ServerTransactionListener listener;

    AbstractServerTransaction(Shard shard, Inbound inbound, ServerTransactionKey key) {
        this.shard = shard;
        this.request = (SipRequest) inbound.message();
        this.inbound = inbound;
        this.key = key;
    }

    @Override
    public final SipRequest request() {
        return request;
    }

    @Override
    public final Inbound inbound() {
        return inbound;
    }

    @Override
    public final Scheduler scheduler() {
        return shard.scheduler;
    }

    @Override
    public final void setListener(ServerTransactionListener listener) {
        this.listener = listener;
    }

    @Override
    public final void respond(SipResponse response) {
        // The contract asks for the shard, but a TU finishing work elsewhere should not corrupt state.
        if (shard.scheduler.inExecutor()) {
            onResponseFromTu(response);
        } else {
            shard.scheduler.execute(() -> onResponseFromTu(response));
        }
    }

    /** Called once, right after the layer registered the transaction and before the TU sees it. */
    void start() {}

    /** The TU's response, on the shard. */
    abstract void onResponseFromTu(SipResponse response);

    /** A retransmission of the request (never an ACK) matched this transaction. */
    abstract void onRequestRetransmission(Inbound retransmission);

    /**
     * An ACK matched this transaction. Returns true when the TU must see it as
     * well: RFC 6026 §7.1, in Accepted it acknowledges a 2xx, end to end.
     */
    boolean onAck(Inbound ack) {
        return false;
    }

    /** The To tag of the final response sent, for RFC 2543 ACK matching (§17.2.3); null if none. */
    abstract String finalResponseToTag();

    abstract boolean isTerminated();

    /** §17.2.4: the transport could not send a response. Runs on the shard. */
    abstract void onTransportFailure(Throwable cause);

    /** Reported by the transport, possibly on its own thread and possibly inside send(): act later, on the shard. */
    @Override
    public final void onFailure(Throwable cause) {
        shard.scheduler.execute(() -> onTransportFailure(cause));
    }

    /** §18.2.2: the transport finds the way back from where the request came from. */
    final void send(SipResponse response) {
        shard.transport.sendResponse(response, inbound.source(), this);
    }

    final boolean reliable() {
        return inbound.source().protocol().reliable();
    }

    /** Leaves the shard's tables and tells the listener; call once, after setting the Terminated state. */
    final void terminated() {
        shard.remove(this);
        if (listener != null) listener.onTerminated(this);
    }

    static String toTagOf(SipResponse response) {
        if (response == null || response.to() == null) return null;
        return response.to().tag();
    }

    static void cancel(Scheduler.Cancellable timer) {
        if (timer != null) timer.cancel();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + '[' + key + ']';
    }
}
