package org.clearline.admin.cli;

import java.io.PrintWriter;
import java.util.List;
import org.clearline.store.CallRecord;
import org.clearline.store.LoggedMessage;
import org.clearline.store.RegistrationRecord;

/**
 * A call's messages as a text ladder: three columns (caller, Clearline, callee
 * or trunk) and one arrow per message, in time order, labelled with its start
 * line. Messages exchanged with the call's source are on the caller side; every
 * other peer is a callee or trunk.
 */
final class LadderDiagram {
    /** Characters between two columns. */
    static final int GAP = 44;
    private static final int TIME = 10;

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
        out.println(pad("", TIME) + pad(sourceColumn, GAP + 1) + pad("Clearline", GAP + 1) + "callee/trunk");
        for (LoggedMessage m : messages) {
            String time = pad(String.format("+%.3fs", (m.atMillis() - startedAt) / 1000.0), TIME);
            boolean callerSide = m.peer().equals(source);
            boolean in = m.direction() == LoggedMessage.Direction.IN;
            String left;
            String right;
            if (callerSide) {
                left = in ? arrowRight(m.startLine()) : arrowLeft(m.startLine());
                right = " ".repeat(GAP);
            } else {
                left = " ".repeat(GAP);
                right = in ? arrowLeft(m.startLine()) : arrowRight(m.startLine());
            }
            out.println((time + "|" + left + "|" + right + "|   " + (callerSide ? "" : m.peer())).stripTrailing());
        }
        if (dropped > 0) out.println(pad("", TIME) + "(" + dropped + " more messages not kept)");
    }

    private static String arrowRight(String label) {
        String l = "-" + fit(label) + " ";
        return l + "-".repeat(GAP - l.length() - 1) + ">";
    }

    private static String arrowLeft(String label) {
        String l = "<- " + fit(label) + " ";
        return l + "-".repeat(GAP - l.length());
    }

    /** Start lines are long (URIs); the arrow keeps its shape and the label is cut. */
    private static String fit(String startLine) {
        String label = startLine.startsWith("SIP/2.0 ") ? startLine.substring(8)
                : startLine.endsWith(" SIP/2.0") ? startLine.substring(0, startLine.length() - 8) : startLine;
        int max = GAP - 6;
        return label.length() <= max ? label : label.substring(0, max - 1) + "~";
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}
