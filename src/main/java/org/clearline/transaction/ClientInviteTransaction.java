package org.clearline.transaction;

import java.time.Duration;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipResponse;
import org.clearline.transport.Inbound;
import org.clearline.transport.Peer;
import org.clearline.transport.SentMessage;

/**
 * The INVITE client transaction of RFC 3261 §17.1.1 (Figure 5), with the Accepted
 * state and Timer M of RFC 6026 §7.2 and §8.4: a 2xx no longer ends the
 * transaction, so 2xx retransmissions and 2xx from other forks still find it and
 * reach the TU, which acknowledges them end to end.
 *
 * <pre>
 *   Calling --1xx--> Proceeding --300-699 (send ACK)--> Completed --Timer D--> Terminated
 *      |                 |
 *      +------2xx--------+--2xx--> Accepted --Timer M--> Terminated
 *   Calling --Timer B--> Terminated (TU: timeout)
 * </pre>
 * Proceeding has no timer of its own: ending a call that rings forever is the
 * TU's Timer C (§16.6 step 11), and after a CANCEL that gets no 487, the TU's
 * 64*T1 wait (§9.1); either way the TU calls {@link #terminate()}.
 *
 * <p>An <em>invalid</em> final response (its top Via branch and CSeq match, the
 * rest does not parse) goes from Calling or Proceeding straight to Terminated,
 * with no ACK: the ACK of a non-2xx copies the response's To header, tag
 * included (§17.1.1.3), and the ACK of a 2xx is built by the TU from the dialog
 * the response would create (§13.2.2.4); neither can be built from bytes we
 * could not read, and an ACK guessed from the request would carry the wrong To
 * tag. The TU answers its caller 502 (§21.5.3, §16.7). The peer then
 * retransmits that response until its own timer gives up (Timer H, §17.2.1, or
 * the 2xx retransmission of §13.3.1.4); those copies match no transaction and
 * are dropped as malformed. A malformed provisional response changes nothing.
 */
final class ClientInviteTransaction extends AbstractClientTransaction {

    enum State { CALLING, PROCEEDING, COMPLETED, ACCEPTED, TERMINATED }

    private State state = State.CALLING;
    /** The ACK sent for a non-2xx final response, as bytes, to repeat it (§17.1.1.2); or null. */
    private SentMessage ack;

    ClientInviteTransaction(Shard shard, SipRequest invite, Peer destination, ClientTransactionKey key,
                            ClientTransactionListener listener) {
        super(shard, invite, destination, key, listener);
    }

    @Override
    public boolean isInvite() {
        return true;
    }

    @Override
    public boolean completed() {
        return state == State.COMPLETED || state == State.ACCEPTED || state == State.TERMINATED;
    }

    State state() {
        return state;
    }

    /** The ACK sent for a non-2xx final response, or null. */
    SentMessage ack() {
        return ack;
    }

    @Override
    boolean retransmitting() {
        return state == State.CALLING;
    }

    /** §17.1.1.2: Timer A doubles each time, with no T2 cap for INVITE requests. */
    @Override
    Duration nextRetransmitInterval(Duration last) {
        return last.multipliedBy(2);
    }

    @Override
    void onResponse(SipResponse response, Inbound inbound) {
        switch (state) {
            case CALLING, PROCEEDING -> {
                if (response.isProvisional()) {
                    if (state == State.CALLING) {
                        // §17.1.1.2: retransmissions stop, and so does Timer B (the TU's Timer C takes over).
                        state = State.PROCEEDING;
                        stopRequestTimers();
                    }
                    listener.onResponse(this, response, inbound);
                } else if (response.isSuccess()) {
                    accept(response, inbound);
                } else {
                    complete(response, inbound);
                }
            }
            case COMPLETED -> {
                // §17.1.1.2: a retransmitted final is answered with the same ACK, not passed up.
                if (response.isFinal() && !response.isSuccess() && ack != null) shard.transport.resend(ack, this);
            }
            case ACCEPTED -> {
                // RFC 6026 §8.4: every 2xx (retransmission or other fork) goes to the TU; the rest is dropped.
                if (response.isSuccess()) listener.onResponse(this, response, inbound);
            }
            case TERMINATED -> { }
        }
    }

    private void accept(SipResponse response, Inbound inbound) {
        state = State.ACCEPTED;
        stopRequestTimers();
        // RFC 6026 §8.4: Timer M keeps the transaction for 64*T1 to catch 2xx from every fork.
        lingerThenStop(shard.after64T1);
        listener.onResponse(this, response, inbound);
        releaseRequest(); // the ACK of a 2xx is the TU's (§13.2.2.4); the INVITE is never sent again
    }

    private void complete(SipResponse response, Inbound inbound) {
        state = State.COMPLETED;
        ack = shard.transport.sendAndKeep(AckForNon2xx.build(request(), response), destination, this);
        shard.keptChanged(SentMessage.heapBytes(ack));
        completed(response, inbound, shard.afterTimerD);
    }

    @Override
    void onTransportFailure(Throwable cause) {
        // §17.1.4 / Figure 5: in Calling (the INVITE) and Completed (the ACK) a transport
        // error ends the transaction. In Accepted nothing of ours is in flight any more.
        if (state == State.TERMINATED || state == State.ACCEPTED) return;
        stop();
        listener.onTransportError(this, cause);
    }

    @Override
    boolean awaitingFinal() {
        return state == State.CALLING || state == State.PROCEEDING;
    }

    @Override
    boolean inCompleted() {
        return state == State.COMPLETED;
    }

    @Override
    boolean enterTerminated() {
        if (state == State.TERMINATED) return false;
        state = State.TERMINATED;
        shard.keptChanged(-SentMessage.heapBytes(ack));
        ack = null;
        return true;
    }
}
