package org.clearline.calllog;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import org.clearline.core.proxy.CallOutcomes;
import org.clearline.core.registrar.Registrar;
import org.clearline.core.routing.Routing;
import org.clearline.failures.Situation;
import org.clearline.syntax.CSeq;
import org.clearline.syntax.Methods;
import org.clearline.syntax.SipMessage;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipResponse;
import org.clearline.time.Clock;
import org.clearline.transaction.ServerTransaction;
import org.clearline.transport.MessageTap;
import org.clearline.transport.Peer;

/**
 * Collects the messages of each call (initial INVITE) by Call-ID while it is in
 * progress and closes it into the {@link LogQueue} when the proxy reports the
 * final response; an answered call stays open until its BYE is answered. The
 * proxy's routing hook adds the route (forwards, phones, trunks). Registration
 * attempts are grouped by Call-ID and source ({@link RegistrationRecorder}).
 * Messages are kept as wire bytes, and only when the {@code ladders} policy may
 * keep them. Everything here is bounded: messages and bytes per exchange,
 * exchanges in progress, the log's byte budget, the queue.
 */
public final class CallLogRecorder implements MessageTap, CallOutcomes, Registrar.Outcomes {
    /** Messages kept per call or registration attempt; more are counted, not kept. */
    public static final int MAX_MESSAGES_PER_CALL = 200;
    /** Message bytes kept per call or registration attempt; more are counted, not kept. */
    public static final int MAX_BYTES_PER_CALL = 256 * 1024;
    /**
     * Calls traced with their messages at once; beyond this a new call keeps its summary
     * only (who, when, route, outcome, timings; its messages are counted as not kept).
     */
    public static final int MAX_CALLS_IN_PROGRESS = 20_000;
    /**
     * Calls traced at once, with or without messages; beyond this new calls are not logged
     * (and counted). A call kept as a summary holds a few hundred bytes, so this many take
     * some 30 MB: a provider with more calls up at once than {@link #MAX_CALLS_IN_PROGRESS}
     * still gets a record of each.
     */
    public static final int MAX_CALLS_TRACED = 100_000;
    /** Registration attempts traced at once; beyond this new ones are not logged (and counted). */
    public static final int MAX_REGISTRATIONS_IN_PROGRESS = 20_000;
    /** A call open longer than this (answered, BYE never seen) is closed by {@link #sweep}. */
    public static final long MAX_CALL_MILLIS = 12 * 3600_000L;
    /** A failed call's ladder stays open at least this long after its final response, for the ACK and cancelled branches. */
    public static final long LINGER_MIN_MILLIS = 500;
    /** ...and at most this long when the ACK does not come (a lost ACK shows as missing). */
    public static final long LINGER_MAX_MILLIS = 4_000;
    /** A call not answered within this (ringing that long, or stuck) is closed by {@link #sweep}. */
    public static final long MAX_SETUP_MILLIS = 5 * 60_000L;
    /**
     * A caller challenged for credentials (§22.2) and silent since for this long gave
     * up: {@link #closeLingering} closes the call with the challenge as its outcome.
     */
    public static final long CHALLENGE_WAIT_MILLIS = Challenges.ANSWERED_WITHIN_MILLIS;
    /**
     * How often {@link #closeLingering} looks for callers who gave up after a challenge:
     * a pass over the calls in progress, so not at every one of its runs.
     */
    static final long CHALLENGE_CHECK_MILLIS = 1_000;
    /**
     * A call that got a final response nobody reported as its outcome (refused
     * before routing, e.g. 503 while overloaded) is closed this long after it.
     */
    public static final long ORPHAN_FINAL_MILLIS = 32_000;

    private final LogQueue queue;
    private final Clock clock;
    private final Ladder.Limits limits;
    private final CallLogSettings.Ladders ladders;
    private final Map<String, CallTrace> calls = new ConcurrentHashMap<>();
    private final RegistrationRecorder registrations;
    private final RecentlyClosed recent;
    private final LongAdder untraced = new LongAdder();
    /** Failed calls waiting for their ACK, in the order they failed. */
    private final Queue<CallTrace> lingering = new ConcurrentLinkedQueue<>();
    /** When {@link #closeLingering} last looked for abandoned challenges (its thread's only). */
    private long challengesCheckedAt = Long.MIN_VALUE;

