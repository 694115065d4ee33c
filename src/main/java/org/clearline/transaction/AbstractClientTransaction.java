package org.clearline.transaction;

import org.clearline.syntax.ParseResult;
import org.clearline.syntax.SipMessage;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipResponse;
import org.clearline.time.Scheduler;
import org.clearline.transport.Inbound;
import org.clearline.transport.Peer;
import org.clearline.transport.SendListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both client state machines share: the request, its destination and key,
 * the TU's listener and the way requests reach the transport. All state is
 * touched only on the shard's executor.
 */
abstract sealed class AbstractClientTransaction implements ClientTransaction, SendListener
        permits ClientInviteTransaction, ClientNonInviteTransaction {
    private static final Logger log = LoggerFactory.getLogger(AbstractClientTransaction.class);

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

    /** True in the states that still wait for a final response (Calling/Trying, Proceeding). */
    abstract boolean awaitingFinal();

    /**
     * A response that matched this transaction (top Via branch, CSeq number and
     * method) but did not parse. A final one, or one whose status is unknown,
     * ends the transaction: nothing in it can be trusted to build an ACK or to
     * forward (§21.5.3: the proxy answers 502 instead). A provisional one only
     * says the peer is alive; waiting on for the final response costs nothing.
     */
    final void onInvalidResponse(SipResponse partial, ParseResult.Failure failure) {
        int status = partial.status();
        if (status >= 100 && status < 200) {
            log.debug("{}: ignoring a malformed {} ({})", this, status, failure.reasonPhrase());
            return;
        }
        if (!awaitingFinal()) {
            log.debug("{}: ignoring a malformed {} after the final response ({})", this, status,
                    failure.reasonPhrase());
            return;
        }
        stop();
        listener.onInvalidResponse(this, failure);
    }

    /**
     * The partial of a malformed response is matched more strictly than §17.1.3
     * asks: its CSeq number, and its Call-ID when it kept one, must be the
     * request's too, so that bytes we cannot fully read end a transaction only
     * when everything that was readable points at it.
     */
    final boolean sameRequestAs(SipResponse partial) {
        String callId = partial.callId();
        return partial.cseq().number() == request.cseq().number()
                && (callId == null || callId.equals(request.callId()));
    }

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
