package org.clearline.core.proxy;

import java.util.ArrayList;
import java.util.List;
import org.clearline.core.RequestChecks;
import org.clearline.core.routing.Routing;
import org.clearline.failures.FailureResponses;
import org.clearline.failures.Situation;
import org.clearline.syntax.HeaderNames;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipResponse;
import org.clearline.time.Scheduler;
import org.clearline.transaction.ClientTransaction;
import org.clearline.transaction.ClientTransactionListener;
import org.clearline.transaction.ServerTransaction;
import org.clearline.transport.Inbound;

/**
 * The response context of one proxied request (§16.7): its server transaction,
 * the branches forked for it, Timer C, CANCEL handling (§16.10) and the choice of
 * the response that goes upstream. Confined to the call's shard.
 */
final class ResponseContext implements ClientTransactionListener {
    private final ProxyCore core;
    final ServerTransaction server;
    final boolean invite;
    final List<Branch> branches = new ArrayList<>(2);
    private boolean finalSent;
    /** The caller cancelled, or the server is stopping ({@link #endBeforeAnswer}): no branch starts any more. */
    private boolean cancelled;
    /** The caller got our 487 (or 503, stopping): its INVITE transaction can carry no 2xx any more. */
    private boolean terminatedUpstream;
    private final String toTag;
    /** The request as received, after §16.4; every branch (also of later forks) copies it. Null once released. */
    SipRequest working;
    final boolean recordRoute;
    private Routing.Continuation continuation;
    private Scheduler.Cancellable ringTimer;
    private boolean ringTimedOut;

    ResponseContext(ProxyCore core, ServerTransaction server, SipRequest working, boolean recordRoute) {
        this.core = core;
        this.server = server;
        this.invite = server.isInvite();
        this.toTag = RequestChecks.toTag(server.request());
        this.working = working;
        this.recordRoute = recordRoute;
    }

    /** Starts (or, after a failed attempt, continues with) a fork. */
    void fork(Routing.Fork fork) {
        continuation = fork.onFailure();
        if (ringTimer != null) ringTimer.cancel();
        ringTimer = null;
        ringTimedOut = false;
        if (invite && fork.ringTimeout() != null) {
            ringTimer = server.scheduler().schedule(fork.ringTimeout(), this::ringTimeout);
        }
        core.startBranches(this, fork.targets());
    }

    /** Nobody answered within the fork's ring timeout: end its branches as "no answer". */
    private void ringTimeout() {
        ringTimer = null;
        if (finalSent) return;
        ringTimedOut = true;
        for (Branch b : List.copyOf(branches)) {
            if (b.done) continue;
            b.timedOut = true;
            if (b.provisional) {
                core.sendCancel(b, null);
            } else {
                if (b.transaction != null) b.transaction.terminate();
                synthesise(b, Situation.CALLEE_NO_ANSWER);
            }
        }
    }

    boolean cancelled() {
        return cancelled;
    }

    Branch branchOf(ClientTransaction tx) {
        for (Branch b : branches) {
            if (b.transaction == tx) return b;
        }
        return null;
    }

    // ------------------------------------------------------------ branch events

