package org.clearline.calllog;

import java.util.Iterator;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import org.clearline.core.proxy.CallOutcomes;
import org.clearline.core.registrar.Registrar;
import org.clearline.failures.Situation;
import org.clearline.store.RegistrationRecord;
import org.clearline.syntax.Methods;
import org.clearline.syntax.SipMessage;
import org.clearline.syntax.SipRequest;
import org.clearline.time.Clock;
import org.clearline.transaction.ServerTransaction;
import org.clearline.transport.MessageTap;
import org.clearline.transport.Peer;

/**
 * Collects the messages of each call (initial INVITE) by Call-ID while it is in
 * progress and closes it into the {@link LogQueue} when the proxy reports the
 * final response; an answered call stays open until its BYE is answered.
 * Registration attempts are logged from the registrar's outcome hook.
 * Everything here is bounded: messages per call, calls in progress, the queue.
 */
public final class CallLogRecorder implements MessageTap, CallOutcomes, Registrar.Outcomes {
    /** Messages kept per call; more are counted, not kept. */
    public static final int MAX_MESSAGES_PER_CALL = 200;
    /** Calls traced at once; beyond this new calls are not logged (and counted). */
    public static final int MAX_CALLS_IN_PROGRESS = 20_000;
    /** A call open longer than this (answered, BYE never seen) is closed by {@link #sweep}. */
    public static final long MAX_CALL_MILLIS = 12 * 3600_000L;
    /** A failed call's ladder stays open at least this long after its final response, for the ACK and cancelled branches. */
    public static final long LINGER_MIN_MILLIS = 500;
    /** ...and at most this long when the ACK does not come (a lost ACK shows as missing). */
    public static final long LINGER_MAX_MILLIS = 4_000;
    /** A call not answered within this (e.g. challenged, never retried) is closed by {@link #sweep}. */
    public static final long MAX_SETUP_MILLIS = 5 * 60_000L;

    private final LogQueue queue;
    private final Clock clock;
    private final int maxMessagesPerCall;
    private final int maxCalls;
    private final Map<String, CallTrace> calls = new ConcurrentHashMap<>();
    private final LongAdder untraced = new LongAdder();
    /** Failed calls waiting for their ACK, in the order they failed. */
    private final Queue<CallTrace> lingering = new ConcurrentLinkedQueue<>();

    public CallLogRecorder(LogQueue queue, Clock clock) {
        this(queue, clock, MAX_MESSAGES_PER_CALL, MAX_CALLS_IN_PROGRESS);
    }

    CallLogRecorder(LogQueue queue, Clock clock, int maxMessagesPerCall, int maxCalls) {
        this.queue = queue;
        this.clock = clock;
        this.maxMessagesPerCall = maxMessagesPerCall;
        this.maxCalls = maxCalls;
    }

    @Override
    public void inbound(SipMessage message, Peer from, long epochMillis) {
        String callId = message.callId();
        if (callId == null) return;
        CallTrace trace = calls.get(callId);
        if (trace != null && trace.isRefused() && message instanceof SipRequest r) {
            if (r.isMethod(Methods.ACK)) {
                trace.acknowledged();
            } else if (isNewAttempt(r, trace)) {
                // §8.1.3.4: a caller following a 3xx may reuse the Call-ID with a higher CSeq: a new attempt
                closeRefused(trace);
                trace = null;
            }
        }
        if (trace == null && message instanceof SipRequest r && r.isInvite()
                && (r.to() == null || r.to().tag() == null)) {
            if (calls.size() >= maxCalls) {
                untraced.increment();
                return;
            }
            trace = calls.computeIfAbsent(callId, id -> new CallTrace(r, from, epochMillis, maxMessagesPerCall));
        }
        if (trace != null) trace.add(new CallTrace.Entry(message, null, true, from, epochMillis));
    }

    @Override
    public void outbound(SipMessage message, byte[] encoded, Peer to, long epochMillis) {
        String callId = message.callId();
        CallTrace trace = callId == null ? null : calls.get(callId);
        if (trace != null) trace.add(new CallTrace.Entry(message, encoded, false, to, epochMillis));
    }

    /** A retransmitted response or ACK: its ladder entry has only the bytes (the writer needs no more). */
    @Override
    public void outboundAgain(String callId, byte[] encoded, Peer to, long epochMillis) {
        CallTrace trace = callId == null ? null : calls.get(callId);
        if (trace != null) trace.add(new CallTrace.Entry(null, encoded, false, to, epochMillis));
    }

