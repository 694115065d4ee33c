package org.clearline.transaction;

import org.clearline.syntax.SipMessage;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipResponse;
import org.clearline.time.Scheduler;
import org.clearline.transport.Inbound;
import org.clearline.transport.Peer;
import org.clearline.transport.SendListener;

/**
 * What both client state machines share: the request, its destination and key,
 * the TU's listener and the way requests reach the transport. All state is
 * touched only on the shard's executor.
 */
abstract sealed class AbstractClientTransaction implements ClientTransaction, SendListener
        permits ClientInviteTransaction, ClientNonInviteTransaction {

    final Shard shard;
    final SipRequest request;
    final Peer destination;
    final ClientTransactionKey key;
    final ClientTransactionListener listener;

    AbstractClientTransaction(Shard shard, SipRequest request, Peer destination, ClientTransactionKey key,
                              ClientTransactionListener listener) {
        this.shard = shard;
        this.request = request;
        this.destination = destination;
        this.key = key;
        this.listener = listener;
    }

    @Override
    public final SipRequest request() {
        return request;
    }

    @Override
    public final Peer destination() {
        return destination;
    }

    @Override
    public final String branch() {
        return key.branch();
    }

    @Override
    public final void terminate() {
        if (shard.scheduler.inExecutor()) {
            stop();
        } else {
            shard.scheduler.execute(this::stop);
        }
    }

    /** Sends the request for the first time and starts the timers. */
    abstract void start();

    /** A response matched this transaction (§17.1.3). */
    abstract void onResponse(SipResponse response, Inbound inbound);

    /** Cancels the timers and goes to Terminated without telling the TU (no-op when already there). */
    abstract void stop();

    /** §17.1.4: the transport could not send. Runs on the shard. */
    abstract void onTransportFailure(Throwable cause);

    @Override
    public final void onFailure(Throwable cause) {
        // possibly on a transport thread, possibly inside send(): act later, on the shard
        shard.scheduler.execute(() -> onTransportFailure(cause));
    }

    final void send(SipMessage message) {
        shard.transport.send(message, destination, this);
    }

    final boolean reliable() {
        return destination.protocol().reliable();
    }

    /** Leaves the shard's tables; call once, after setting the Terminated state. */
    final void terminated() {
        shard.remove(this);
    }

    static void cancel(Scheduler.Cancellable timer) {
        if (timer != null) timer.cancel();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + '[' + key + " -> " + destination + ']';
    }
}