    @Override
    public void onResponse(ClientTransaction tx, SipResponse response, Inbound inbound) {
        Branch b = branchOf(tx);
        if (b == null) return;
        int code = response.status();
        if (code < 200) {
            if (code == 100) return; // §16.7 step 5: 100 is never forwarded; we sent our own
            b.provisional = true;
            if (invite) core.restartTimerC(this, b); // §16.6 step 11: each provisional resets Timer C
            if (b.cancelWanted && !b.cancelSent) core.sendCancel(b, null);
            if (!finalSent) forwardUpstream(response);
            return;
        }
        b.stopTimerC();
        if (code < 300) {
            // §16.7 step 4/5: every 2xx goes upstream at once, even after another 2xx
            boolean first = !b.done;
            b.done = true;
            if (first) b.finalResponse = response; // retransmissions change nothing the context still reads
            if (terminatedUpstream) {
                // the caller already has our 487 (it cancelled): the callee's 2xx, and each of its
                // retransmissions (§13.3.1.4), must still reach it, so that it can ACK and BYE
                // (§9.1); the transaction cannot carry them
                core.relay.sendUpstream(upstreamCopy(response), server.source());
            } else {
                forwardUpstream(response);
            }
            if (!finalSent) {
                finalSent = true;
                core.finished(this, response.status(), null);
            }
            if (invite && first) cancelOthers(b, "SIP;cause=200;text=\"Call completed elsewhere\"");
            core.maybeRelease(this);
            return;
        }
        if (b.done) return;
        if ((code == 401 || code == 407) && b.target.credentials() != null && !b.authenticated && !cancelled) {
            // a carrier trunk challenges us: answer once with the trunk's credentials (§22.2)
            org.clearline.syntax.Header answer = org.clearline.core.auth.DigestClient.answer(response,
                    b.sent.method(), b.sent.requestUri().toString(), b.target.credentials());
            if (answer != null) {
                b.stopTimerC();
                b.done = true;
                b.superseded = true;
                core.retryWithCredentials(this, b, answer);
                return;
            }
        }
        b.done = true;
        if (b.timedOut && code == 487) {
            b.situation = Situation.CALLEE_NO_ANSWER; // our Timer C cancelled it: to the caller that is "no answer"
        } else {
            b.finalResponse = response;
        }
        if (code >= 600 && invite) cancelOthers(b, null); // §16.7 step 5
        branchFinished();
    }

    @Override
    public void onTimeout(ClientTransaction tx) {
        Branch b = branchOf(tx);
        if (b != null) synthesise(b, b.trunk() ? Situation.TRUNK_NO_ANSWER : Situation.CALLEE_NO_ANSWER);
    }

    @Override
    public void onTransportError(ClientTransaction tx, Throwable cause) {
        Branch b = branchOf(tx);
        if (b != null) synthesise(b, b.trunk() ? Situation.TRUNK_UNREACHABLE : Situation.CALLEE_UNREACHABLE);
    }

    /** §21.5.3: the next hop answered with something we cannot read; the caller gets 502. */
    @Override
    public void onInvalidResponse(ClientTransaction tx, org.clearline.syntax.ParseResult.Failure failure) {
        Branch b = branchOf(tx);
        if (b != null) {
            synthesise(b, b.trunk() ? Situation.TRUNK_INVALID_RESPONSE : Situation.CALLEE_INVALID_RESPONSE);
        }
    }

    /** A branch ends without a response from the callee: Timer B/F, transport error, no resolvable host. */
    void synthesise(Branch b, Situation situation) {
        if (b == null || b.done) return;
        b.stopTimerC();
        b.done = true;
        b.situation = situation;
        branchFinished();
    }

    /** Timer C fired on {@code b} (§16.8). */
    void timerC(Branch b) {
        b.timerC = null;
        if (b.done) return;
        if (b.provisional) {
            b.timedOut = true;
            core.sendCancel(b, null);
        } else {
            if (b.transaction != null) b.transaction.terminate();
            synthesise(b, Situation.CALLEE_NO_ANSWER);
        }
    }

    // ------------------------------------------------------------ CANCEL (§16.10)

    /** The caller cancelled: 487 upstream now, CANCEL every pending branch. */
    void cancel() {
        if (cancelled) return;
        endBeforeAnswer(Situation.CALL_CANCELLED, 0);
    }

    /**
     * The server is stopping before the caller got a final answer (§21.5.4): {@code situation}
     * with Retry-After upstream now and, for an INVITE, CANCEL to every branch still
     * pending, so that no phone goes on ringing for a server that is gone.
     */
    void abandon(Situation situation, int retryAfterSeconds) {
        if (finalSent) return;
        endBeforeAnswer(situation, retryAfterSeconds);
    }

    /**
     * Ends the context before an answer (§16.10): the caller gets {@code situation}'s
     * response now unless it has its final one (with Retry-After when {@code retryAfterSeconds}
     * is positive), every pending INVITE branch gets CANCEL, and no branch starts after
     * this. A callee's 2xx that crosses the CANCEL still reaches the caller.
     */
    private void endBeforeAnswer(Situation situation, int retryAfterSeconds) {
        cancelled = true;
        if (!finalSent) {
            finalSent = true;
            terminatedUpstream = invite;
            SipResponse r = FailureResponses.create(server.request(), situation, toTag);
            if (retryAfterSeconds > 0) FailureResponses.withRetryAfter(r, retryAfterSeconds);
            server.respond(r);
            core.finished(this, r.status(), situation);
        }
        if (invite) cancelOthers(null, null);
        core.maybeRelease(this);
    }