    @Override
    public void finished(ServerTransaction transaction, int status, Situation situation) {
        ended(transaction.request(), status, situation);
    }

    /** The final response to {@code request} was sent; {@code situation} null when relayed. */
    void ended(SipRequest request, int status, Situation situation) {
        String callId = request.callId();
        CallTrace trace = callId == null ? null : calls.get(callId);
        if (trace == null) return;
        long now = clock.epochMillis();
        if (request.isInvite() && (request.to() == null || request.to().tag() == null)) {
            if (status < 300) {
                trace.answered(status, now);  // §15: the call goes on until a BYE ends the dialog
            } else if (status == 407 || status == 401) {
                // §22.2: a challenge; the caller retries with credentials in the same call (same Call-ID),
                // so the ladder goes on. A caller that never retries is closed by the sweep with this outcome.
                trace.challenged(status, situation == null ? null : situation.id());
            } else {
                // §17.1.1.3: the caller still acknowledges the failure, and cancelled branches still
                // answer; the ladder stays open for those until closeRefused picks the call up
                trace.refused(status, situation == null ? null : situation.id(), now,
                        request.cseq() == null ? 0 : request.cseq().number());
                lingering.add(trace);
            }
        } else if (request.isMethod(Methods.BYE) && trace.isAnswered()) {
            close(callId, trace, trace.answerCode(), null, now);
        }
    }

    private static boolean isNewAttempt(SipRequest r, CallTrace refused) {
        return r.isInvite() && (r.to() == null || r.to().tag() == null) && r.cseq() != null
                && r.cseq().number() > refused.refusedCSeq();
    }

    /**
     * Housekeeping, a few times a second: closes the failed calls whose ACK came (after
     * {@link #LINGER_MIN_MILLIS}, so the cancelled branches' answers are in) or that waited
     * {@link #LINGER_MAX_MILLIS} for it. Returns how many were closed.
     */
    public int closeLingering(long nowMillis) {
        int n = 0;
        for (Iterator<CallTrace> it = lingering.iterator(); it.hasNext(); ) {
            CallTrace t = it.next();
            long waited = nowMillis - t.refusedAt();
            if (waited >= LINGER_MAX_MILLIS || (t.isAcknowledged() && waited >= LINGER_MIN_MILLIS)) {
                it.remove();
                closeRefused(t);
                n++;
            }
        }
        return n;
    }

    private void closeRefused(CallTrace t) {
        lingering.remove(t);
        close(t.invite().callId(), t, t.lastCode(), t.lastSituation(), t.refusedAt());
    }

    private void close(String callId, CallTrace trace, int code, String situation, long now) {
        if (calls.remove(callId, trace)) {
            queue.offer(new Pending.Call(trace, trace.entries(), trace.dropped(), code, situation, now));
        }
    }

    @Override
    public void registered(SipRequest request, String source, int code, Situation situation, String sipId) {
        // 401 is the first half of every digest exchange (§22.4), not an outcome worth a row, and a
        // stale nonce is simply retried (RFC 2617 §3.2.1); a 401 for credentials that were wrong is a
        // failed log-in, which `diagnose` counts per source address
        if (code == 401 && !refusedCredentials(situation)) return;
        queue.offer(new Pending.Registration(new RegistrationRecord(request.callId(), clock.epochMillis(), source,
                sipId, code, situation == null ? null : situation.id())));
    }

    private static boolean refusedCredentials(Situation s) {
        return s == Situation.AUTH_WRONG_CREDENTIALS || s == Situation.AUTH_UNKNOWN_USER
                || s == Situation.AUTH_NONCE_REPLAYED;
    }

    /** Housekeeping: closes calls whose BYE never came (answered) or that never ended; returns how many. */
    public int sweep(long nowMillis) {
        int n = 0;
        for (Iterator<Map.Entry<String, CallTrace>> it = calls.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, CallTrace> e = it.next();
            CallTrace t = e.getValue();
            if (t.isRefused()) continue;  // closeLingering's
            long age = nowMillis - t.startedAt();
            if (t.isAnswered() ? age > MAX_CALL_MILLIS : age > MAX_SETUP_MILLIS) {
                close(e.getKey(), t, t.isAnswered() ? t.answerCode() : t.lastCode(),
                        t.isAnswered() ? null : t.lastSituation(), nowMillis);
                n++;
            }
        }
        return n;
    }

    public int callsInProgress() {
        return calls.size();
    }

    /** Calls not logged because too many were in progress. */
    public long untraced() {
        return untraced.sum();
    }
}
