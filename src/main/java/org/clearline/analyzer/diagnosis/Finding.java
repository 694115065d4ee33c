package org.clearline.analyzer.diagnosis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.clearline.failures.Situation;

/**
 * One thing the trace shows about a call.
 *
 * @param kind      what it is
 * @param situation the catalogue situation it amounts to, or null when the catalogue has none
 *                  (an answered call whose ACK got lost is no failure response)
 * @param facts     the values its texts name (addresses, counts, codecs), language-neutral
 */
public record Finding(FindingKind kind, Situation situation, Map<String, String> facts) {
    public Finding {
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
        for (String name : kind.facts()) {
            if (!facts.containsKey(name)) throw new IllegalArgumentException(kind.id() + " needs the fact " + name);
        }
    }
}
