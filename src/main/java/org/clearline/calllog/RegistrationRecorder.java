package org.clearline.calllog;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.clearline.failures.Situation;
import org.clearline.store.RegistrationRecord;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipResponse;

/**
 * The registration half of the recorder: groups the messages of each attempt
 * by Call-ID and source while it runs (REGISTER, 401, REGISTER with
 * credentials, final, §22.4) and closes it into the queue when the registrar
 * reports the outcome. Bounded like calls: attempts in progress, messages and
 * bytes per attempt, the shared byte budget.
 */
final class RegistrationRecorder {
    /**
     * An attempt open longer than this is closed by {@link #sweep}: by then its
     * challenge would have been answered and its request no longer retransmitted.
     */
    static final long MAX_ATTEMPT_MILLIS = Challenges.ANSWERED_WITHIN_MILLIS;

    private final LogQueue queue;
    private final Ladder.Limits limits;
    private final CallLogSettings.Ladders ladders;
    private final Map<String, RegistrationTrace> attempts = new ConcurrentHashMap<>();
    private final RecentlyClosed recent;
    private final LongAdder untraced = new LongAdder();

    RegistrationRecorder(LogQueue queue, Ladder.Limits limits, CallLogSettings.Ladders ladders) {
        this.queue = queue;
        this.limits = limits;
        this.ladders = ladders;
        this.recent = new RecentlyClosed(limits.maxRegistrations());
    }

    static String key(String callId, String source) {
        return callId + '|' + source;
    }

    /** A REGISTER arrived ({@code wire} null when the ladder is not kept). */
    void inbound(SipRequest register, String source, WireMessage wire, long at) {
        String key = key(register.callId(), source);
        RegistrationTrace trace = attempts.get(key);
        long cseq = register.cseq() == null ? 0 : register.cseq().number();
        if (trace == null) {
            if (recent.isRetransmission(key, cseq)) return;
            if (attempts.size() >= limits.maxRegistrations()) {
                untraced.increment();
                return;
            }
            trace = attempts.computeIfAbsent(key, k -> new RegistrationTrace(at, !queue.lean()));
        }
        trace.requested(cseq);
        if (wire != null) trace.add(wire, limits, queue);
    }

    /** A response to a REGISTER went to {@code destination} (the source the request came from). */
    void outbound(SipResponse response, String destination, WireMessage wire) {
        RegistrationTrace trace = attempts.get(key(response.callId(), destination));
        if (trace == null) return;
        trace.responded(response.status());
        if (wire != null) trace.add(wire, limits, queue);
    }

    /** A response to a REGISTER sent again from its bytes ({@link CallLogRecorder#outboundAgain}). */
    void outboundAgain(String callId, String destination, WireMessage wire) {
        RegistrationTrace trace = attempts.get(key(callId, destination));
        if (trace != null && wire != null) trace.add(wire, limits, queue);
    }

    /**
     * The registrar answered {@code request} with {@code code}. A challenge goes on (the
     * phone answers it under the same Call-ID); a refusal, even one sent as 401 (a wrong
     * password, §22.4), ends the attempt.
     */
    void registered(SipRequest request, String source, int code, Situation situation, String sipId, long now) {
        String key = key(request.callId(), source);
        RegistrationTrace trace = attempts.get(key);
        if (trace == null) return;
        if (code == 401 && Challenges.goesOn(situation)) {  // §22.4: the first half of the exchange
            trace.challenged(situation == null ? null : situation.id(), sipId);
            return;
        }
        close(key, trace, new RegistrationRecord(request.callId(), trace.startedAt(), source, sipId, code,
                situation == null ? null : situation.id()), now);
    }

    private void close(String key, RegistrationTrace trace, RegistrationRecord summary, long now) {
        if (!attempts.remove(key, trace)) return;
        recent.remember(key, trace.cseq(), now);
        Ladder.Closed ladder = trace.close();
        if (!ladders.keeps(summary.code())) {
            queue.release(ladder.bytes());
            queue.offer(new Pending.Registration(summary));
            return;
        }
        RegistrationRecord record = new RegistrationRecord(summary.callId(), summary.atMillis(), summary.source(),
                summary.sipId(), summary.code(), summary.situation(), java.util.List.of(), ladder.dropped(), null);
        queue.offer(new Pending.Registration(record, ladder.messages(), ladder.bytes()));
    }

    /**
     * Housekeeping: closes attempts older than {@link #MAX_ATTEMPT_MILLIS}. One
     * that got a failure (a challenge never answered, a 503 of an overloaded
     * server) is logged with it; one that only saw a 2xx is a late copy of a
     * request that was already logged, answered again by its transaction, and
     * is dropped. Returns how many were logged.
     */
    int sweep(long now) {
        return closeOlderThan(now, MAX_ATTEMPT_MILLIS);
    }

    /** The server is stopping: closes every attempt as {@link #sweep} closes old ones. */
    int closeAll(long now) {
        return closeOlderThan(now, Long.MIN_VALUE);  // no age is at or below it: every attempt
    }

    private int closeOlderThan(long now, long maxAgeMillis) {
        int n = 0;
        for (Iterator<Map.Entry<String, RegistrationTrace>> it = attempts.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, RegistrationTrace> e = it.next();
            RegistrationTrace t = e.getValue();
            if (now - t.startedAt() <= maxAgeMillis) continue;
            int code = t.lastCode();
            String key = e.getKey();
            int bar = key.lastIndexOf('|');
            if (code >= 300) {
                boolean challenge = code == 401;
                close(key, t, new RegistrationRecord(key.substring(0, bar), t.startedAt(), key.substring(bar + 1),
                        challenge ? t.challengedSipId() : null, code, challenge ? t.challengeSituation() : null),
                        now);
                n++;
            } else if (attempts.remove(key, t)) {
                queue.release(t.close().bytes());
            }
        }
        return n;
    }

    int inProgress() {
        return attempts.size();
    }

    long untraced() {
        return untraced.sum();
    }
}
