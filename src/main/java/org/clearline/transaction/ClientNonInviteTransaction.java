package org.clearline.transaction;

import java.time.Duration;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipResponse;
import org.clearline.time.Scheduler.Cancellable;
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
    private Cancellable timerEorK;
    private Cancellable timerF;
    private Duration intervalE;

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
    void start() {
        send(request);
        if (!reliable()) {
            intervalE = shard.timers.t1;
            timerEorK = shard.scheduler.schedule(intervalE, this::timerE);
        }
        timerF = shard.scheduler.schedule(shard.timers.sixtyFourT1, this::timerF);
    }

    private void timerE() {
        if (state != State.TRYING && state != State.PROCEEDING) return;
        send(request);
        // §17.1.2.2: in Trying the interval doubles up to T2; in Proceeding it is T2.
        intervalE = state == State.TRYING ? shard.timers.doubledUpToT2(intervalE) : shard.timers.t2;
        timerEorK = shard.scheduler.schedule(intervalE, this::timerE);
    }

    private void timerF() {
        if (state != State.TRYING && state != State.PROCEEDING) return;
        cancel(timerEorK);
        state = State.TERMINATED;
        terminated();
        listener.onTimeout(this);
    }

    @Override
    void onResponse(SipResponse response, Inbound inbound) {
        if (state != State.TRYING && state != State.PROCEEDING) {
            return; // §17.1.2.2: Completed absorbs retransmitted responses
        }
        if (response.isProvisional()) {
            state = State.PROCEEDING;
            listener.onResponse(this, response, inbound);
            return;
        }
        state = State.COMPLETED;
        cancel(timerEorK);
        cancel(timerF);
        listener.onResponse(this, response, inbound);
        if (state != State.COMPLETED) return; // the TU terminated us in its callback
        if (reliable()) {
            // §17.1.2.2: Timer K is zero on reliable transports.
            state = State.TERMINATED;
            terminated();
        } else {
            timerEorK = shard.scheduler.schedule(shard.timers.t4, this::timerK);
        }
    }

    private void timerK() {
        if (state != State.COMPLETED) return;
        state = State.TERMINATED;
        terminated();
    }

    @Override
    void onTransportFailure(Throwable cause) {
        // §17.1.4 / Figure 6: only while the request is in flight; Completed sends nothing.
        if (state != State.TRYING && state != State.PROCEEDING) return;
        stop();
        listener.onTransportError(this, cause);
    }

    @Override
    boolean awaitingFinal() {
        return state == State.TRYING || state == State.PROCEEDING;
    }

    @Override
    void stop() {
        if (state == State.TERMINATED) return;
        state = State.TERMINATED;
        cancel(timerEorK);
        cancel(timerF);
        terminated();
    }
}
