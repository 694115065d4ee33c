package org.clearline.admin.web;

import static org.clearline.admin.http.Html.escape;

import java.util.function.Supplier;

/** The messages section of a call or registration attempt page: the ladder, or why there is none. */
final class Messages {
    private Messages() {}

    /**
     * @param what   "call" or "attempt", for the sentences
     * @param ladder the ladder's markup, made only when there are messages to draw
     */
    static void section(StringBuilder b, boolean empty, int dropped, String problem, String what,
                        Supplier<String> ladder) {
        if (problem != null) {
            b.append("<p class=\"empty\">The stored messages of this ").append(what).append(" cannot be shown: ")
                    .append(escape(problem)).append(".</p>\n");
        } else if (empty && dropped > 0) {
            b.append("<p class=\"empty\">None of the ").append(dropped).append(" messages of this ").append(what)
                    .append(" were kept: the log was over its bounds, or lean while the server was short of memory"
                            + " (the server log says when).</p>\n");
        } else if (empty) {
            b.append("<p class=\"empty\">No messages were kept for this ").append(what)
                    .append(" (the log's <code>callLog.ladders</code> setting says which ladders it keeps).</p>\n");
        } else {
            b.append("<p class=\"hint\">Click an arrow (or a line of the list) to see the whole message.</p>\n");
            b.append(ladder.get());
        }
        if (dropped > 0 && !empty) {
            b.append("<p class=\"hint\">").append(dropped).append(" more messages of this ").append(what)
                    .append(" were not kept (the log keeps a bounded number and size per ").append(what)
                    .append(", and a bounded total).</p>\n");
        }
    }
}
