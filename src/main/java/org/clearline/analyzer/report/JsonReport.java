package org.clearline.analyzer.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Map;
import org.clearline.analyzer.AnalysisReport;
import org.clearline.analyzer.diagnosis.Diagnosis;
import org.clearline.analyzer.diagnosis.Finding;
import org.clearline.analyzer.diagnosis.FindingTexts;
import org.clearline.analyzer.input.InputTotals;
import org.clearline.failures.Audience;
import org.clearline.failures.CodeExplanation;
import org.clearline.failures.Explanation;
import org.clearline.failures.Explanations;
import org.clearline.failures.Situation;
import org.clearline.ladder.Ladder;
import org.clearline.ladder.LadderMessage;
import org.clearline.ladder.Lane;

/**
 * The analysis as one JSON document, written field by field with Jackson's
 * streaming generator (no reflection): ids and facts for programs, the
 * explanations in the chosen language and audience for people, and each
 * problem call's ladder with the full message texts. Times are ISO-8601 UTC
 * and microseconds since 1970.
 */
public final class JsonReport {
    /** The writer belongs to the caller (it may be standard output): the generator must not close it. */
    private static final JsonFactory FACTORY = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private JsonReport() {}

    public static void write(Writer out, AnalysisReport report, Explanations texts, FindingTexts findings, Audience who) {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeArrayFieldStart("sources");
            for (AnalysisReport.Source s : report.sources()) {
                g.writeStartObject();
                g.writeStringField("name", s.name());
                g.writeStringField("format", s.format());
                g.writeStringField("detail", s.detail());
                g.writeEndObject();
            }
            g.writeEndArray();
            input(g, report.input());
            g.writeArrayFieldStart("problems");
            for (String p : report.problems()) g.writeString(p);
            g.writeEndArray();
            counts(g, report.counts());
            g.writeArrayFieldStart("calls");
            for (CallSummary s : report.calls()) summary(g, s);
            g.writeEndArray();
            g.writeNumberField("callsNotListed", report.callsNotListed());
            g.writeArrayFieldStart("problemCalls");
            for (CallReport c : report.problemCalls()) problemCall(g, c, texts, findings, who);
            g.writeEndArray();
            g.writeNumberField("problemsNotDetailed", report.problemsNotDetailed());
            g.writeEndObject();
            g.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void input(JsonGenerator g, InputTotals in) throws IOException {
        g.writeObjectFieldStart("input");
        g.writeNumberField("bytes", in.bytes());
        g.writeNumberField("packets", in.packets());
        g.writeNumberField("sipMessages", in.sipMessages());
        g.writeNumberField("otherPackets", in.otherPackets());
        g.writeNumberField("unreadableMessages", in.unreadableMessages());
        g.writeNumberField("reassembledDatagrams", in.reassembledDatagrams());
        g.writeNumberField("tcpStreams", in.tcpStreams());
        g.writeNumberField("cutShort", in.cutShort());
        g.writeEndObject();
    }

    private static void counts(JsonGenerator g, CallCounts c) throws IOException {
        g.writeObjectFieldStart("counts");
        g.writeNumberField("calls", c.calls());
        g.writeNumberField("registrations", c.registrations());
        g.writeNumberField("others", c.others());
        g.writeNumberField("inDialog", c.inDialog());
        g.writeNumberField("problems", c.problems());
        g.writeObjectFieldStart("byDiagnosis");
        for (Map.Entry<String, Long> e : c.byDiagnosis().entrySet()) g.writeNumberField(e.getKey(), e.getValue());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void summary(JsonGenerator g, CallSummary s) throws IOException {
        Diagnosis d = s.diagnosis();
        g.writeStartObject();
        g.writeStringField("callId", s.callId());
        time(g, "start", s.startMicros());
        time(g, "end", s.endMicros());
        g.writeStringField("kind", d.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        g.writeStringField("method", d.method());
        g.writeStringField("from", s.from());
        g.writeStringField("to", s.to());
        g.writeStringField("requestUri", s.requestUri());
        g.writeStringField("outcome", d.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        g.writeNumberField("code", d.code());
        g.writeStringField("reason", d.reason());
        if (d.situation() != null) g.writeStringField("situation", d.situation().id());
        else g.writeNullField("situation");
        g.writeStringField("label", d.label());
        g.writeBooleanField("problem", d.problem());
        g.writeArrayFieldStart("findings");
        for (Finding f : d.findings()) g.writeString(f.kind().id());
        g.writeEndArray();
        g.writeNumberField("messages", s.messages());
        g.writeNumberField("retransmissions", s.retransmissions());
        g.writeBooleanField("continuation", s.continuation());
        g.writeEndObject();
    }

    private static void problemCall(JsonGenerator g, CallReport c, Explanations texts, FindingTexts findings,
                                    Audience who) throws IOException {
        Diagnosis d = c.summary().diagnosis();
        g.writeStartObject();
        g.writeStringField("callId", c.summary().callId());
        Situation s = d.situation();
        if (s != null) {
            g.writeObjectFieldStart("situation");
            g.writeStringField("id", s.id());
            g.writeNumberField("code", s.code());
            explanation(g, texts.explain(s, who), s.rfc());
            g.writeEndObject();
        }
        if (d.code() >= 300) {
            CodeExplanation code = texts.explainCode(d.code()).orElse(null);
            if (code != null) {
                g.writeObjectFieldStart("code");
                g.writeNumberField("code", code.code());
                g.writeStringField("reason", code.reason());
                g.writeStringField("title", code.title());
                g.writeStringField("meaning", code.meaning());
                g.writeStringField("check", code.check());
                g.writeEndObject();
            }
        }
        g.writeArrayFieldStart("findings");
        for (Finding f : d.findings()) {
            g.writeStartObject();
            g.writeStringField("id", f.kind().id());
            if (f.situation() != null) g.writeStringField("situation", f.situation().id());
            g.writeObjectFieldStart("facts");
            for (Map.Entry<String, String> e : f.facts().entrySet()) g.writeStringField(e.getKey(), e.getValue());
            g.writeEndObject();
            explanation(g, findings.explain(f), f.kind().rfc());
            g.writeEndObject();
        }
        g.writeEndArray();
        ladder(g, c.ladder());
        g.writeEndObject();
    }

    private static void explanation(JsonGenerator g, Explanation e, String rfc) throws IOException {
        g.writeStringField("title", e.title());
        g.writeStringField("what", e.what());
        g.writeStringField("causes", e.causes());
        g.writeStringField("check", e.check());
        g.writeStringField("rfc", rfc);
    }

    private static void ladder(JsonGenerator g, Ladder l) throws IOException {
        g.writeObjectFieldStart("ladder");
        g.writeArrayFieldStart("columns");
        for (Lane lane : l.lanes()) g.writeString(lane.title());
        g.writeEndArray();
        g.writeArrayFieldStart("messages");
        for (LadderMessage m : l.messages()) {
            g.writeStartObject();
            g.writeStringField("time", l.offset(m, "s"));
            g.writeNumberField("from", l.laneOf(m.from()));
            g.writeNumberField("to", l.laneOf(m.to()));
            g.writeStringField("startLine", m.label());
            g.writeBooleanField("retransmission", m.retransmission());
            if (!m.note().isEmpty()) g.writeStringField("note", m.note());
            if (!m.text().isEmpty()) g.writeStringField("text", m.text());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberField("omitted", l.omitted());
        g.writeEndObject();
    }

    private static void time(JsonGenerator g, String name, long micros) throws IOException {
        if (micros < 0) {
            g.writeNullField(name);
            return;
        }
        g.writeStringField(name, Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000).toString());
        g.writeNumberField(name + "Micros", micros);
    }
}
