package org.clearline.analyzer.diagnosis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.clearline.failures.Situation;

/**
 * One thing the trace shows about a call.
 *
 * @param kind      what it is
 * @param situation the catalogue situation it amounts to, or null when the catalogue has none
 *                  (an answered call whose ACK got lost is no failure response)
 * @param facts     the values its texts name (addresses, counts, codecs), language-neutral;
 *                  kept in a fixed order whatever order they come in (the kind's facts, then
 *                  its optional ones, then any others by name), so that a report of the same
 *                  trace reads the same every time
 */
public record Finding(FindingKind kind, Situation situation, Map<String, String> facts) {
    public Finding {
        Map<String, String> rest = new TreeMap<>(facts);
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String name : kind.facts()) {
            if (!rest.containsKey(name)) throw new IllegalArgumentException(kind.id() + " needs the fact " + name);
            ordered.put(name, rest.remove(name));
        }
        for (String name : kind.optional()) {
            if (rest.containsKey(name)) ordered.put(name, rest.remove(name));
        }
        ordered.putAll(rest);
        facts = Collections.unmodifiableMap(ordered);
    }
}
