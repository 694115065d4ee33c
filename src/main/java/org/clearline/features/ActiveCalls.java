package org.clearline.features;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.clearline.core.proxy.CallOutcomes;
import org.clearline.failures.Situation;
import org.clearline.syntax.Methods;
import org.clearline.syntax.SipRequest;
import org.clearline.transaction.ServerTransaction;

/**
 * Calls in progress per line, for call limits: a call counts from the INVITE
 * that rings the line until its final failure response or its BYE, once per
 * line however many phones of the line ring. Shared by all shards.
 *
 * <p>A call whose phones vanish mid-call (power cut, network gone) never sends
 * its BYE; without an end it would hold its line's limit for ever. Such calls
 * are aged out by {@link #sweep} after {@link #MAX_CALL_MILLIS}, as a dialog
 * tracker's default timeout does.
 */
public final class ActiveCalls implements CallOutcomes {
    private final ConcurrentHashMap<String, AtomicInteger> perLine = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, List<String>> linesOfCall = new ConcurrentHashMap<>();
    /** When each call began (epoch ms), for {@link #sweep}. */
    private final ConcurrentHashMap<String, Long> startedAt = new ConcurrentHashMap<>();

    /** A call up longer than this is taken to be over (its BYE was lost with its phones). */
    public static final long MAX_CALL_MILLIS = 12 * 3600_000L;

    /** Calls up for {@code sipId} now. */
    public int active(String sipId) {
        AtomicInteger n = perLine.get(sipId);
        return n == null ? 0 : n.get();
    }

    /** The call starts ringing {@code sipId} at {@code nowMillis}. */
    public void begin(String callId, String sipId, long nowMillis) {
        startedAt.putIfAbsent(callId, nowMillis);
        begin(callId, sipId);
    }

    /** The call starts ringing {@code sipId} (not aged by {@link #sweep} unless begun with a time). */
    public void begin(String callId, String sipId) {
        linesOfCall.compute(callId, (k, lines) -> {
            if (lines != null && lines.contains(sipId)) return lines;
            perLine.compute(sipId, (x, n) -> {
                AtomicInteger c = n == null ? new AtomicInteger() : n;
                c.incrementAndGet();
                return c;
            });
            List<String> out = new java.util.ArrayList<>(lines == null ? List.of() : lines);
            out.add(sipId);
            return List.copyOf(out);
        });
    }

    /** The call stopped ringing {@code sipId} (it moves on to a forward target). */
    public void end(String callId, String sipId) {
        linesOfCall.computeIfPresent(callId, (k, lines) -> {
            if (!lines.contains(sipId)) return lines;
            release(sipId);
            List<String> out = new java.util.ArrayList<>(lines);
            out.remove(sipId);
            if (out.isEmpty()) startedAt.remove(callId);
            return out.isEmpty() ? null : List.copyOf(out);
        });
    }

    /** The call is over: every line it counted against is free again. */
    public void endAll(String callId) {
        startedAt.remove(callId);
        List<String> lines = linesOfCall.remove(callId);
        if (lines != null) lines.forEach(this::release);
    }

    /**
     * Housekeeping: ends the calls begun more than {@code maxMillis} before
     * {@code nowMillis} and returns how many it ended.
     */
    public int sweep(long nowMillis, long maxMillis) {
        int n = 0;
        for (Map.Entry<String, Long> e : startedAt.entrySet()) {
            if (nowMillis - e.getValue() > maxMillis && startedAt.remove(e.getKey(), e.getValue())) {
                endAll(e.getKey());
                n++;
            }
        }
        return n;
    }

    @Override
    public void finished(ServerTransaction tx, int status, Situation situation) {
        SipRequest r = tx.request();
        boolean initialInvite = r.isMethod(Methods.INVITE) && (r.to() == null || r.to().tag() == null);
        if ((initialInvite && status >= 300) || r.isMethod(Methods.BYE)) endAll(r.callId());
    }

    /** Calls up, counted once per line they occupy (for metrics). */
    public int total() {
        int n = 0;
        for (var v : perLine.values()) n += Math.max(0, v.get());
        return n;
    }

    /** Lines with calls up (for diagnostics and metrics). */
    public Map<String, Integer> snapshot() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        perLine.forEach((k, v) -> {
            if (v.get() > 0) out.put(k, v.get());
        });
        return out;
    }

    private void release(String sipId) {
        perLine.computeIfPresent(sipId, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
    }
}
