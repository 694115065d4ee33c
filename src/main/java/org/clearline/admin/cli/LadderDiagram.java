package org.clearline.admin.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.clearline.ladder.Ladder;
import org.clearline.ladder.LadderMessage;
import org.clearline.ladder.Lane;
import org.clearline.ladder.TextLadder;
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
    /** The lanes besides the source's: peers are "udp:…"/"tcp:…", so these names cannot clash with one. */
    private static final String CLEARLINE = "clearline";
    private static final String CALLEES = "callee/trunk";

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
            out.println(dropped > 0
                    ? "(none of its " + dropped + " messages were kept: the log was over its bounds, or lean while"
                            + " the server was short of memory)"
                    : "(no messages were kept; see callLog.ladders)");
            return;
        }
        TextLadder.print(out, ladder(sourceColumn, source, startedAt, messages, dropped), GAP);
    }

    private static Ladder ladder(String sourceColumn, String source, long startedAt, List<LoggedMessage> messages,
                                 int dropped) {
        List<LadderMessage> arrows = new ArrayList<>(messages.size());
        for (LoggedMessage m : messages) {
            boolean sourceSide = m.peer().equals(source);
            boolean in = m.direction() == LoggedMessage.Direction.IN;
            String peer = sourceSide ? source : CALLEES;
            arrows.add(new LadderMessage(m.atMillis(), in ? peer : CLEARLINE, in ? CLEARLINE : peer, m.startLine(),
                    m.text(), false, false, sourceSide ? "" : m.peer()));
        }
        List<Lane> lanes = List.of(new Lane(source, sourceColumn, source), new Lane(CLEARLINE, "Clearline", ""),
                Lane.of(CALLEES));
        return Ladder.of(lanes, arrows, startedAt).withOmitted(dropped);
    }
}