    public CallLogRecorder(LogQueue queue, Clock clock) {
        this(queue, clock, CallLogSettings.Ladders.ALL);
    }

    public CallLogRecorder(LogQueue queue, Clock clock, CallLogSettings.Ladders ladders) {
        this(queue, clock, new Ladder.Limits(MAX_MESSAGES_PER_CALL, MAX_BYTES_PER_CALL, MAX_CALLS_IN_PROGRESS,
                MAX_CALLS_TRACED, MAX_REGISTRATIONS_IN_PROGRESS), ladders);
    }

    CallLogRecorder(LogQueue queue, Clock clock, int maxMessagesPerCall, int maxCalls) {
        this(queue, clock, new Ladder.Limits(maxMessagesPerCall, MAX_BYTES_PER_CALL, maxCalls, maxCalls, maxCalls),
                CallLogSettings.Ladders.ALL);
    }

    CallLogRecorder(LogQueue queue, Clock clock, Ladder.Limits limits, CallLogSettings.Ladders ladders) {
        this.queue = queue;
        this.clock = clock;
        this.limits = limits;
        this.ladders = ladders;
        this.registrations = new RegistrationRecorder(queue, limits, ladders);
        this.recent = new RecentlyClosed(limits.maxCallSummaries());
    }

    // ------------------------------------------------------------------ the tap

    /** Without the bytes it arrived as (a transport that has none): the message is encoded again if kept. */
    @Override
    public void inbound(SipMessage message, Peer from, long epochMillis) {
        inbound(message, null, 0, 0, false, from, epochMillis);
    }

    @Override
    public void inbound(SipMessage message, byte[] wire, int offset, int length, boolean owned, Peer from,
                        long epochMillis) {
        // an array of this message alone is kept as it is; a stream buffer's bytes are copied
        int kept = owned && offset == 0 && length == wire.length ? -1 : length;
        String callId = message.callId();
        if (callId == null || !(message instanceof SipRequest r)) {
            if (callId != null) addToCall(calls.get(callId), message, wire, offset, kept, true, from, epochMillis);
            return;
        }
        if (r.isMethod(Methods.REGISTER)) {
            registrations.inbound(r, from.toString(), kept(message, wire, offset, kept, true, from, epochMillis),
                    epochMillis);
            return;
        }
        CallTrace trace = calls.get(callId);
        if (trace != null && trace.isRefused()) {
            if (r.isMethod(Methods.ACK)) {
                trace.acknowledged();
            } else if (isNewAttempt(r, trace)) {
                // §8.1.3.4: a caller following a 3xx may reuse the Call-ID with a higher CSeq: a new attempt
                closeRefused(trace);
                trace = null;
            }
        }
        if (trace == null && isInitialInvite(r)) {
            if (recent.isRetransmission(callId, cseq(r))) return;
            int inProgress = calls.size();
            if (inProgress >= limits.maxCallSummaries()) {
                untraced.increment();
                return;
            }
            // while lean, or beyond the calls whose messages the log holds: the summary only
            boolean keepsMessages = !queue.lean() && inProgress < limits.maxCalls();
            trace = calls.computeIfAbsent(callId, id -> new CallTrace(r, from, epochMillis, keepsMessages));
        }
        if (trace == null) return;
        if (isInitialInvite(r)) trace.invited(cseq(r));
        addToCall(trace, message, wire, offset, kept, true, from, epochMillis);
    }

    @Override
    public void outbound(SipMessage message, byte[] encoded, Peer to, long epochMillis) {
        String callId = message.callId();
        if (callId == null) return;
        if (message instanceof SipResponse r && r.cseq() != null && Methods.REGISTER.equals(r.cseq().method())) {
            registrations.outbound(r, to.toString(), kept(message, encoded, 0, -1, false, to, epochMillis));
            return;
        }
        CallTrace trace = calls.get(callId);
        if (trace == null) return;
        if (message instanceof SipResponse r && r.cseq() != null && Methods.INVITE.equals(r.cseq().method())) {
            trace.responded(r.status(), epochMillis);
        }
        addToCall(trace, message, encoded, 0, -1, false, to, epochMillis);
    }

