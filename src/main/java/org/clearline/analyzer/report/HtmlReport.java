package org.clearline.analyzer.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.clearline.analyzer.AnalysisReport;
import org.clearline.analyzer.diagnosis.Diagnosis;
import org.clearline.analyzer.diagnosis.Finding;
import org.clearline.analyzer.diagnosis.FindingTexts;
import org.clearline.analyzer.input.InputTotals;
import org.clearline.failures.Audience;
import org.clearline.failures.CodeExplanation;
import org.clearline.failures.Explanation;
import org.clearline.failures.Explanations;
import org.clearline.failures.Heading;
import org.clearline.failures.Situation;
import org.clearline.ladder.Ladder;
import org.clearline.ladder.LadderSvg;
import org.clearline.ladder.Markup;

/**
 * The analysis as one self-contained HTML page: inline CSS, an inline SVG
 * ladder per problem call ({@link LadderSvg}, the dashboard's drawing), each
 * arrow linking to its message's full text in a collapsible block below; no
 * scripts, no external resources, so it can be mailed or attached to a ticket.
 * Every text from the trace is escaped.
 */
public final class HtmlReport {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    private static final String CSS = """
            body{font:14px/1.45 system-ui,sans-serif;color:#111827;margin:0;background:#f9fafb}\
            main{max-width:1200px;margin:0 auto;padding:24px}\
            h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px}h3{font-size:15px;margin:16px 0 6px}\
            .meta{color:#4b5563}.card{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:16px;margin:16px 0}\
            table{border-collapse:collapse;width:100%;font-size:13px}th,td{text-align:left;padding:4px 8px;\
            border-bottom:1px solid #e5e7eb;vertical-align:top}th{background:#f3f4f6}\
            td.mono,span.mono{font-family:ui-monospace,monospace}.bad{color:#b91c1c;font-weight:600}.ok{color:#15803d}\
            .problems{background:#fef2f2;border-color:#fecaca}.label{font-family:ui-monospace,monospace;\
            background:#eef2ff;color:#3730a3;border-radius:4px;padding:1px 6px}\
            dl{margin:6px 0 0}dt{font-weight:600;margin-top:6px}dd{margin:2px 0 0 0}\
            .ladder-wrap{overflow-x:auto;margin-top:12px}pre{background:#f3f4f6;padding:8px;overflow-x:auto;font-size:12px}\
            details summary{cursor:pointer;color:#1d4ed8}\
            ol.ladder-messages{font:12px ui-monospace,monospace;padding-left:2.4em}ol.ladder-messages li{margin:2px 0}\
            ol.ladder-messages .offset,ol.ladder-messages .hop,ol.ladder-messages .note{color:#6b7280}\
            ol.ladder-messages .label{background:none;color:inherit;padding:0}\
            ol.ladder-messages details.failed .label{color:#b91c1c}ol.ladder-messages details:target summary{background:#fef3c7}\
            g.arrow a{cursor:pointer}\
            """;

    private HtmlReport() {}

    public static String render(AnalysisReport report, Explanations texts, FindingTexts findings, Audience who) {
        StringBuilder h = new StringBuilder(16_384);
        String lang = texts.language().tag();
        h.append("<!DOCTYPE html><html lang=\"").append(lang).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
                .append("<title>").append(esc(findings.word("title"))).append("</title><style>").append(CSS)
                .append("</style></head><body><main>");
        h.append("<h1>").append(esc(findings.word("title"))).append("</h1><p class=\"meta\">");
        for (AnalysisReport.Source s : report.sources()) {
            h.append("<span class=\"mono\">").append(esc(s.name())).append("</span> (").append(esc(s.format()))
                    .append(s.detail().isEmpty() ? "" : ", " + esc(s.detail())).append(") ");
        }
        h.append("<br>").append(esc(readLine(report.input()))).append("<br>");
        CallCounts c = report.counts();
        h.append(esc(findings.word("calls"))).append(": ").append(c.calls()).append(" · ")
                .append(esc(findings.word("registrations"))).append(": ").append(c.registrations()).append(" · ")
                .append(esc(findings.word("others"))).append(": ").append(c.others()).append(" · <span class=\"")
                .append(c.problems() > 0 ? "bad" : "ok").append("\">").append(esc(findings.word("with-problem")))
                .append(": ").append(c.problems()).append("</span></p>");
        if (!report.problems().isEmpty()) {
            h.append("<div class=\"card problems\"><h3>").append(esc(findings.word("problems"))).append("</h3><ul>");
            for (String p : report.problems()) h.append("<li>").append(esc(p)).append("</li>");
            h.append("</ul></div>");
        }
        summary(h, report, findings);
        if (report.problemCalls().isEmpty()) {
            h.append("<p class=\"ok\">").append(esc(findings.word("no-problems"))).append("</p>");
        }
        int n = 0;
        for (CallReport call : report.problemCalls()) problemCall(h, ++n, call, texts, findings, who);
        if (report.problemsNotDetailed() > 0) {
            h.append("<p class=\"meta\">(").append(report.problemsNotDetailed()).append(" ")
                    .append(esc(findings.word("more-calls"))).append(")</p>");
        }
        return h.append("</main></body></html>\n").toString();
    }

    private static String readLine(InputTotals in) {
        return in.bytes() + " bytes, " + in.packets() + " packets, " + in.sipMessages() + " SIP messages"
                + (in.otherPackets() > 0 ? ", " + in.otherPackets() + " other packets" : "");
    }

