package org.clearline.admin.web;

import static org.clearline.admin.http.Html.escape;

import java.util.ArrayList;
import java.util.List;
import org.clearline.failures.Audience;
import org.clearline.failures.Explanations;
import org.clearline.failures.Situation;
import org.clearline.ladder.LadderSvg;
import org.clearline.store.CallRecord;
import org.clearline.store.LoggedMessage;
import org.clearline.store.RouteStep;
import org.clearline.syntax.Responses;

/**
 * One logged call: what happened in numbers, where the call went, why it ended
 * (the situation told to the administrator and to the account owner) and the
 * ladder of its messages, each arrow opening the whole message.
 */
final class CallPage {
    private CallPage() {}

    static String render(CallRecord c, Explanations texts) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>Call <code class=\"call-id\">").append(escape(c.callId())).append("</code></h1>\n");
        summary(b, c);
        route(b, c);
        b.append("<section class=\"why\" aria-labelledby=\"why\"><h2 id=\"why\">Why it ended so</h2>\n");
        Situation s = c.situation() == null ? null : Situation.byId(c.situation());
        if (s != null) {
            b.append("<p>Situation <a href=\"").append(escape(Format.situationHref(s.id()))).append("\"><code>")
                    .append(escape(s.id())).append("</code></a>: Clearline ended the call with ").append(s.code())
                    .append(' ').append(escape(s.reason())).append(".</p>\n");
            b.append(ExplanationView.situation(texts, s, Audience.ADMIN, "h3"));
            b.append(ExplanationView.situation(texts, s, Audience.OWNER, "h3"));
        } else if (c.failed()) {
            b.append("<p>The final response came from the callee or trunk and was passed on unchanged; what ")
                    .append("its code means in general:</p>\n");
            texts.explainCode(c.code()).ifPresent(e -> b.append(ExplanationView.code(texts, e, "h3")));
        } else {
            b.append("<p>The call was answered (").append(c.code()).append(' ')
                    .append(escape(Responses.reasonPhrase(c.code()))).append(").</p>\n");
        }
        b.append("</section>\n");
        b.append("<section class=\"messages\" aria-labelledby=\"ladder\"><h2 id=\"ladder\">Messages</h2>\n");
        Messages.section(b, c.messages().isEmpty(), c.messagesDropped(), c.ladderProblem(), "call",
                () -> LadderSvg.html(CallLadder.of(c), "call"));
        b.append("</section>\n");
        return Layout.page("Call " + c.callId(), Layout.Section.CALLS, b.toString());
    }

    private static void summary(StringBuilder b, CallRecord c) {
        b.append("<dl class=\"summary\">\n");
        item(b, "Started", Format.time(c.startedAt()) + " UTC");
        item(b, "From", escape(c.source()));
        item(b, "Caller", escape(c.caller()) + (c.callerUser().isEmpty() ? "" : " (account <a href=\""
                + escape(Format.accountHref(c.callerUser())) + "\">" + escape(c.callerUser()) + "</a>)"));
        item(b, "Callee", escape(c.callee()) + (c.calleeE164() == null || c.calleeE164().equals(c.callee())
                ? "" : " (" + escape(c.calleeE164()) + ")"));
        item(b, "Result", "<span class=\"code " + (c.failed() ? "failed" : "ok") + "\" id=\"result-code\">" + c.code()
                + "</span> " + escape(Responses.reasonPhrase(c.code()))
                + (c.situation() == null ? "" : " · <code>" + escape(c.situation()) + "</code>"));
        item(b, "Post-dial delay", Format.millis(c.postDialMillis()));
        item(b, "Ringing", Format.millis(c.ringMillis()));
        item(b, "Talked", Format.duration(c.durationMillis()));
        b.append("</dl>\n");
    }

    /**
     * Where Clearline sent the call: the route the router recorded (forwards, phones,
     * trunks, failovers), then, read from the messages, each forwarded INVITE and how
     * its target answered.
     */
    private static void route(StringBuilder b, CallRecord c) {
        List<String> hops = new ArrayList<>();
        List<LoggedMessage> ms = c.messages();
        for (int i = 0; i < ms.size(); i++) {
            LoggedMessage m = ms.get(i);
            if (m.direction() != LoggedMessage.Direction.OUT || m.peer().equals(c.source())
                    || !m.startLine().startsWith("INVITE ")) {
                continue;
            }
            String answer = "no final response";
            for (LoggedMessage r : ms.subList(i + 1, ms.size())) {
                if (r.direction() == LoggedMessage.Direction.IN && r.peer().equals(m.peer())
                        && CallLadder.status(r.startLine()) >= 200) {
                    answer = r.startLine().substring(8);
                    break;
                }
            }
            hops.add("<li><code>" + escape(m.startLine().replaceFirst(" SIP/2\\.0$", "")) + "</code> to "
                    + escape(m.peer()) + " \u2192 " + escape(answer) + "</li>");
        }
        b.append("<section class=\"route\" aria-labelledby=\"route\"><h2 id=\"route\">Route taken</h2>\n");
        if (!c.route().isEmpty()) {
            b.append("<ol class=\"route-steps\">");
            for (RouteStep step : c.route()) {
                b.append("<li><span class=\"route-kind\">").append(escape(step.kind().key())).append("</span> ")
                        .append(escape(step.text().substring(step.kind().key().length()).strip())).append("</li>");
            }
            b.append("</ol>\n");
            if (!hops.isEmpty()) b.append("<h3>Requests sent on</h3>\n");
        }
        if (hops.isEmpty() && c.route().isEmpty()) {
            b.append("<p>Clearline answered the call itself; it was not sent on to any phone or trunk.</p>\n");
        } else if (!hops.isEmpty()) {
            b.append("<ol>").append(String.join("\n", hops)).append("</ol>\n");
        }
        b.append("</section>\n");
    }

    private static void item(StringBuilder b, String name, String valueMarkup) {
        b.append("<div><dt>").append(escape(name)).append("</dt><dd>").append(valueMarkup).append("</dd></div>\n");
    }
}
