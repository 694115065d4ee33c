package org.clearline.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Text ladders: arrows between any two of several lanes, cut labels, notes. */
class TextLadderTest {
    private static final List<Lane> ABC = List.of(Lane.of("a"), Lane.of("b"), Lane.of("c"));

    private static String print(Ladder l, int gap) {
        StringWriter s = new StringWriter();
        TextLadder.print(new PrintWriter(s), l, gap);
        return s.toString();
    }

    private static LadderMessage msg(long at, String from, String to, String startLine, boolean again, String note) {
        return new LadderMessage(at, from, to, startLine, "", false, again, note);
    }

    @Test
    void arrowsSpanTheLanesBetweenTheirEnds() {
        Ladder l = new Ladder(ABC, List.of(
                msg(0, "a", "c", "INVITE sip:c SIP/2.0", false, ""),
                msg(100, "c", "b", "SIP/2.0 180 Ringing", false, "note"),
                msg(200, "a", "b", "INVITE sip:c SIP/2.0", true, "")), 0, 2);
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
        Ladder l = new Ladder(List.of(Lane.of("a"), Lane.of("b")), List.of(msg(0, "b", "a", uri, false, "")), 0);
        String line = print(l, 30).lines().toList().get(1);
        assertThat(line).hasSize(TextLadder.TIME + 31 + 1).contains("~").startsWith("+0.000s   |<- INVITE sip:xx").endsWith("-|");
    }

    @Test
    void theGapShrinksForManyLanes() {
        assertThat(TextLadder.gapFor(3)).isEqualTo(TextLadder.WIDEST_GAP);
        assertThat(TextLadder.gapFor(6)).isEqualTo(29);
        assertThat(TextLadder.gapFor(12)).isEqualTo(TextLadder.NARROWEST_GAP);
    }

    @Test
    void aMessageToItselfIsWrittenBesideItsBar() {
        Ladder l = new Ladder(List.of(Lane.of("a"), Lane.of("b")),
                List.of(msg(LadderMessage.NO_TIME, "b", "b", "OPTIONS sip:b SIP/2.0", false, "")), 0);
        assertThat(print(l, 24).lines().toList().get(1)).startsWith("          |").contains("|<-> OPTIONS sip:b");
    }

    @Test
    void lanesAreTitledAndOffsetsCountFromTheOrigin() {
        // the same model the SVG draws: a lane's title heads its bar, times count from the ladder's origin
        Ladder l = Ladder.of(List.of(new Lane("udp:192.0.2.10:5060", "caller", "udp:192.0.2.10:5060"),
                new Lane("clearline", "Clearline", "proxy")),
                List.of(msg(1_000_250, "udp:192.0.2.10:5060", "clearline", "BYE sip:x SIP/2.0", false, "")), 1_000_000);
        assertThat(print(l, 24)).isEqualTo("""
                          caller                   Clearline
                +0.250s   |-BYE sip:x ------------>|
                """);
    }
}
