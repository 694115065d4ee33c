package org.clearline.ladder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a ladder shows: its lanes, left to right, and its messages in time order.
 * Lanes given up front keep their order (a call page puts the caller first and
 * the server second); any other endpoint gets a lane of its own, in the order it
 * first appears. Messages keep the order given when times tie (the order the
 * wire saw them in), so the diagram never reorders what happened together. The
 * canonical constructor takes lanes and messages as they are (a trace whose
 * messages carry no time is drawn in the order it was read).
 *
 * @param originMillis the time offsets on the left are counted from here
 * @param omitted      how many messages were not kept (drawn as a note below the arrows)
 */
public record Ladder(List<Lane> lanes, List<LadderMessage> messages, long originMillis, int omitted) {
    public Ladder {
        lanes = List.copyOf(lanes);
        messages = List.copyOf(messages);
        omitted = Math.max(0, omitted);
    }

    public Ladder(List<Lane> lanes, List<LadderMessage> messages, long originMillis) {
        this(lanes, messages, originMillis, 0);
    }

    /** A ladder with {@code known} lanes first, then one per other endpoint; offsets from the first message. */
    public static Ladder of(List<Lane> known, List<LadderMessage> messages) {
        return of(known, messages, messages.isEmpty() ? 0 : earliest(messages));
    }

    public static Ladder of(List<Lane> known, List<LadderMessage> messages, long originMillis) {
        Map<String, Lane> byEndpoint = new LinkedHashMap<>();
        for (Lane l : known) byEndpoint.putIfAbsent(l.endpoint(), l);
        List<LadderMessage> ordered = new ArrayList<>(messages);
        ordered.sort((a, b) -> Long.compare(a.atMillis(), b.atMillis())); // stable: ties keep wire order
        for (LadderMessage m : ordered) {
            byEndpoint.computeIfAbsent(m.from(), Lane::of);
            byEndpoint.computeIfAbsent(m.to(), Lane::of);
        }
        return new Ladder(List.copyOf(byEndpoint.values()), ordered, originMillis);
    }

    /** The same ladder, saying that {@code count} more messages were not kept. */
    public Ladder withOmitted(int count) {
        return new Ladder(lanes, messages, originMillis, count);
    }

    /** The lane position of {@code endpoint}, or -1. */
    public int laneOf(String endpoint) {
        for (int i = 0; i < lanes.size(); i++) {
            if (lanes.get(i).endpoint().equals(endpoint)) return i;
        }
        return -1;
    }

    /** The title of {@code endpoint}'s lane, or the endpoint itself when it has none. */
    public String titleOf(String endpoint) {
        int i = laneOf(endpoint);
        return i < 0 ? endpoint : lanes.get(i).title();
    }

    /** Seconds since the origin with {@code unit} after them ("+0.125s", "+0.125 s"), or "" when {@code m} has no time. */
    public String offset(LadderMessage m, String unit) {
        if (m.atMillis() == LadderMessage.NO_TIME) return "";
        return String.format(Locale.ROOT, "+%.3f%s", (m.atMillis() - originMillis) / 1000.0, unit);
    }

    private static long earliest(List<LadderMessage> messages) {
        long min = Long.MAX_VALUE;
        for (LadderMessage m : messages) {
            if (m.atMillis() != LadderMessage.NO_TIME) min = Math.min(min, m.atMillis());
        }
        return min == Long.MAX_VALUE ? 0 : min;
    }
}
