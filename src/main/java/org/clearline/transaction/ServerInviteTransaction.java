package org.clearline.transaction;

import java.time.Duration;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipResponse;
import org.clearline.syntax.Responses;
import org.clearline.time.Scheduler.Cancellable;
import org.clearline.transport.Inbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The INVITE server transaction of RFC 3261 §17.2.1 (Figure 7), with the Accepted
 * state and Timer L of RFC 6026 §7.1: after a 2xx the transaction stays to absorb
 * INVITE retransmissions, while the TU (a proxy forwarding 2xx retransmissions, or
 * a UAS core) owns the 2xx and its ACK.
 *
 * <pre>
 *   Proceeding --300-699 from TU--> Completed --ACK--> Confirmed --Timer I--> Terminated
 *       |                              |
 *       |                              +--Timer H (TU: no ACK)--> Terminated
 *       +--2xx from TU--> Accepted --Timer L--> Terminated
 * </pre>
 * On creation it answers 100 (Trying) at once (§17.2.1: our TU never promises a
 * response within 200 ms), which quenches the client's Timer A. Responses are
 * repeated from the bytes sent (see {@link AbstractServerTransaction}).
 */
final class ServerInviteTransaction extends AbstractServerTransaction implements Lingering {
    private static final Logger log = LoggerFactory.getLogger(ServerInviteTransaction.class);

    enum State { PROCEEDING, COMPLETED, CONFIRMED, ACCEPTED, TERMINATED }

    private State state = State.PROCEEDING;
    /** Timer G; Timers I and L wait in the shard's linger queues. */
    private Cancellable timerG;
    private Cancellable timerH;
    private Duration intervalG;

    ServerInviteTransaction(Shard shard, Inbound inbound, ServerTransactionKey key) {
        super(shard, inbound, key);
    }

    @Override
    public boolean isInvite() {
        return true;
    }

    State state() {
        return state;
    }

    @Override
    boolean isTerminated() {
        return state == State.TERMINATED;
    }

    @Override
    void start() {
        // §17.2.1 and §8.2.6.1: 100 without a To tag, echoing any Timestamp.
        SipRequest invite = request();
        SipResponse trying = Responses.success(invite, 100, "Trying", null);
        String timestamp = invite.header("Timestamp");
        if (timestamp != null) trying.addHeader("Timestamp", timestamp);
        sendAndKeep(trying);
    }

    @Override
    void onResponseFromTu(SipResponse response) {
        switch (state) {
            case PROCEEDING -> {
                if (response.isProvisional()) {
                    sendAndKeep(response);
                } else if (response.isSuccess()) {
                    // RFC 6026 §7.1: Accepted, not Terminated, so retransmitted INVITEs are absorbed
                    // (nothing is repeated: only the To tag is kept, for ACK matching).
                    state = State.ACCEPTED;
                    shard.after64T1.add(this); // Timer L
                    sendAndKeep(response);
                    forgetLastResponse();
                } else {
                    state = State.COMPLETED;
                    if (!reliable()) {
                        intervalG = shard.timers.t1;
                        timerG = shard.scheduler.schedule(intervalG, this::timerG);
                    }
                    timerH = shard.scheduler.schedule(shard.timers.sixtyFourT1, this::timerH);
                    sendAndKeep(response);
                }
            }
            case ACCEPTED -> {
                // RFC 6026 §7.1: further 2xx from the TU (a proxy forwarding retransmissions or forks) go out.
                if (response.isSuccess()) {
                    send(response);
                } else {
                    log.debug("{}: ignoring {} after a 2xx", this, response.status());
                }
            }
            default -> log.debug("{}: ignoring {} in {}", this, response.status(), state);
        }
    }

    @Override
    void onRequestRetransmission(Inbound retransmission) {
        switch (state) {
            // §17.2.1: Proceeding repeats the latest provisional, Completed the final response.
            case PROCEEDING, COMPLETED -> repeatLastResponse();
            // RFC 6026 §7.1 (Accepted) and §17.2.1 (Confirmed): absorbed.
            default -> { }
        }
    }

    @Override
    boolean onAck(Inbound ack) {
        switch (state) {
            case COMPLETED -> {
                // §17.2.1: the ACK for our non-2xx; stop retransmitting, absorb its retransmissions for T4.
                state = State.CONFIRMED;
                timerG = cancel(timerG);
                timerH = cancel(timerH);
                forgetLastResponse(); // Confirmed absorbs retransmissions: nothing left to repeat
                if (reliable()) {
                    terminate();
                } else {
                    shard.afterT4.add(this); // Timer I
                }
                return false;
            }
            // RFC 6026 §7.1: an ACK matching in Accepted acknowledges the 2xx; it belongs to the TU.
            case ACCEPTED -> {
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private void timerG() {
        if (state != State.COMPLETED) return;
        // §17.2.1: retransmit the final response, doubling the interval up to T2.
        repeatLastResponse();
        intervalG = shard.timers.doubledUpToT2(intervalG);
        timerG = shard.scheduler.schedule(intervalG, this::timerG);
    }

    private void timerH() {
        if (state != State.COMPLETED) return;
        // §17.2.1: no ACK within 64*T1.
        timerG = cancel(timerG);
        ServerTransactionListener l = listener;
        if (l != null) l.onAckTimeout(this);
        terminate();
    }

    /** Timer I in Confirmed, Timer L in Accepted: the only states that linger. */
    @Override
    public void lingerExpired() {
        if (state == State.CONFIRMED || state == State.ACCEPTED) terminate();
    }

    @Override
    void onTransportFailure(Throwable cause) {
        switch (state) {
            case TERMINATED, CONFIRMED -> { }
            // RFC 6026 §7.1 (Figure 7): in Accepted the TU is informed and the transaction stays,
            // still absorbing INVITE retransmissions until Timer L.
            case ACCEPTED -> {
                if (listener != null) listener.onTransportError(this, cause);
            }
            // §17.2.4: otherwise the transaction is over.
            default -> {
                if (listener != null) listener.onTransportError(this, cause);
                terminate();
            }
        }
    }

    private void terminate() {
        if (state == State.TERMINATED) return;
        state = State.TERMINATED;
        timerG = cancel(timerG);
        timerH = cancel(timerH);
        terminated();
    }
}
