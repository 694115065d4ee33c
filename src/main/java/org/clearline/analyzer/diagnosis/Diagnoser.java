package org.clearline.analyzer.diagnosis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.clearline.analyzer.calls.RecentInvites;
import org.clearline.analyzer.calls.TraceMessage;
import org.clearline.failures.Situation;

/**
 * Judges one closed call: how its opening request ended (the last attempt's
 * final response, §8.1.3), the catalogue situation that answer stands for, and
 * what each {@link FindingRule} finds. Stateless apart from its rules.
 */
public final class Diagnoser {
    private final List<FindingRule> rules = List.of(new NoResponseRule(), new AuthLoopRule(), new CodecMismatchRule(),
            new ViaLoopRule(), new RedirectRule(), new AckMissingRule(), new PrivateAddressRule(),
            new ByeUnknownDialogRule(), new CancelRaceRule());

    /**
     * @param messages the call's messages in time order
     * @param traceNow the latest time of the whole trace at closing, or -1
     * @param invites  recent INVITE targets of the trace (was a redirect followed in another call?)
     */
    public Diagnosis diagnose(List<TraceMessage> messages, long traceNow, RecentInvites invites) {
        CallView call = new CallView(messages, traceNow, invites);
        List<Finding> findings = new ArrayList<>(2);
        for (FindingRule rule : rules) rule.examine(call, findings);
        findings.sort(Comparator.comparing(Finding::kind));
        TraceMessage initial = call.initial;
        if (initial == null || initial.toTag() != null) return inDialog(call, findings);
        CallKind kind = switch (initial.method()) {
            case "INVITE" -> CallKind.CALL;
            case "REGISTER" -> CallKind.REGISTRATION;
            default -> CallKind.OTHER;
        };
        List<Transaction> attempts = call.attempts();
        Transaction last = attempts.getLast();
        TraceMessage fin = last.finalResponse();
        Outcome outcome;
        Situation situation = null;
        if (fin == null) {
            boolean silent = last.responses.isEmpty() && findings.stream().anyMatch(f -> f.kind() == FindingKind.NO_RESPONSE);
            outcome = silent ? Outcome.NO_RESPONSE : Outcome.UNFINISHED;
            if (silent && kind == CallKind.CALL) situation = Situation.CALLEE_NO_ANSWER;
        } else if (fin.status() < 300) {
            outcome = Outcome.SUCCESS;
        } else {
            outcome = fin.status() < 400 ? Outcome.REDIRECTED
                    : fin.status() == 487 && !call.transactions("CANCEL").isEmpty() ? Outcome.CANCELLED : Outcome.FAILED;
            boolean viaLoop = findings.stream().anyMatch(f -> f.kind() == FindingKind.VIA_LOOP);
            situation = SituationMatcher.forFailure(last.request(), fin, viaLoop);
        }
        if (situation == null) situation = firstSituation(findings);
        return new Diagnosis(kind, initial.method(), outcome, fin == null ? 0 : fin.status(),
                fin == null ? "" : fin.reason(), situation, findings);
    }

    /** A trace that starts inside a dialog: judged by its first request's answer. */
    private static Diagnosis inDialog(CallView call, List<Finding> findings) {
        for (Transaction t : call.transactions.values()) {
            TraceMessage fin = t.finalResponse();
            if (t.request() == null || t.method.equals("ACK")) continue;
            if (fin == null) continue;
            Outcome outcome = fin.status() < 300 ? Outcome.SUCCESS : Outcome.FAILED;
            Situation s = outcome == Outcome.FAILED ? SituationMatcher.forFailure(t.request(), fin, false) : null;
            return new Diagnosis(CallKind.IN_DIALOG, t.method, outcome, fin.status(), fin.reason(),
                    s != null ? s : firstSituation(findings), findings);
        }
        String method = call.initial != null ? call.initial.method() : call.messages.getFirst().method();
        return new Diagnosis(CallKind.IN_DIALOG, method, Outcome.UNFINISHED, 0, "", firstSituation(findings), findings);
    }

    private static Situation firstSituation(List<Finding> findings) {
        for (Finding f : findings) {
            if (f.situation() != null) return f.situation();
        }
        return null;
    }
}
