package org.clearline.analyzer.calls;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import org.clearline.analyzer.input.CapturedMessage;
import org.clearline.analyzer.input.MessageSink;
import org.clearline.syntax.CSeq;
import org.clearline.syntax.SipMessage;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipResponse;
import org.clearline.syntax.Via;

/**
 * Groups messages by Call-ID (§8.1.1.4) into {@link CallTrace}s and closes each
 * call once it has been quiet for {@link GroupingLimits#idleMicros()} of trace
 * time (longer while an INVITE rings, shorter once it has
 * {@link CallTrace#settled() settled}), handing it to {@code closed}. Calls are
 * kept in order of last activity, so finding the quiet ones only looks at the
 * oldest. Call {@link #finish} at the end of the input to close the rest.
 */
public final class CallGrouper implements MessageSink {
    /** Quiet calls are looked for at least this often in trace time, and every {@link #SWEEP_EVERY} messages. */
    static final long SWEEP_MICROS = 1_000_000L;
    static final int SWEEP_EVERY = 256;

    private final GroupingLimits limits;
    private final ClosedCalls closed;
    private final RecentInvites invites = new RecentInvites();
    private final Map<String, CallTrace> open = new LinkedHashMap<>(1024, 0.75f, true);
    private final Map<String, Boolean> ringing = new LinkedHashMap<>();
    /** Settled calls in the order they settled: they close after a short wait of their own. */
    private final Map<String, CallTrace> settled = new LinkedHashMap<>();
    /** 64-bit hashes of closed Call-IDs (a collision only marks a new call as a continuation). */
    private final LinkedHashSet<Long> closedIds = new LinkedHashSet<>();
    private long now = -1;
    private long lastSweep = -1;
    private long seq;
    private long textChars;
    private long messagesWithoutCallId;

    public CallGrouper(GroupingLimits limits, ClosedCalls closed) {
        this.limits = limits;
        this.closed = closed;
    }

    /** INVITEs seen recently, by target: tells whether a redirect was followed (§8.1.3.4). */
    public RecentInvites invites() {
        return invites;
    }

    /** The latest time seen in the trace, or -1. */
    public long now() {
        return now;
    }

    /** Messages skipped because they had no Call-ID at all. */
    public long messagesWithoutCallId() {
        return messagesWithoutCallId;
    }

    @Override
    public void message(CapturedMessage captured) {
        SipMessage m = captured.message();
        String callId = m.callId();
        if (callId == null || callId.isEmpty()) {
            messagesWithoutCallId++;
            return;
        }
        if (captured.micros() > now) now = captured.micros();
        CallTrace call = open.get(callId);
        if (call == null) {
            if (open.size() >= limits.maxOpenCalls()) closeOldest();
            call = new CallTrace(callId, closedIds.contains(Hashes.of(callId)), limits.maxMessagesPerCall());
            open.put(callId, call);
        }
        String text = closed.wantsText() && textChars + captured.text().length() <= limits.maxTextChars()
                ? captured.text() : null;
        TraceMessage t = trace(captured, text);
        t = withCopyFlag(t, call.isCopy(t));
        call.add(t);
        if (text != null) textChars += text.length();
        trackRinging(callId, t);
        settled.remove(callId);
        if (call.settled()) settled.put(callId, call);
        if (t.isRequest() && t.isMethod("INVITE") && t.facts().requestUri() != null) {
            invites.seen(t.facts().requestUri(), t.micros(), seq);
        }
        if (seq % SWEEP_EVERY == 0 || now - lastSweep >= SWEEP_MICROS) sweep();
    }

    /** Closes every open call (end of input). */
    public void finish() {
        while (!open.isEmpty()) closeOldest();
    }

    private TraceMessage trace(CapturedMessage c, String text) {
        SipMessage m = c.message();
        CSeq cseq = safeCseq(m);
        Via top = safeTopVia(m);
        String method;
        int status;
        String reason;
        if (m instanceof SipResponse r) {
            status = r.status();
            reason = r.reason();
            method = cseq == null ? "?" : cseq.method();
        } else {
            status = 0;
            reason = "";
            method = ((SipRequest) m).method();
        }
        return new TraceMessage(++seq, c.micros(), c.source(), c.destination(), c.transport(), startLine(m), method,
                status, reason, cseq == null ? -1 : cseq.number(), top == null ? null : top.branch(),
                tag(m, true), tag(m, false), c.defect(), FactExtractor.of(m), text, false);
    }

    private static TraceMessage withCopyFlag(TraceMessage t, boolean copy) {
        if (!copy) return t;
        return new TraceMessage(t.seq(), t.micros(), t.source(), t.destination(), t.transport(), t.startLine(),
                t.method(), t.status(), t.reason(), t.cseq(), t.branch(), t.fromTag(), t.toTag(), t.defect(),
                t.facts(), t.text(), true);
    }

    /** An INVITE with a provisional answer and no final one keeps its call open longer. */
    private void trackRinging(String callId, TraceMessage t) {
        if (!t.isMethod("INVITE") || t.isRequest()) return;
        if (t.status() < 200) ringing.put(callId, Boolean.TRUE);
        else ringing.remove(callId);
    }

    private void sweep() {
        lastSweep = now;
        Iterator<CallTrace> done = settled.values().iterator();
        while (done.hasNext()) {
            CallTrace call = done.next();
            if (call.lastMicros() < 0 || now - call.lastMicros() < limits.settledIdleMicros()) break;
            done.remove();
            open.remove(call.callId());
            close(call);
        }
        List<String> stillRinging = new ArrayList<>();
        Iterator<Map.Entry<String, CallTrace>> it = open.entrySet().iterator();
        while (it.hasNext()) {
            CallTrace call = it.next().getValue();
            long quiet = now - call.lastMicros();
            if (call.lastMicros() < 0 || quiet < limits.idleMicros()) break; // the rest were active later
            if (ringing.containsKey(call.callId()) && quiet < limits.ringingIdleMicros()) {
                stillRinging.add(call.callId());
                continue;
            }
            it.remove();
            close(call);
        }
        // a ringing call moves behind the active ones, so the next sweep does not look at it again at once
        for (String id : stillRinging) open.get(id);
    }

    private void closeOldest() {
        Iterator<Map.Entry<String, CallTrace>> it = open.entrySet().iterator();
        CallTrace call = it.next().getValue();
        it.remove();
        close(call);
    }

    private void close(CallTrace call) {
        textChars -= call.textChars();
        ringing.remove(call.callId());
        settled.remove(call.callId());
        closedIds.add(Hashes.of(call.callId()));
        if (closedIds.size() > limits.maxRememberedIds()) {
            Iterator<Long> it = closedIds.iterator();
            it.next();
            it.remove();
        }
        closed.closed(call, now, invites);
    }

    private static String startLine(SipMessage m) {
        if (m instanceof SipRequest r && r.requestUri() == null) return r.method() + " ? SIP/2.0";
        return m.startLine();
    }

    private static String tag(SipMessage m, boolean from) {
        try {
            var a = from ? m.from() : m.to();
            return a == null ? null : a.tag();
        } catch (RuntimeException e) {
            return null; // salvaged message with an unreadable From/To
        }
    }

    private static CSeq safeCseq(SipMessage m) {
        try {
            return m.cseq();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Via safeTopVia(SipMessage m) {
        try {
            return m.topVia();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
