package org.clearline.transaction;

import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipResponse;
import org.clearline.time.Scheduler;
import org.clearline.transport.Inbound;
import org.clearline.transport.Peer;
import org.clearline.transport.SendListener;
import org.clearline.transport.SentMessage;

/**
 * What both server state machines share: the request, where it came from, the
 * shard that owns them, the TU's listener and how responses reach the transport.
 * All state is touched only on the shard's executor.
 *
 * <p>Memory: a server transaction lives on for 64*T1 after its final response over
 * UDP (Timers H, J, L), thousands of them at a time. From the final response on it
 * needs only its key, its timers, the To tag of that response when its key is an
 * RFC 2543 one (§17.2.3 ACK matching) and the bytes of the response it may repeat,
 * so it lets go of the parsed request and the {@link Inbound} at the end of the
 * shard task that sent the final response: the TU can still read
 * {@link #request()} right after {@link #respond} (its outcome hooks do), but no
 * later.
 */
abstract sealed class AbstractServerTransaction implements ServerTransaction, SendListener
        permits ServerInviteTransaction, ServerNonInviteTransaction {

    final Shard shard;
    final ServerTransactionKey key;
    private final Peer source;
    ServerTransactionListener listener;
    private SipRequest request;
    private Inbound inbound;
    private boolean releasing;
    /** The bytes of the latest response sent, to repeat it (§17.2.1, §17.2.2); null once none is needed. */
    private SentMessage lastResponse;
    private boolean finalSent;
    private String finalToTag;

    AbstractServerTransaction(Shard shard, Inbound inbound, ServerTransactionKey key) {
        this.shard = shard;
        this.request = (SipRequest) inbound.message();
        this.inbound = inbound;
        this.source = inbound.source();
        this.key = key;
    }

    @Override
    public final SipRequest request() {
        if (request == null) throw released();
        return request;
    }

    @Override
    public final Inbound inbound() {
        if (inbound == null) throw released();
        return inbound;
    }

    @Override
    public final Peer source() {
        return source;
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
        onShard(() -> onResponseFromTu(response));
    }

    @Override
    public final void respondStatelessly(SipResponse response) {
        if (!response.isFinal()) {
            throw new IllegalArgumentException("§8.2.7: a stateless UAS sends no provisional response");
        }
        onShard(() -> onStatelessResponseFromTu(response));
    }

    /** The contract asks for the shard, but a TU finishing work elsewhere should not corrupt state. */
    private void onShard(Runnable work) {
        if (shard.scheduler.inExecutor()) {
            work.run();
        } else {
            shard.scheduler.execute(work);
        }
    }

    @Override
    public final boolean finalSent() {
        return finalSent;
    }

    /** Called once, right after the layer registered the transaction and before the TU sees it. */
    void start() {}

    /** The TU's response, on the shard. */
    abstract void onResponseFromTu(SipResponse response);

    /** The TU's final response to send statelessly (see {@link #respondStatelessly}), on the shard. */
    void onStatelessResponseFromTu(SipResponse response) {
        onResponseFromTu(response);
    }

    /** A retransmission of the request (never an ACK) matched this transaction. */
    abstract void onRequestRetransmission(Inbound retransmission);

    /**
     * An ACK matched this transaction. Returns true when the TU must see it as
     * well: RFC 6026 §7.1, in Accepted it acknowledges a 2xx, end to end.
     */
    boolean onAck(Inbound ack) {
        return false;
    }

    /** The To tag of the final response sent, for RFC 2543 ACK matching (§17.2.3); null if none or not kept. */
    final String finalResponseToTag() {
        return finalToTag;
    }

    abstract boolean isTerminated();

    /** §17.2.4: the transport could not send a response. Runs on the shard. */
    abstract void onTransportFailure(Throwable cause);

    /** Reported by the transport, possibly on its own thread and possibly inside send(): act later, on the shard. */
    @Override
    public final void onFailure(Throwable cause) {
        shard.scheduler.execute(() -> onTransportFailure(cause));
    }

    /**
     * Sends a response and keeps its bytes to repeat it. A final response also
     * records its To tag and lets go of the request (see the class comment).
     */
    final void sendAndKeep(SipResponse response) {
        if (response.isFinal()) {
            finalSent = true;
            // only an RFC 2543 ACK is matched on it (§17.2.3); a branch key needs no tag kept for 64*T1
            if (key instanceof ServerTransactionKey.Rfc2543) finalToTag = toTagOf(response);
            releaseRequestSoon();
        }
        keep(shard.transport.sendResponseAndKeep(response, source, this));
    }

    /** Keeps {@code sent} (null: nothing) to repeat it, and tells the shard how the bytes kept changed. */
    private void keep(SentMessage sent) {
        shard.keptChanged(SentMessage.heapBytes(sent) - SentMessage.heapBytes(lastResponse));
        lastResponse = sent;
    }

    /** §18.2.2: the transport finds the way back from where the request came from. Nothing is kept. */
    final void send(SipResponse response) {
        shard.transport.sendResponse(response, source, this);
    }

    /** Sends the final response and keeps nothing of it (§8.2.7); the caller ends the transaction. */
    final void sendFinalStatelessly(SipResponse response) {
        finalSent = true;
        send(response);
    }

    /** Sends the latest response again, byte for byte (§17.2.1, §17.2.2). */
    final void repeatLastResponse() {
        if (lastResponse != null) shard.transport.resend(lastResponse, this);
    }

    /** No response will be repeated any more (RFC 6026 Accepted): only the To tag is still needed. */
    final void forgetLastResponse() {
        keep(null);
    }

    final boolean reliable() {
        return source.protocol().reliable();
    }

    /** Leaves the shard's tables and tells the listener; call once, after setting the Terminated state. */
    final void terminated() {
        keep(null);
        releaseRequestSoon();
        shard.remove(this);
        if (listener != null) listener.onTerminated(this);
    }

    /** True while the parsed request is still held (tests check the release). */
    final boolean holdsRequest() {
        return request != null;
    }

    private void releaseRequestSoon() {
        if (releasing) return;
        releasing = true;
        shard.scheduler.execute(this::releaseRequest);
    }

    private void releaseRequest() {
        request = null;
        inbound = null;
    }

    private IllegalStateException released() {
        return new IllegalStateException(this + ": the request was released after the final response"
                + " (§17.2: only the response's bytes are kept); read it before or right after respond()");
    }

    static String toTagOf(SipResponse response) {
        if (response == null || response.to() == null) return null;
        return response.to().tag();
    }

    /**
     * Cancels {@code timer} if there is one and returns null, for the field that held it:
     * a stale handle would keep the spent scheduler task alive as long as the transaction.
     */
    static Scheduler.Cancellable cancel(Scheduler.Cancellable timer) {
        if (timer != null) timer.cancel();
        return null;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + '[' + key + ']';
    }
}
