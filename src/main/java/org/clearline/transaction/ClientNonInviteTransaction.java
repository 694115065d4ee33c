package org.clearline.transaction;

import java.time.Duration;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipResponse;
import org.clearline.transport.Inbound;
import org.clearline.transport.Peer;

/**
 * The non-INVITE client transaction of RFC 3261 §17.1.2 (Figure 6).
 *
 * <pre>
 *   Trying --1xx--> Proceeding --200-699--> Completed --Timer K--> Terminated
 *     |                  |
 *     +---200-699--------+ (to Completed)
 *   Trying/Proceeding --Timer F or transport error--> Terminated (TU informed)
 * </pre>
 * Timer E retransmits on unreliable transports: doubling from T1 up to T2 in
 * Trying, every T2 in Proceeding.
 *
 * <p>An invalid final response (it matches by top Via branch and CSeq, the rest
 * does not parse) goes from Trying or Proceeding straight to Terminated: there
 * is nothing to forward and no Completed state is needed to absorb its
 * retransmissions, which match nothing and are dropped as malformed. The TU
 * answers its caller 502 (§21.5.3, §16.7). A malformed provisional changes nothing.
 */
final class ClientNonInviteTransaction extends AbstractClientTransaction {

    enum State { TRYING, PROCEEDING, COMPLETED, TERMINATED }

    private State state = State.TRYING;

    ClientNonInviteTransaction(Shard shard, SipRequest request, Peer destination, ClientTransactionKey key,
                               ClientTransactionListener listener) {
        super(shard, request, destination, key, listener);
    }

    @Override
    public boolean isInvite() {
        return false;
    }

    @Override
    public boolean completed() {
        return state == State.COMPLETED || state == State.TERMINATED;
    }

    State state() {
        return state;
    }

    @Override
    boolean retransmitting() {
        return awaitingFinal();
    }

    /** §17.1.2.2: in Trying the interval doubles up to T2; in Proceeding it is T2. */
    @Override
    Duration nextRetransmitInterval(Duration last) {
        return state == State.TRYING ? shard.timers.doubledUpToT2(last) : shard.timers.t2;
    }

    @Override
    void onResponse(SipResponse response, Inbound inbound) {
        if (!awaitingFinal()) {
            return; // §17.1.2.2: Completed absorbs retransmitted responses
        }
        if (response.isProvisional()) {
            state = State.PROCEEDING;
            listener.onResponse(this, response, inbound);
            return;
        }
        state = State.COMPLETED;
        // §17.1.2.2: Timer K absorbs retransmitted finals for T4; zero on reliable transports.
        completed(response, inbound, shard.afterT4);
    }

    @Override
    void onTransportFailure(Throwable cause) {
        // §17.1.4 / Figure 6: only while the request is in flight; Completed sends nothing.
        if (!awaitingFinal()) return;
        stop();
        listener.onTransportError(this, cause);
    }

    @Override
    boolean awaitingFinal() {
        return state == State.TRYING || state == State.PROCEEDING;
    }

    @Override
    boolean inCompleted() {
        return state == State.COMPLETED;
    }

    @Override
    boolean enterTerminated() {
        if (state == State.TERMINATED) return false;
        state = State.TERMINATED;
        return true;
    }
}
