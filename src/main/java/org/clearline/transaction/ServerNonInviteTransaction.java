package org.clearline.transaction;

import org.clearline.syntax.SipResponse;
import org.clearline.transport.Inbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The non-INVITE server transaction of RFC 3261 §17.2.2 (Figure 8).
 *
 * <pre>
 *   Trying --1xx from TU--> Proceeding --200-699 from TU--> Completed --Timer J--> Terminated
 *     |                                                        ^
 *     +-----------------200-699 from TU------------------------+
 * </pre>
 * Request retransmissions are absorbed in Trying, answered with the latest
 * provisional in Proceeding and with the final response in Completed, from
 * the bytes sent (Completed keeps no parsed message, see
 * {@link AbstractServerTransaction}). A final response the TU sends statelessly
 * (§8.2.7, {@link #respondStatelessly}) ends it at once, keeping nothing.
 */
final class ServerNonInviteTransaction extends AbstractServerTransaction implements Lingering {
    private static final Logger log = LoggerFactory.getLogger(ServerNonInviteTransaction.class);

    enum State { TRYING, PROCEEDING, COMPLETED, TERMINATED }

    private State state = State.TRYING;

    ServerNonInviteTransaction(Shard shard, Inbound inbound, ServerTransactionKey key) {
        super(shard, inbound, key);
    }

    @Override
    public boolean isInvite() {
        return false;
    }

    State state() {
        return state;
    }

    @Override
    boolean isTerminated() {
        return state == State.TERMINATED;
    }

    @Override
    void onResponseFromTu(SipResponse response) {
        if (state != State.TRYING && state != State.PROCEEDING) {
            log.debug("{}: ignoring {} in {}", this, response.status(), state);
            return;
        }
        if (response.isProvisional()) {
            state = State.PROCEEDING;
            sendAndKeep(response);
            return;
        }
        state = State.COMPLETED;
        sendAndKeep(response);
        if (reliable()) {
            // §17.2.2: Timer J is zero on reliable transports: no retransmissions to absorb.
            terminate();
        } else {
            // §17.2.2: keep the final response for 64*T1 to answer retransmitted requests.
            shard.after64T1.add(this);
        }
    }

    /**
     * §8.2.7: the final response goes out once and the transaction ends with it, without
     * Timer J; a retransmission of the request then starts a new transaction.
     */
    @Override
    void onStatelessResponseFromTu(SipResponse response) {
        if (state != State.TRYING && state != State.PROCEEDING) {
            log.debug("{}: ignoring {} in {}", this, response.status(), state);
            return;
        }
        sendFinalStatelessly(response);
        terminate();
    }

    @Override
    void onRequestRetransmission(Inbound retransmission) {
        // §17.2.2: Trying absorbs; Proceeding and Completed repeat the latest response.
        if (state == State.PROCEEDING || state == State.COMPLETED) repeatLastResponse();
    }

    /** Timer J. */
    @Override
    public void lingerExpired() {
        if (state == State.COMPLETED) terminate();
    }

    @Override
    void onTransportFailure(Throwable cause) {
        if (state == State.TERMINATED) {
            // over a reliable transport Timer J (zero) may already have ended us: nothing left to stop
            log.debug("{}: send failed after termination: {}", this, cause.toString());
            return;
        }
        // §17.2.4: a response could not be sent; the transaction is over.
        if (listener != null) listener.onTransportError(this, cause);
        terminate();
    }

    private void terminate() {
        if (state == State.TERMINATED) return;
        state = State.TERMINATED;
        terminated();
    }
}
