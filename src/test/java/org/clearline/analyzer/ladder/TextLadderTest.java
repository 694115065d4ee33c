package org.clearline.analyzer.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Text ladders: arrows between any two of several columns, cut labels, notes. */
class TextLadderTest {
    private static String print(Ladder l, int gap) {
        StringWriter s = new StringWriter();
        TextLadder.print(new PrintWriter(s), l, gap);
        return s.toString();
    }

    @Test
    void arrowsSpanTheColumnsBetweenTheirEnds() {
        Ladder l = new Ladder(List.of("a", "b", "c"), List.of(
                Ladder.Arrow.of("+0.000s", 0, 2, "INVITE sip:c SIP/2.0", ""),
                Ladder.Arrow.of("+0.100s", 2, 1, "SIP/2.0 180 Ringing", "note"),
                new Ladder.Arrow("+0.200s", 0, 1, "INVITE sip:c SIP/2.0", Ladder.Style.REQUEST, true, "", null)), 2);
        assertThat(print(l, 24)).isEqualTo("""
                          a                        b                        c
                +0.000s   |-INVITE sip:c ---------------------------------->|
                +0.100s   |                        |<- 180 Ringing ---------|   note
                +0.200s   |-INVITE si~ (again) --->|                        |
                          (2 more messages not kept)
                """);
    }

    @Test
    void longLabelsAreCutAndTheArrowKeepsItsShape() {
        String uri = "INVITE sip:" + "x".repeat(80) + "@example.com SIP/2.0";
        Ladder l = new Ladder(List.of("a", "b"), List.of(Ladder.Arrow.of("+0.000s", 1, 0, uri, "")), 0);
        String line = print(l, 30).lines().toList().get(1);
        assertThat(line).hasSize(TextLadder.TIME + 31 + 1).contains("~").startsWith("+0.000s   |<- INVITE sip:xx").endsWith("-|");
    }

    @Test
    void theGapShrinksForManyColumns() {
        assertThat(TextLadder.gapFor(3)).isEqualTo(TextLadder.WIDEST_GAP);
        assertThat(TextLadder.gapFor(6)).isEqualTo(29);
        assertThat(TextLadder.gapFor(12)).isEqualTo(TextLadder.NARROWEST_GAP);
    }

    @Test
    void aMessageToItselfIsWrittenBesideItsBar() {
        Ladder l = new Ladder(List.of("a", "b"), List.of(Ladder.Arrow.of("", 1, 1, "OPTIONS sip:b SIP/2.0", "")), 0);
        assertThat(print(l, 24).lines().toList().get(1)).contains("|<-> OPTIONS sip:b");
    }
}
