package org.clearline.calllog;

import java.util.ArrayList;
import java.util.List;
import org.clearline.core.routing.Retarget;
import org.clearline.core.routing.Target;
import org.clearline.syntax.NameAddr;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.Uri;
import org.clearline.transport.Peer;

/**
 * One call in progress: who called whom (small immutable values taken from the
 * INVITE, not the INVITE itself), its messages as wire bytes, the route the
 * router chose and the times the timings need. Messages arrive on I/O threads
 * and shards, so the methods synchronize (uncontended: one call's messages
 * mostly stay on one thread).
 */
final class CallTrace extends Exchange {
    /** Route events kept per call; a fork to more phones than this is cut (rare: bindings are capped too). */
    static final int MAX_ROUTE_EVENTS = 32;

    /**
     * Messages of a plain call through the proxy: INVITE, 407, ACK and INVITE again on
     * each side of it, 100, 180 and 200 back, ACK, BYE and its 200 (the benchmark's call has 18).
     */
    static final int EXPECTED_MESSAGES = 20;

    /** One routing event: a retarget (forward, redirect) or a branch target; exactly one is set. */
    record RouteEvent(Retarget retarget, Target target) {}

    private final String callId;
    private final NameAddr from;
    private final Uri requestUri;
    private final Peer source;
    private final long startedAt;
    private final List<RouteEvent> route = new ArrayList<>(2);
    private long refusedAt = -1;
    private long refusedCSeq;
    private boolean acknowledged;
    private long answeredAt = -1;
    private int answerCode;
    private int lastCode;
    private String lastSituation;
    private long firstRingingAt = -1;
    private long finalAt = -1;
    /** A final response (not a challenge) we sent to the caller; 0 before. */
    private int finalSent;
    /** The highest CSeq of the caller's INVITEs (the first and the one with credentials). */
    private long cseq;
    /** When the caller was last challenged without sending an INVITE since; -1 when not waiting. */
    private long challengedAt = -1;

    /** {@code keepsMessages} false: the call began while the log was lean, it keeps its summary only. */
    CallTrace(SipRequest invite, Peer source, long startedAt, boolean keepsMessages) {
        super(EXPECTED_MESSAGES, keepsMessages);
        this.callId = invite.callId();
        this.from = invite.from();
        this.requestUri = invite.requestUri();
        this.source = source;
        this.startedAt = startedAt;
    }

    /** The caller sent an INVITE of this call with {@code number} (§8.1.1.5). */
    synchronized void invited(long number) {
        if (number > cseq) {
            cseq = number;
            challengedAt = -1;  // a new INVITE (with credentials): the challenge was answered
        }
    }

    synchronized long cseq() {
        return cseq;
    }

    /**
     * A response to the INVITE went back to the caller: the timings as the caller
     * saw them (post-dial delay to the first 18x, ringing to the final response).
     */
    synchronized void responded(int status, long at) {
        if (firstRingingAt < 0 && status >= 180 && status < 190) firstRingingAt = at;
        if (status >= 200 && status != 401 && status != 407) {
            if (finalAt < 0) finalAt = at;
            if (finalSent == 0) finalSent = status;
        }
    }

    synchronized void routed(List<Retarget> retargets, List<Target> targets) {
        for (Retarget r : retargets) {
            if (route.size() < MAX_ROUTE_EVENTS) route.add(new RouteEvent(r, null));
        }
        for (Target t : targets) {
            if (route.size() < MAX_ROUTE_EVENTS) route.add(new RouteEvent(null, t));
        }
    }

    /** The call failed with this final response at {@code at}; it waits for the ACK of INVITE {@code cseq}. */
    synchronized void refused(int code, String situation, long at, long cseq) {
        refusedAt = at;
        refusedCSeq = cseq;
        lastCode = code;
        lastSituation = situation;
    }

    synchronized boolean isRefused() {
        return refusedAt >= 0;
    }

    synchronized long refusedAt() {
        return refusedAt;
    }

    synchronized long refusedCSeq() {
        return refusedCSeq;
    }

    synchronized void acknowledged() {
        acknowledged = true;
    }

    synchronized boolean isAcknowledged() {
        return acknowledged;
    }

    synchronized void answered(int code, long at) {
        if (answeredAt < 0) {
            answeredAt = at;
            answerCode = code;
        }
    }

    /** A challenge was sent at {@code at}; remembered in case the caller gives up. */
    synchronized void challenged(int code, String situation, long at) {
        lastCode = code;
        lastSituation = situation;
        challengedAt = at;
    }

    /** When the caller was challenged and has sent no INVITE since; -1 when it has (or never was). */
    synchronized long challengedAt() {
        return challengedAt;
    }

    synchronized int lastCode() {
        return lastCode;
    }

    synchronized String lastSituation() {
        return lastSituation;
    }

    /** The final status we sent the caller (not a challenge), 0 before one went out. */
    synchronized int finalSent() {
        return finalSent;
    }

    /** When that final response went out, -1 before. */
    synchronized long finalAt() {
        return finalAt;
    }

    synchronized long firstRingingAt() {
        return firstRingingAt;
    }

    synchronized boolean isAnswered() {
        return answeredAt >= 0;
    }

    synchronized int answerCode() {
        return answerCode;
    }

    synchronized long answeredAt() {
        return answeredAt;
    }

    synchronized List<RouteEvent> route() {
        return List.copyOf(route);
    }

    String callId() {
        return callId;
    }

    NameAddr from() {
        return from;
    }

    Uri requestUri() {
        return requestUri;
    }

    Peer source() {
        return source;
    }

    long startedAt() {
        return startedAt;
    }
}