    /**
     * A response or ACK repeated by a transaction from the bytes it kept (§17.2.1, §17.2.2,
     * §17.1.1.2): no parsed message, so it joins its call's or registration's ladder as
     * bytes; the status it carries was counted when it first went out.
     */
    @Override
    public void outboundAgain(String callId, byte[] encoded, Peer to, long epochMillis) {
        if (callId == null) return;
        CallTrace trace = calls.get(callId);
        if (trace != null) {
            addToCall(trace, null, encoded, 0, -1, false, to, epochMillis);
        } else {
            WireMessage kept = ladders == CallLogSettings.Ladders.NONE ? null
                    : new WireMessage(encoded, false, to, epochMillis);
            registrations.outboundAgain(callId, to.toString(), kept);
        }
    }

    /** {@code m} may be null when {@code wire} holds the message's own bytes ({@code length} -1). */
    private void addToCall(CallTrace trace, SipMessage m, byte[] wire, int offset, int length, boolean inbound,
                           Peer peer, long at) {
        if (trace == null || ladders == CallLogSettings.Ladders.NONE || !trace.takesMessages()) return;
        if (!trace.keepsMessages()) {
            trace.notKept(queue);  // begun while lean: no copy, no record, only the count
            return;
        }
        trace.add(kept(m, wire, offset, length, inbound, peer, at), limits, queue);
    }

    /**
     * The message as kept, or null when the policy keeps no messages. Bytes of a
     * reused buffer are copied; {@code length} -1 means {@code wire} is the
     * message's own array (a datagram, or an encoded message) that nobody changes,
     * kept as it is.
     */
    private WireMessage kept(SipMessage m, byte[] wire, int offset, int length, boolean inbound, Peer peer, long at) {
        if (ladders == CallLogSettings.Ladders.NONE) return null;
        byte[] bytes = wire == null ? m.encode() : length < 0 ? wire : Arrays.copyOfRange(wire, offset, offset + length);
        return new WireMessage(bytes, inbound, peer, at);
    }

    // ---------------------------------------------------------------- outcomes

    @Override
    public void finished(ServerTransaction transaction, int status, Situation situation) {
        ended(transaction.request(), status, situation);
    }

    @Override
    public void routed(ServerTransaction transaction, Routing decision) {
        SipRequest request = transaction.request();
        if (!isInitialInvite(request)) return;
        CallTrace trace = calls.get(request.callId());
        if (trace != null) {
            trace.routed(decision.retargets(), decision instanceof Routing.Fork f ? f.targets() : List.of());
        }
    }

