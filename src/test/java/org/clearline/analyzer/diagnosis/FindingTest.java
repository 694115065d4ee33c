package org.clearline.analyzer.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FindingTest {
    @Test
    void factsFollowTheKindsOrderWhateverOrderTheyCameIn() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("zone", "extra");
        given.put("seconds", "32");
        given.put("copies", "7");
        given.put("alpha", "extra");
        given.put("target", "udp:192.0.2.7:5060");
        given.put("method", "INVITE");

        Finding f = new Finding(FindingKind.NO_RESPONSE, null, given);

        // the kind's facts as it declares them, then any others by name
        assertThat(f.facts().keySet()).containsExactly("method", "target", "copies", "seconds", "alpha", "zone");
        assertThat(f.facts()).containsEntry("target", "udp:192.0.2.7:5060");
    }

    @Test
    void optionalFactsComeAfterTheRequiredOnesInTheirDeclaredOrder() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("warning", "305 incompatible media format");
        given.put("accepted", "PCMA");
        given.put("offered", "G729");

        Finding f = new Finding(FindingKind.CODEC_MISMATCH, null, given);

        assertThat(f.facts().keySet()).containsExactly("offered", "accepted", "warning");
    }
}
