package org.clearline.core.proxy;

import org.clearline.core.routing.Target;
import org.clearline.failures.Situation;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipResponse;
import org.clearline.time.Scheduler;
import org.clearline.transaction.ClientTransaction;
import org.clearline.transport.Peer;

/** One forked branch of a response context (§16.7): its client transaction and what it has heard. */
final class Branch {
    final ResponseContext context;
    /** Where the branch goes; null once the context is released (a finished INVITE lingers 64*T1). */
    Target target;
    /** Whether {@link #target} is a trunk, kept past the release for the situations of late events. */
    private final boolean trunk;
    SipRequest sent;
    Peer peer;
    ClientTransaction transaction;

    /** A provisional response above 100 arrived (a CANCEL may now be sent, §9.1). */
    boolean provisional;
    /** CANCEL wanted; sent as soon as a provisional arrives. */
    boolean cancelWanted;
    boolean cancelSent;
    /** Timer C fired: the branch's eventual 487 means "no answer", not "cancelled". */
    boolean timedOut;
    Scheduler.Cancellable timerC;
    /** §9.1: ends the branch 64*T1 after its CANCEL if the callee never answers it. */
    Scheduler.Cancellable cancelGuard;

    /** This branch answered a trunk's challenge (its credentials were used once). */
    boolean authenticated;
    /** A 401/407 that we answered with a new branch: not a candidate for the best response. */
    boolean superseded;

    /** The final outcome: a received response, or a situation we synthesised (408, 503). */
    boolean done;
    SipResponse finalResponse;
    Situation situation;

    Branch(ResponseContext context, Target target) {
        this.context = context;
        this.target = target;
        this.trunk = target.kind() == Target.Kind.TRUNK;
    }

    boolean trunk() {
        return trunk;
    }

    int finalStatus() {
        return finalResponse != null ? finalResponse.status() : situation.code();
    }

    /**
     * The context is over: its timers stop and the messages and the target go. Only
     * what relaying a late 2xx needs stays: the transaction (to find the branch) and
     * the outcome flags.
     */
    void release() {
        stopTimerC();
        if (cancelGuard != null) {
            cancelGuard.cancel();
            cancelGuard = null;
        }
        sent = null;
        finalResponse = null;
        target = null;
    }

    void stopTimerC() {
        if (timerC != null) {
            timerC.cancel();
            timerC = null;
        }
    }
}
