package org.clearline.admin.web;

import static org.clearline.admin.http.Html.escape;

import java.util.List;
import org.clearline.failures.Audience;
import org.clearline.failures.Explanations;
import org.clearline.failures.Situation;
import org.clearline.store.CallRecord;

/** Logged calls as a table, newest first, each row linking to its call page. */
final class CallTable {
    private CallTable() {}

    static String render(List<CallRecord> calls, Explanations texts, String emptyText) {
        if (calls.isEmpty()) return "<p class=\"empty\">" + escape(emptyText) + "</p>\n";
        StringBuilder b = new StringBuilder("""
                <table class="calls">
                <thead><tr><th scope="col">Time (UTC)</th><th scope="col">Caller</th><th scope="col">Callee</th>\
                <th scope="col">Code</th><th scope="col">Situation</th><th scope="col">Duration</th></tr></thead>
                <tbody>
                """);
        for (CallRecord c : calls) {
            b.append("<tr class=\"").append(c.failed() ? "failed" : "ok").append("\" data-call-id=\"")
                    .append(escape(c.callId())).append("\">")
                    .append("<td><a href=\"").append(escape(Format.callHref(c.callId()))).append("\">")
                    .append(Format.time(c.startedAt())).append("</a></td>")
                    .append("<td>").append(Format.orDash(c.callerUser().isEmpty() ? c.caller() : c.callerUser()))
                    .append("</td><td>").append(Format.orDash(c.callee())).append("</td>")
                    .append("<td class=\"code\">").append(c.code()).append("</td>")
                    .append("<td>").append(escape(situationTitle(c, texts))).append("</td>")
                    .append("<td class=\"num\">").append(Format.duration(c.durationMillis())).append("</td></tr>\n");
        }
        return b.append("</tbody>\n</table>\n").toString();
    }

    /**
     * The headline of why a call ended: its situation's title for the administrator,
     * or, for a failure relayed from a callee or trunk, what its code means in general.
     */
    static String situationTitle(CallRecord c, Explanations texts) {
        Situation s = c.situation() == null ? null : Situation.byId(c.situation());
        if (s != null) return texts.explain(s, Audience.ADMIN).title();
        if (c.situation() != null) return c.situation(); // an id this version does not know (an older log)
        if (!c.failed()) return "answered";
        return texts.explainCode(c.code()).map(e -> e.title() + " (relayed)").orElse("relayed");
    }
}