    private static void summary(StringBuilder h, AnalysisReport report, FindingTexts findings) {
        if (report.calls().isEmpty()) return;
        h.append("<h2>").append(esc(findings.word("summary"))).append("</h2><div class=\"card\"><table><thead><tr>")
                .append("<th>").append(esc(findings.word("time"))).append("</th><th>Call-ID</th><th>")
                .append(esc(findings.word("kind"))).append("</th><th>").append(esc(findings.word("from")))
                .append("</th><th>").append(esc(findings.word("to"))).append("</th><th>")
                .append(esc(findings.word("result"))).append("</th><th>").append(esc(findings.word("diagnosis")))
                .append("</th></tr></thead><tbody>");
        for (CallSummary s : report.calls()) {
            Diagnosis d = s.diagnosis();
            h.append("<tr><td class=\"mono\">").append(time(s.startMicros())).append("</td><td class=\"mono\">")
                    .append(esc(s.callId())).append("</td><td>").append(esc(kind(d, findings))).append("</td><td>")
                    .append(esc(s.fromUser())).append("</td><td>").append(esc(s.toUser())).append("</td><td class=\"")
                    .append(resultClass(d)).append("\">").append(esc(d.result())).append("</td><td>")
                    .append(d.problem() ? "<span class=\"label\">" + esc(d.label()) + "</span>" : "").append("</td></tr>");
        }
        h.append("</tbody></table>");
        if (report.callsNotListed() > 0) {
            h.append("<p class=\"meta\">(").append(report.callsNotListed()).append(" ")
                    .append(esc(findings.word("more-calls"))).append(")</p>");
        }
        h.append("</div>");
    }

    private static void problemCall(StringBuilder h, int n, CallReport call, Explanations texts, FindingTexts findings,
                                    Audience who) {
        CallSummary s = call.summary();
        Diagnosis d = s.diagnosis();
        h.append("<section class=\"card\" id=\"call-").append(n).append("\"><h2>").append(n).append(". ")
                .append(esc(kind(d, findings))).append(" <span class=\"mono\">").append(esc(s.callId()))
                .append("</span>: <span class=\"").append(resultClass(d)).append("\">").append(esc(d.result()))
                .append("</span></h2><p class=\"meta\">")
                .append(esc(d.method() + (s.requestUri().isEmpty() ? "" : " " + s.requestUri())
                        + (s.from().isEmpty() ? "" : " from " + s.from()))).append(" · ").append(time(s.startMicros()))
                .append(" UTC · ").append(s.messages()).append(" ").append(esc(findings.word("messages"))).append("</p>");
        if (d.code() >= 300) {
            // what the code means anywhere, then the catalogue's situation the trace points to
            CodeExplanation code = texts.explainCode(d.code()).orElse(null);
            if (code != null) {
                h.append("<h3>").append(code.code()).append(' ').append(esc(code.reason())).append(": ")
                        .append(esc(code.title())).append("</h3><p>").append(esc(code.meaning())).append("</p><p><b>")
                        .append(esc(texts.heading(Heading.FIRST_CHECKS))).append(":</b> ").append(esc(code.check()))
                        .append("</p>");
            }
        }
        Situation situation = d.situation();
        if (situation != null) {
            Explanation e = texts.explain(situation, who);
            h.append("<h3>").append(esc(findings.word("catalogue"))).append(": <span class=\"label\">")
                    .append(esc(situation.id())).append("</span> ").append(esc(e.title())).append(" (")
                    .append(situation.code()).append(' ').append(esc(situation.reason())).append(")</h3>");
            explanation(h, texts, e, situation.rfc());
        }
        if (!d.findings().isEmpty()) {
            h.append("<h3>").append(esc(findings.word("findings"))).append("</h3>");
            for (Finding f : d.findings()) {
                h.append("<h3><span class=\"label\">").append(esc(f.kind().id())).append("</span> ")
                        .append(esc(findings.title(f.kind()))).append("</h3>");
                explanation(h, texts, findings.explain(f), f.kind().rfc());
            }
        }
        Ladder ladder = call.ladder();
        String prefix = "call-" + n;
        h.append("<div class=\"ladder-wrap\">").append(LadderSvg.svg(ladder, prefix)).append("</div>");
        h.append("<h3>").append(esc(findings.word("ladder"))).append(" (").append(ladder.messages().size())
                .append(")</h3>").append(LadderSvg.messageList(ladder, prefix));
        h.append("</section>");
    }

    private static void explanation(StringBuilder h, Explanations texts, Explanation e, String rfc) {
        h.append("<dl><dt>").append(esc(texts.heading(Heading.WHAT))).append("</dt><dd>").append(esc(e.what()))
                .append("</dd><dt>").append(esc(texts.heading(Heading.CAUSES))).append("</dt><dd>").append(esc(e.causes()))
                .append("</dd><dt>").append(esc(texts.heading(Heading.CHECK))).append("</dt><dd>").append(esc(e.check()))
                .append("</dd><dt>").append(esc(texts.heading(Heading.RFC))).append("</dt><dd>").append(esc(rfc))
                .append("</dd></dl>");
    }

    /** Green for a success, red for a failure or no answer, plain for the rest (redirected, cancelled...). */
    private static String resultClass(Diagnosis d) {
        return switch (d.outcome()) {
            case SUCCESS -> "ok";
            case FAILED, NO_RESPONSE -> "bad";
            default -> "";
        };
    }

    private static String kind(Diagnosis d, FindingTexts findings) {
        return switch (d.kind()) {
            case CALL -> findings.word("call");
            case REGISTRATION -> findings.word("registration");
            case OTHER -> d.method();
            case IN_DIALOG -> findings.word("in-dialog");
        };
    }

    private static String time(long micros) {
        if (micros < 0) return "-";
        return TIME.format(Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000));
    }

    private static String esc(String s) {
        return Markup.escape(s);
    }
}
