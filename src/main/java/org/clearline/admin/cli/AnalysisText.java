package org.clearline.admin.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.clearline.analyzer.AnalysisReport;
import org.clearline.analyzer.diagnosis.Diagnosis;
import org.clearline.analyzer.diagnosis.Finding;
import org.clearline.analyzer.diagnosis.FindingTexts;
import org.clearline.analyzer.report.CallReport;
import org.clearline.analyzer.report.CallSummary;
import org.clearline.failures.Audience;
import org.clearline.failures.Explanations;
import org.clearline.ladder.TextLadder;

/**
 * The text report of {@code clearline analyze}: what was read, a summary table
 * of the calls, then each call with a problem told the way {@code clearline
 * explain} tells a logged call (its situation or its code in plain words, what
 * the trace shows besides, and a ladder of its messages).
 */
final class AnalysisText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    private final Explanations texts;
    private final FindingTexts findings;
    private final Audience who;

    AnalysisText(Explanations texts, FindingTexts findings, Audience who) {
        this.texts = texts;
        this.findings = findings;
        this.who = who;
    }

    void print(PrintWriter out, AnalysisReport report, int rows) {
        out.println(findings.word("title") + ": " + sources(report));
        var in = report.input();
        out.println(findings.word("read") + ": " + in.bytes() + " bytes, " + in.packets() + " packets, "
                + in.sipMessages() + " SIP messages" + (in.unreadableMessages() > 0 ? " (" + in.unreadableMessages()
                + " refused by the parser)" : "") + (in.otherPackets() > 0 ? ", " + in.otherPackets()
                + " other packets skipped" : "") + (in.reassembledDatagrams() > 0 ? ", " + in.reassembledDatagrams()
                + " datagrams reassembled from fragments" : "") + (in.tcpStreams() > 0 ? ", " + in.tcpStreams()
                + " TCP streams" : ""));
        var c = report.counts();
        out.println(findings.word("calls") + ": " + c.calls() + ", " + findings.word("registrations") + ": "
                + c.registrations() + ", " + findings.word("others") + ": " + c.others()
                + (c.inDialog() > 0 ? ", " + findings.word("in-dialog") + ": " + c.inDialog() : "") + "; "
                + findings.word("with-problem") + ": " + c.problems());
        if (!report.problems().isEmpty()) {
            out.println();
            out.println(findings.word("problems") + ":");
            for (String p : report.problems()) out.println("  " + p);
        }
        if (!report.calls().isEmpty()) {
            out.println();
            out.println(findings.word("summary"));
            summary(out, report, rows);
        }
        if (c.problems() > 0 && c.total() > rows) {
            out.println();
            Table byDiagnosis = new Table(findings.word("diagnosis").toUpperCase(), "COUNT");
            for (Map.Entry<String, Long> e : c.byDiagnosis().entrySet()) byDiagnosis.add(e.getKey(), e.getValue());
            byDiagnosis.print(out);
        }
        out.println();
        if (report.problemCalls().isEmpty()) {
            out.println(findings.word("no-problems"));
        }
        int n = 0;
        for (CallReport call : report.problemCalls()) {
            out.println("=".repeat(ExplainCommand.WIDTH));
            detail(out, ++n, call);
            out.println();
        }
        if (report.problemsNotDetailed() > 0) {
            out.println("(" + report.problemsNotDetailed() + " more calls with a problem not detailed)");
        }
        out.flush();
    }

    private static String sources(AnalysisReport report) {
        StringBuilder sb = new StringBuilder();
        for (AnalysisReport.Source s : report.sources()) {
            if (!sb.isEmpty()) sb.append(", ");
            sb.append(s.name()).append(" (").append(s.format()).append(s.detail().isEmpty() ? "" : ", " + s.detail())
                    .append(')');
        }
        return sb.toString();
    }

    private void summary(PrintWriter out, AnalysisReport report, int rows) {
        Table table = new Table(findings.word("time").toUpperCase(), "CALL-ID", findings.word("kind").toUpperCase(),
                findings.word("from").toUpperCase(), findings.word("to").toUpperCase(),
                findings.word("result").toUpperCase(), findings.word("diagnosis").toUpperCase());
        List<CallSummary> calls = report.calls();
        for (int i = 0; i < Math.min(rows, calls.size()); i++) {
            CallSummary s = calls.get(i);
            Diagnosis d = s.diagnosis();
            table.add(time(s.startMicros()), s.callId(), kind(d), s.fromUser(), s.toUser(), d.result(),
                    d.problem() ? d.label() : "-");
        }
        table.print(out);
        long more = calls.size() - Math.min(rows, calls.size()) + report.callsNotListed();
        if (more > 0) out.println("(" + more + " " + findings.word("more-calls") + ")");
    }

    private String kind(Diagnosis d) {
        return switch (d.kind()) {
            case CALL -> findings.word("call");
            case REGISTRATION -> findings.word("registration");
            case OTHER -> d.method();
            case IN_DIALOG -> findings.word("in-dialog");
        };
    }

    private void detail(PrintWriter out, int n, CallReport call) {
        CallSummary s = call.summary();
        Diagnosis d = s.diagnosis();
        out.println(n + ". " + kind(d) + " " + s.callId() + ": " + d.result());
        out.println("   " + d.method() + (s.requestUri().isEmpty() ? "" : " " + s.requestUri())
                + (s.from().isEmpty() ? "" : " from " + s.from()) + ", " + time(s.startMicros()) + " UTC, "
                + s.messages() + " " + findings.word("messages")
                + (s.retransmissions() > 0 ? " (" + s.retransmissions() + " retransmitted)" : ""));
        out.println();
        if (d.code() >= 300) {
            // what the code means anywhere, then the catalogue's situation the trace points to
            texts.explainCode(d.code()).ifPresent(code -> ExplainCommand.printCodeMeaning(out, texts, code));
            out.println();
        }
        if (d.situation() != null) {
            out.println(findings.word("catalogue") + ":");
            ExplainCommand.printSituation(out, texts, who, d.situation(), true);
            out.println();
        }
        if (!d.findings().isEmpty()) {
            out.println(findings.word("findings") + ":");
            for (Finding f : d.findings()) {
                ExplainCommand.printExplanation(out, texts, f.kind().id() + ": " + findings.title(f.kind()),
                        findings.explain(f), f.kind().rfc());
            }
            out.println();
        }
        TextLadder.print(out, call.ladder());
    }

    static String time(long micros) {
        if (micros < 0) return "-";
        return TIME.format(Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000));
    }
}
