package org.clearline.transaction;

import java.time.Duration;
import org.clearline.syntax.CSeq;
import org.clearline.syntax.ParseResult;
import org.clearline.syntax.SipMessage;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipResponse;
import org.clearline.time.FixedDelayQueue;
import org.clearline.time.Scheduler.Cancellable;
import org.clearline.transport.Inbound;
import org.clearline.transport.Peer;
import org.clearline.transport.SendListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both client state machines share: the request, its destination and key,
 * the TU's listener, the way requests reach the transport, and the timer
 * scaffolding of Figures 5 and 6: the request is sent and retransmitted (Timer A
 * or E) until a response comes or Timer B or F gives up; after a final response
 * the transaction lingers (Timer D, K or M) and ends. All state is touched only
 * on the shard's executor.
 *
 * <p>Memory: from the final response on, a client transaction needs only its key
 * (to absorb retransmitted responses), its listener (an INVITE's: 2xx from other
 * forks, ACK send failures) and, for a non-2xx to an INVITE, the bytes of its ACK;
 * it lets go of the request once the TU has seen the final response.
 */
abstract sealed class AbstractClientTransaction implements ClientTransaction, SendListener, Lingering
        permits ClientInviteTransaction, ClientNonInviteTransaction {
    private static final Logger log = LoggerFactory.getLogger(AbstractClientTransaction.class);

    final Shard shard;
    final Peer destination;
    final ClientTransactionKey key;
    final ClientTransactionListener listener;
    private SipRequest request;
    /** Kept apart from the request, which goes after the final response (see {@link #sameRequestAs}). */
    private final long cseqNumber;
    /** The Call-ID's hash, not the string: the transaction outlives its request by up to 64*T1. */
    private final int callIdHash;
    private Cancellable retransmitTimer;
    private Cancellable timeoutTimer;
    private Duration retransmitInterval;

    AbstractClientTransaction(Shard shard, SipRequest request, Peer destination, ClientTransactionKey key,
                              ClientTransactionListener listener) {
        this.shard = shard;
        this.request = request;
        this.destination = destination;
        this.key = key;
        this.listener = listener;
        CSeq cseq = request.cseq();
        this.cseqNumber = cseq == null ? -1 : cseq.number();
        String callId = request.callId();
        this.callIdHash = callId == null ? 0 : callId.hashCode();
    }

    /** The request; after the TU has seen the final response it is gone ({@link IllegalStateException}). */
    @Override
    public final SipRequest request() {
        if (request == null) {
            throw new IllegalStateException(this + ": the request was released after the final response");
        }
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

    // ------------------------------------------------------- the state machine's part

    /** A response matched this transaction (§17.1.3). */
    abstract void onResponse(SipResponse response, Inbound inbound);

    /** §17.1.4: the transport could not send. Runs on the shard. */
    abstract void onTransportFailure(Throwable cause);

    /** True in the states that still wait for a final response (Calling/Trying, Proceeding). */
    abstract boolean awaitingFinal();

    /** True where Timer A or E retransmits the request and Timer B or F runs: Calling; Trying and Proceeding. */
    abstract boolean retransmitting();

    /** The Timer A or E interval that follows {@code last}. */
    abstract Duration nextRetransmitInterval(Duration last);

    abstract boolean inCompleted();

    /** Sets the Terminated state; false when the transaction is there already. */
    abstract boolean enterTerminated();

    // ------------------------------------------------------------ the common scaffolding

    /** §17.1.1.2, §17.1.2.2: sends the request, Timer A or E only where the transport may lose it, Timer B or F. */
    final void start() {
        send(request);
        if (!reliable()) {
            retransmitInterval = shard.timers.t1;
            retransmitTimer = shard.scheduler.schedule(retransmitInterval, this::retransmit);
        }
        timeoutTimer = shard.scheduler.schedule(shard.timers.sixtyFourT1, this::timeout);
    }

    /** Timer A or E: the request again, then a longer wait. */
    private void retransmit() {
        if (!retransmitting()) return;
        send(request);
        retransmitInterval = nextRetransmitInterval(retransmitInterval);
        retransmitTimer = shard.scheduler.schedule(retransmitInterval, this::retransmit);
    }

    /** Timer B or F: no final response within 64*T1. */
    private void timeout() {
        if (!retransmitting()) return;
        stop();
        listener.onTimeout(this);
    }

    /** Timers A/E and B/F stop: a provisional response to an INVITE, or a final one. */
    final void stopRequestTimers() {
        retransmitTimer = cancel(retransmitTimer);
        timeoutTimer = cancel(timeoutTimer);
    }

    /**
     * The transaction has just entered Completed on a final response (§17.1.1.2:
     * 300-699 to an INVITE, whose ACK is sent; §17.1.2.2: any final to a non-INVITE).
     * The TU hears it; then Timer D or K ({@code wait}) absorbs its retransmissions,
     * which is zero on reliable transports.
     */
    final void completed(SipResponse response, Inbound inbound, FixedDelayQueue<Lingering> wait) {
        stopRequestTimers();
        listener.onResponse(this, response, inbound);
        if (!inCompleted()) return; // the TU terminated us in its callback
        if (reliable()) {
            stop();
        } else {
            request = null;
            lingerThenStop(wait);
        }
    }

    /** Timers D, K and M: the transaction stays the queue's delay for late responses, then ends. */
    final void lingerThenStop(FixedDelayQueue<Lingering> wait) {
        wait.add(this);
    }

    /** Timer D, K or M is over. */
    @Override
    public final void lingerExpired() {
        stop();
    }

    /** The TU has seen the final response; nothing will send the request again. */
    final void releaseRequest() {
        request = null;
    }

    /** Cancels the timers and goes to Terminated without telling the TU (no-op when already there). */
    final void stop() {
        if (!enterTerminated()) return;
        stopRequestTimers();
        request = null;
        shard.remove(this);
    }

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
     * when everything that was readable points at it. The partial matched the
     * branch already; the Call-ID is compared by hash.
     */
    final boolean sameRequestAs(SipResponse partial) {
        String partialCallId = partial.callId();
        return partial.cseq().number() == cseqNumber
                && (partialCallId == null || partialCallId.hashCode() == callIdHash);
    }

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

    /** True while the parsed request is still held (tests check the release). */
    final boolean holdsRequest() {
        return request != null;
    }

    /**
     * Cancels {@code timer} if there is one and returns null, for the field that held it:
     * a stale handle would keep the spent scheduler task alive as long as the transaction.
     */
    static Cancellable cancel(Cancellable timer) {
        if (timer != null) timer.cancel();
        return null;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + '[' + key + " -> " + destination + ']';
    }
}
