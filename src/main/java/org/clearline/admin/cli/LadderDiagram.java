package org.clearline.admin.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.clearline.analyzer.ladder.Ladder;
import org.clearline.analyzer.ladder.TextLadder;
import org.clearline.store.CallRecord;
import org.clearline.store.LoggedMessage;

/**
 * A logged call's messages as a text ladder: three columns (caller, Clearline,
 * callee or trunk) and one arrow per message, in time order, labelled with its
 * start line. Messages exchanged with the call's source are on the caller side;
 * every other peer is a callee or trunk, named after the last bar.
 */
final class LadderDiagram {
    /** Characters between two columns. */
    static final int GAP = TextLadder.WIDEST_GAP;
    private static final int CALLER = 0;
    private static final int CLEARLINE = 1;
    private static final int CALLEE = 2;

    private LadderDiagram() {}

    static void print(PrintWriter out, CallRecord call) {
        TextLadder.print(out, ladder(call), GAP);
    }

    /** The call as a ladder model (the dashboard draws the same model as SVG). */
    static Ladder ladder(CallRecord call) {
        List<Ladder.Arrow> arrows = new ArrayList<>(call.messages().size());
        for (LoggedMessage m : call.messages()) {
            String time = String.format("+%.3fs", (m.atMillis() - call.startedAt()) / 1000.0);
            boolean callerSide = m.peer().equals(call.source());
            boolean in = m.direction() == LoggedMessage.Direction.IN;
            int peer = callerSide ? CALLER : CALLEE;
            arrows.add(new Ladder.Arrow(time, in ? peer : CLEARLINE, in ? CLEARLINE : peer, m.startLine(),
                    Ladder.Style.of(m.startLine()), false, callerSide ? "" : m.peer(), m.text()));
        }
        return new Ladder(List.of("caller", "Clearline", "callee/trunk"), arrows, call.messagesDropped());
    }
}
