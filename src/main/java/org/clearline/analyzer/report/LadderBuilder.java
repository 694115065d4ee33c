package org.clearline.analyzer.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clearline.analyzer.calls.TraceMessage;
import org.clearline.analyzer.input.Endpoint;
import org.clearline.ladder.Ladder;
import org.clearline.ladder.LadderMessage;
import org.clearline.ladder.Lane;

/**
 * A call's messages as a {@link Ladder}: one lane per address, in order of first
 * appearance, the messages in trace order (a text log may carry no times to sort
 * by). Each label is the whole start line, so the JSON report keeps it.
 */
final class LadderBuilder {
    private LadderBuilder() {}

    static Ladder of(List<TraceMessage> messages, int dropped) {
        Map<Endpoint, Lane> lanes = new LinkedHashMap<>();
        for (TraceMessage m : messages) {
            lanes.computeIfAbsent(m.source(), e -> Lane.of(e.toString()));
            lanes.computeIfAbsent(m.destination(), e -> Lane.of(e.toString()));
        }
        long start = messages.stream().mapToLong(TraceMessage::micros).filter(t -> t >= 0).min().orElse(-1);
        List<LadderMessage> arrows = new ArrayList<>(messages.size());
        for (TraceMessage m : messages) {
            // offsets from the first time stamp, to the millisecond the ladder shows
            long at = start < 0 || m.micros() < 0 ? LadderMessage.NO_TIME : Math.round((m.micros() - start) / 1000.0);
            String note = m.defect() != null ? "refused by the parser: " + m.defect() : "";
            arrows.add(new LadderMessage(at, m.source().toString(), m.destination().toString(), m.startLine(),
                    m.text(), m.status() >= 400, m.retransmission(), note));
        }
        List<Lane> drawn = lanes.isEmpty() ? List.of(Lane.of("?")) : List.copyOf(lanes.values());
        return new Ladder(drawn, arrows, 0, dropped);
    }
}
