package org.clearline.analyzer.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.clearline.analyzer.AnalysisReport;
import org.clearline.analyzer.Analyzer;
import org.clearline.analyzer.Trace;
import org.clearline.analyzer.diagnosis.FindingTexts;
import org.clearline.failures.Audience;
import org.clearline.failures.Explanations;
import org.clearline.failures.Language;
import org.junit.jupiter.api.Test;

/** The JSON and HTML documents of one small analysis: a refused call, a silent callee and an answered call. */
class ReportsTest {
    private static final String INV = Trace.invite("<weird>\"q\"@x", 1, "z9hG4bK1", Trace.sdp("192.0.2.10", "0 PCMU/8000"));
    private static final String SILENT = Trace.invite("silent@x", 1, "z9hG4bK2");
    private static final String OK_INV = Trace.invite("ok@x", 1, "z9hG4bK3");

    private static String line(String time, String from, String to, String sip) {
        return "2026/01/10 10:00:" + time + " " + from + " -> " + to + "\n" + sip + "\n\n";
    }

    private static AnalysisReport report() {
        String log = line("00.000000", "192.0.2.10:5060", "198.51.100.1:5060", INV)
                + line("00.100000", "198.51.100.1:5060", "192.0.2.10:5060", Trace.response(480, "Temporarily Unavailable", INV, "p"))
                + line("01.000000", "192.0.2.10:5060", "198.51.100.9:5060", SILENT)
                + line("01.500000", "192.0.2.10:5060", "198.51.100.9:5060", SILENT)
                + line("02.500000", "192.0.2.10:5060", "198.51.100.9:5060", SILENT)
                + line("03.000000", "192.0.2.10:5060", "198.51.100.1:5060", OK_INV)
                + line("03.100000", "198.51.100.1:5060", "192.0.2.10:5060", Trace.response(200, "OK", OK_INV, "p"));
        return new Analyzer().analyze(new ByteArrayInputStream(log.getBytes(StandardCharsets.ISO_8859_1)), "sngrep.txt");
    }

    @Test
    void jsonHoldsIdsFactsTextsAndLadders() throws Exception {
        StringWriter out = new StringWriter();
        JsonReport.write(out, report(), Explanations.load(Language.ENGLISH), FindingTexts.load(Language.ENGLISH),
                Audience.ADMIN);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.at("/sources/0/format").asText()).isEqualTo("text log");
        assertThat(json.at("/counts/calls").asInt()).isEqualTo(3);
        assertThat(json.at("/counts/problems").asInt()).isEqualTo(2);
        assertThat(json.at("/counts/byDiagnosis/ok").asInt()).isEqualTo(1);
        assertThat(json.get("calls")).hasSize(3);
        JsonNode first = json.at("/calls/0");
        assertThat(first.get("callId").asText()).isEqualTo("<weird>\"q\"@x");
        assertThat(first.get("start").asText()).isEqualTo("2026-01-10T10:00:00Z");
        assertThat(first.get("situation").asText()).isEqualTo("callee.offline");
        assertThat(first.get("outcome").asText()).isEqualTo("failed");
        assertThat(json.at("/calls/2/problem").asBoolean()).isFalse();
        JsonNode silent = json.at("/problemCalls/1");
        assertThat(silent.at("/situation/id").asText()).isEqualTo("callee.no-answer");
        assertThat(silent.at("/findings/0/id").asText()).isEqualTo("trace.no-response");
        assertThat(silent.at("/findings/0/facts/copies").asText()).isEqualTo("3");
        assertThat(silent.at("/findings/0/what").asText()).startsWith("INVITE to 198.51.100.9:5060 got no response");
        assertThat(silent.at("/ladder/columns")).hasSize(2);
        assertThat(silent.at("/ladder/messages/1/retransmission").asBoolean()).isTrue();
        assertThat(silent.at("/ladder/messages/0/text").asText()).startsWith("INVITE sip:bob@example.com SIP/2.0\r\n");
        assertThat(json.at("/problemCalls/0/code/title").asText()).isNotEmpty();
    }

    @Test
    void htmlIsOneSelfContainedPageWithEscapedTraceText() {
        String html = HtmlReport.render(report(), Explanations.load(Language.GERMAN), FindingTexts.load(Language.GERMAN),
                Audience.ADMIN);
        assertThat(html).startsWith("<!DOCTYPE html><html lang=\"de\">").endsWith("</html>\n")
                .contains("<svg", "Trace-Analyse", "trace.no-response", "callee.offline")
                .contains("&lt;weird&gt;&quot;q&quot;@x").doesNotContain("<weird>")
                .doesNotContain("<script").doesNotContain("src=\"http").doesNotContain("<link");
        assertThat(html.split("<svg", -1)).hasSize(3); // one ladder per problem call
    }

    /** The report draws with the dashboard's ladder: each arrow links to its whole message, copies say "(again)". */
    @Test
    void htmlLaddersLinkEachArrowToItsWholeMessageInThePage() {
        String html = HtmlReport.render(report(), Explanations.load(Language.ENGLISH), FindingTexts.load(Language.ENGLISH),
                Audience.ADMIN);
        // the unanswered INVITE: sent three times, the copies dashed and marked
        assertThat(html).contains("<g class=\"arrow again\" data-index=\"2\"")
                .contains("<a href=\"#call-2-msg-2\">").contains("<details id=\"call-2-msg-2\">")
                .contains("(again)</text>").contains("<span class=\"again\">(again)</span>")
                .contains("<pre>INVITE sip:bob@example.com SIP/2.0\r\n")
                .contains("<h3>Messages (3)</h3>")
                .doesNotContain("<script").doesNotContain("<style>.ld-");
        assertThat(html.split(" data-index=", -1)).hasSize(2 + 3 + 1); // the 480 and its INVITE, the three copies
    }
}
