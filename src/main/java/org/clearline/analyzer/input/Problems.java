package org.clearline.analyzer.input;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What could not be read, as one-line notes for the user ("capture.pcap:
 * truncated: ..."). The same note is kept once with a count, and only the first
 * {@link #MAX_DISTINCT} different notes are kept, so a damaged file of any size
 * gives a short list.
 */
public final class Problems {
    /** Different notes kept; later ones are only counted. */
    public static final int MAX_DISTINCT = 100;

    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private long notKept;

    /** Notes {@code problem} (one line, no file name) about {@code source} (a file name). */
    public void add(String source, String problem) {
        String line = source + ": " + problem;
        Integer n = counts.get(line);
        if (n != null) {
            counts.put(line, n + 1);
        } else if (counts.size() < MAX_DISTINCT) {
            counts.put(line, 1);
        } else {
            notKept++;
        }
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }

    /** Each note once, in the order first seen, with "(N times)" when it recurred. */
    public List<String> lines() {
        List<String> out = new ArrayList<>(counts.size() + 1);
        counts.forEach((line, n) -> out.add(n == 1 ? line : line + " (" + n + " times)"));
        if (notKept > 0) out.add("(" + notKept + " more problems not listed)");
        return out;
    }
}
