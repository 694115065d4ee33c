package org.clearline.analyzer.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.clearline.analyzer.calls.TraceMessage;
import org.clearline.analyzer.input.Endpoint;
import org.clearline.analyzer.ladder.Ladder;

/** A call's messages as a {@link Ladder}: one column per address, in order of first appearance. */
final class LadderBuilder {
    private LadderBuilder() {}

    static Ladder of(List<TraceMessage> messages, int dropped) {
        Map<Endpoint, Integer> columns = new LinkedHashMap<>();
        for (TraceMessage m : messages) {
            columns.putIfAbsent(m.source(), columns.size());
            columns.putIfAbsent(m.destination(), columns.size());
        }
        long start = messages.stream().mapToLong(TraceMessage::micros).filter(t -> t >= 0).min().orElse(-1);
        List<Ladder.Arrow> arrows = new ArrayList<>(messages.size());
        for (TraceMessage m : messages) {
            String time = start < 0 || m.micros() < 0 ? ""
                    : String.format(Locale.ROOT, "+%.3fs", (m.micros() - start) / 1_000_000.0);
            String note = m.defect() != null ? "refused by the parser: " + m.defect() : "";
            arrows.add(new Ladder.Arrow(time, columns.get(m.source()), columns.get(m.destination()), m.startLine(),
                    Ladder.Style.of(m.startLine()), m.retransmission(), note, m.text()));
        }
        List<String> names = new ArrayList<>(columns.size());
        for (Endpoint e : columns.keySet()) names.add(e.toString());
        if (names.isEmpty()) names.add("?");
        return new Ladder(names, arrows, dropped);
    }
}
