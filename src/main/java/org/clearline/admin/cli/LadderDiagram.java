package org.clearline.admin.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.clearline.analyzer.ladder.Ladder;
import org.clearline.analyzer.ladder.TextLadder;
import org.clearline.store.CallRecord;
import org.clearline.store.LoggedMessage;
import org.clearline.store.RegistrationRecord;

/**
 * A logged call's or registration attempt's messages as a text ladder: three
 * columns (caller or phone, Clearline, callee or trunk) and one arrow per
 * message, in time order, labelled with its start line. Messages exchanged with
 * the attempt's source are on the left; every other peer is a callee or trunk,
 * named after the last bar.
 */
final class LadderDiagram {
    /** Characters between two columns. */
    static final int GAP = TextLadder.WIDEST_GAP;
    private static final int SOURCE = 0;
    private static final int CLEARLINE = 1;
    private static final int CALLEE = 2;

    private LadderDiagram() {}

    static void print(PrintWriter out, CallRecord call) {
        print(out, "caller", call.source(), call.startedAt(), call.messages(), call.messagesDropped(),
                call.ladderProblem());
    }

    static void print(PrintWriter out, RegistrationRecord r) {
        print(out, "phone", r.source(), r.atMillis(), r.messages(), r.messagesDropped(), r.ladderProblem());
    }

    private static void print(PrintWriter out, String sourceColumn, String source, long startedAt,
                              List<LoggedMessage> messages, int dropped, String problem) {
        if (problem != null) {
            out.println("(the messages cannot be shown: " + problem + ")");
            return;
        }
        if (messages.isEmpty()) {
            out.println("(no messages were kept" + (dropped > 0 ? ", " + dropped + " were over the log's bounds" : "")
                    + "; see callLog.ladders)");
            return;
        }
        TextLadder.print(out, ladder(sourceColumn, source, startedAt, messages, dropped), GAP);
    }

    /** The call as a ladder model (the dashboard draws the same model as SVG). */
    static Ladder ladder(CallRecord call) {
        return ladder("caller", call.source(), call.startedAt(), call.messages(), call.messagesDropped());
    }

    private static Ladder ladder(String sourceColumn, String source, long startedAt, List<LoggedMessage> messages,
                                 int dropped) {
        List<Ladder.Arrow> arrows = new ArrayList<>(messages.size());
        for (LoggedMessage m : messages) {
            String time = String.format("+%.3fs", (m.atMillis() - startedAt) / 1000.0);
            boolean sourceSide = m.peer().equals(source);
            boolean in = m.direction() == LoggedMessage.Direction.IN;
            int peer = sourceSide ? SOURCE : CALLEE;
            arrows.add(new Ladder.Arrow(time, in ? peer : CLEARLINE, in ? CLEARLINE : peer, m.startLine(),
                    Ladder.Style.of(m.startLine()), false, sourceSide ? "" : m.peer(), m.text()));
        }
        return new Ladder(List.of(sourceColumn, "Clearline", "callee/trunk"), arrows, dropped);
    }
}