    private void cancelOthers(Branch except, String reason) {
        for (Branch other : branches) {
            if (other == except || other.done) continue;
            if (other.provisional) {
                if (!other.cancelSent) core.sendCancel(other, reason);
            } else {
                other.cancelWanted = true; // §9.1: no CANCEL before a provisional response
            }
        }
    }

    // ------------------------------------------------------------ upstream

    private void branchFinished() {
        if (!finalSent && allDone() && continuation != null && !cancelled) {
            Branch best = BestResponse.choose(branches);
            Routing.Continuation c = continuation;
            continuation = null;
            if (ringTimer != null) ringTimer.cancel();
            Routing next = c.next(new Routing.FailedAttempt(best.finalStatus(),
                    best.finalResponse == null ? best.situation : null, ringTimedOut));
            if (next != null) core.routed(this, next);
            if (next instanceof Routing.Fork f) {
                fork(f);
                return;
            }
            if (next instanceof Routing.Reject r) {
                finalSent = true;
                SipResponse resp = FailureResponses.create(server.request(), r.situation(), toTag);
                for (org.clearline.syntax.Header h : r.headers()) resp.addHeader(h.name(), h.value());
                server.respond(resp);
                core.finished(this, resp.status(), r.situation());
                core.maybeRelease(this);
                return;
            }
        }
        if (!finalSent && allDone()) {
            finalSent = true;
            if (ringTimer != null) ringTimer.cancel();
            Branch best = BestResponse.choose(branches);
            SipResponse r;
            Situation s;
            if (best.finalResponse != null) {
                r = upstreamCopy(best.finalResponse);
                s = null;
                if (r.status() == 401 || r.status() == 407) aggregateChallenges(r, best);
            } else {
                s = best.situation;
                r = FailureResponses.create(server.request(), s, toTag);
            }
            server.respond(r);
            core.finished(this, r.status(), s);
        }
        core.maybeRelease(this);
    }

    boolean allDone() {
        for (Branch b : branches) {
            if (!b.done) return false;
        }
        return true;
    }

    boolean finalSent() {
        return finalSent;
    }

    /** Sends a copy of a branch's response upstream without our Via (§16.7 step 3). */
    private void forwardUpstream(SipResponse response) {
        server.respond(upstreamCopy(response));
    }

    private static SipResponse upstreamCopy(SipResponse response) {
        SipResponse copy = response.copy();
        copy.removeFirstValue(HeaderNames.VIA);
        return copy;
    }

    /** §16.7 step 7: every challenge of every 401/407 branch goes into the one we forward. */
    private void aggregateChallenges(SipResponse chosen, Branch from) {
        for (Branch b : branches) {
            if (b == from || b.finalResponse == null) continue;
            int c = b.finalResponse.status();
            if (c != 401 && c != 407) continue;
            for (String v : b.finalResponse.headerValues(HeaderNames.WWW_AUTHENTICATE)) {
                chosen.addHeader(HeaderNames.WWW_AUTHENTICATE, v);
            }
            for (String v : b.finalResponse.headerValues(HeaderNames.PROXY_AUTHENTICATE)) {
                chosen.addHeader(HeaderNames.PROXY_AUTHENTICATE, v);
            }
        }
    }

    /**
     * The caller has its final response and every branch is over ({@link ProxyCore#maybeRelease}).
     * What is left to do is relay 2xx retransmissions and 2xx of other forks (§16.7 step 4),
     * which the INVITE client transactions pass on for 64*T1 (RFC 6026 Timer M) and which
     * need no message kept here: the timers stop and the requests and responses go.
     */
    void release() {
        working = null;
        continuation = null;
        if (ringTimer != null) ringTimer.cancel();
        ringTimer = null;
        for (Branch b : branches) b.release();
    }
}
