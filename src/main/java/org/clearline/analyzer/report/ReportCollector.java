package org.clearline.analyzer.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clearline.analyzer.calls.CallTrace;
import org.clearline.analyzer.calls.ClosedCalls;
import org.clearline.analyzer.calls.RecentInvites;
import org.clearline.analyzer.calls.TraceMessage;
import org.clearline.analyzer.diagnosis.Diagnoser;
import org.clearline.analyzer.diagnosis.Diagnosis;

/**
 * Receives each closed call, diagnoses it and keeps what the report shows: a
 * summary row for the first {@code maxListed} calls, the whole story (ladder
 * included) for the first {@code maxDetailed} calls with a problem, and counts
 * for everything. What is kept is bounded however long the trace.
 */
public final class ReportCollector implements ClosedCalls {
    private final Diagnoser diagnoser = new Diagnoser();
    private final int maxListed;
    private final int maxDetailed;
    private final List<CallSummary> listed = new ArrayList<>();
    private final List<CallReport> detailed = new ArrayList<>();
    private final Map<String, Long> byDiagnosis = new HashMap<>();
    private long notListed;
    private long notDetailed;
    private long calls;
    private long registrations;
    private long others;
    private long inDialog;
    private long problems;

    public ReportCollector(int maxListed, int maxDetailed) {
        this.maxListed = maxListed;
        this.maxDetailed = maxDetailed;
    }

    @Override
    public void closed(CallTrace call, long traceNow, RecentInvites invites) {
        List<TraceMessage> messages = call.messages();
        if (messages.isEmpty()) return;
        Diagnosis d = diagnoser.diagnose(messages, traceNow, invites);
        switch (d.kind()) {
            case CALL -> calls++;
            case REGISTRATION -> registrations++;
            case OTHER -> others++;
            case IN_DIALOG -> inDialog++;
        }
        byDiagnosis.merge(d.problem() ? d.label() : "ok", 1L, Long::sum);
        CallSummary summary = summary(call, messages, d);
        if (listed.size() < maxListed) listed.add(summary);
        else notListed++;
        if (!d.problem()) return;
        problems++;
        if (detailed.size() < maxDetailed) detailed.add(new CallReport(summary, LadderBuilder.of(messages, call.dropped())));
        else notDetailed++;
    }

    private static CallSummary summary(CallTrace call, List<TraceMessage> messages, Diagnosis d) {
        TraceMessage opening = null;
        for (TraceMessage m : messages) {
            if (m.isRequest() && m.isMethod(d.method())) {
                opening = m;
                break;
            }
        }
        if (opening == null) opening = messages.getFirst();
        int copies = 0;
        for (TraceMessage m : messages) if (m.retransmission()) copies++;
        return new CallSummary(call.callId(), call.firstMicros(), call.lastMicros(), orEmpty(opening.facts().from()),
                orEmpty(opening.facts().to()), orEmpty(opening.facts().requestUri()), d, call.count(), copies,
                call.continuation());
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    @Override
    public boolean wantsText() {
        return detailed.size() < maxDetailed;
    }

    /** The calls listed, in order of their first message. */
    public List<CallSummary> listed() {
        List<CallSummary> out = new ArrayList<>(listed);
        out.sort(Comparator.comparingLong(CallSummary::startMicros));
        return out;
    }

    public List<CallReport> detailed() {
        List<CallReport> out = new ArrayList<>(detailed);
        out.sort(Comparator.comparingLong(r -> r.summary().startMicros()));
        return out;
    }

    public long notListed() {
        return notListed;
    }

    public long notDetailed() {
        return notDetailed;
    }

    public CallCounts counts() {
        Map<String, Long> sorted = new LinkedHashMap<>();
        byDiagnosis.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return new CallCounts(calls, registrations, others, inDialog, problems, sorted);
    }
}
