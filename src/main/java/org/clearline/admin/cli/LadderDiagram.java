package org.clearline.admin.cli;

import java.io.PrintWriter;
import java.util.List;
import org.clearline.store.CallRecord;
import org.clearline.store.LoggedMessage;

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
        List<LoggedMessage> messages = call.messages();
        out.println(pad("", TIME) + pad("caller", GAP + 1) + pad("Clearline", GAP + 1) + "callee/trunk");
        for (LoggedMessage m : messages) {
            String time = pad(String.format("+%.3fs", (m.atMillis() - call.startedAt()) / 1000.0), TIME);
            boolean callerSide = m.peer().equals(call.source());
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
        if (call.messagesDropped() > 0) out.println(pad("", TIME) + "(" + call.messagesDropped() + " more messages not kept)");
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