    /** The final response to {@code request} was sent; {@code situation} null when relayed. */
    void ended(SipRequest request, int status, Situation situation) {
        String callId = request.callId();
        CallTrace trace = callId == null ? null : calls.get(callId);
        if (trace == null) return;
        long now = clock.epochMillis();
        if (isInitialInvite(request)) {
            if (status < 300) {
                trace.answered(status, now);  // §15: the call goes on until a BYE ends the dialog
                // a policy that keeps no ladder of answered calls: its bytes go back now, not at the BYE;
                // else the writer compresses what the call has so far, so it holds little while it lasts
                if (!ladders.keeps(status)) {
                    queue.release(trace.forgetMessages());
                } else if (trace.keepsMessages()) {
                    queue.offerCompaction(new Pending.Compact(trace));
                }
            } else if ((status == 407 || status == 401) && Challenges.goesOn(situation)) {
                // §22.2: a challenge; the caller retries with credentials in the same call (same Call-ID),
                // so the ladder goes on. A caller that never retries is closed with this outcome (closeLingering).
                trace.challenged(status, situation == null ? null : situation.id(), now);
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
     * {@link #LINGER_MAX_MILLIS} for it, and, once every {@link #CHALLENGE_CHECK_MILLIS}, the
     * calls whose caller stayed silent {@link #CHALLENGE_WAIT_MILLIS} after a challenge.
     * Returns how many were closed.
     */
    public int closeLingering(long nowMillis) {
        int n = 0;
        if (challengesCheckedAt == Long.MIN_VALUE || nowMillis < challengesCheckedAt  // first, or the clock went back
                || nowMillis - challengesCheckedAt >= CHALLENGE_CHECK_MILLIS) {
            challengesCheckedAt = nowMillis;
            n += closeAbandonedChallenges(nowMillis);
        }
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

    /**
     * The calls whose caller was challenged and has sent no INVITE since, for longer than
     * {@link #CHALLENGE_WAIT_MILLIS}: it gave up, and the challenge is the call's outcome.
     * A pass over the calls in progress: a queue of challenges would hold every challenged
     * call (each call of a caller with credentials) for the whole wait.
     */
    private int closeAbandonedChallenges(long nowMillis) {
        int n = 0;
        for (CallTrace t : calls.values()) {
            long challengedAt = t.challengedAt();
            if (challengedAt >= 0 && nowMillis - challengedAt > CHALLENGE_WAIT_MILLIS && !t.isAnswered()
                    && !t.isRefused()) {
                close(t.callId(), t, t.lastCode(), t.lastSituation(), challengedAt);
                n++;
            }
        }
        return n;
    }

    private void closeRefused(CallTrace t) {
        lingering.remove(t);
        close(t.callId(), t, t.lastCode(), t.lastSituation(), t.refusedAt());
    }

    private void close(String callId, CallTrace trace, int code, String situation, long now) {
        if (!calls.remove(callId, trace)) return;
        recent.remember(callId, trace.cseq(), now);
        Ladder.Closed ladder = trace.close();
        if (ladders.keeps(code)) {
            queue.offer(new Pending.Call(trace, ladder.parts(), ladder.messages(), ladder.dropped(), code, situation,
                    now, ladder.bytes()));
        } else {
            queue.release(ladder.bytes());
            queue.offer(new Pending.Call(trace, List.of(), List.of(), 0, code, situation, now, 0));
        }
    }

    @Override
    public void registered(SipRequest request, String source, int code, Situation situation, String sipId) {
        registrations.registered(request, source, code, situation, sipId, clock.epochMillis());
    }

    // ------------------------------------------------------------ housekeeping

    /**
     * Housekeeping: closes calls whose BYE never came (answered), that never ended,
     * or whose final response was never reported (refused before routing), and
     * registration attempts that never finished; returns how many were closed.
     */
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
            } else if (!t.isAnswered() && t.finalSent() >= 300 && nowMillis - t.finalAt() > ORPHAN_FINAL_MILLIS) {
                close(e.getKey(), t, t.finalSent(), null, nowMillis);
                n++;
            }
        }
        return n + registrations.sweep(nowMillis);
    }

    /**
     * The server is stopping: every call still open is logged as it stands (a failed
     * one with its failure, an answered one as answered, lasting until now, one still
     * being set up with the last response it got), and so is every registration
     * attempt that got a failure. Returns how many were logged.
     */
    public int closeAll(long nowMillis) {
        int n = 0;
        for (CallTrace t : calls.values()) {
            if (t.isRefused()) {
                closeRefused(t);
            } else if (t.isAnswered()) {
                close(t.callId(), t, t.answerCode(), null, nowMillis);
            } else if (t.finalSent() >= 300) {
                close(t.callId(), t, t.finalSent(), null, nowMillis);
            } else {
                close(t.callId(), t, t.lastCode(), t.lastSituation(), nowMillis);
            }
            n++;
        }
        lingering.clear();
        return n + registrations.closeAll(nowMillis);
    }

    public int callsInProgress() {
        return calls.size();
    }

    public int registrationsInProgress() {
        return registrations.inProgress();
    }

    /** Calls and registration attempts not logged because too many were in progress. */
    public long untraced() {
        return untraced.sum() + registrations.untraced();
    }

    private static boolean isInitialInvite(SipRequest r) {
        return r.isInvite() && (r.to() == null || r.to().tag() == null);
    }

    private static long cseq(SipRequest r) {
        CSeq c = r.cseq();
        return c == null ? 0 : c.number();
    }
}
