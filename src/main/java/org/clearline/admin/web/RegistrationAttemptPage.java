package org.clearline.admin.web;

import static org.clearline.admin.http.Html.escape;

import org.clearline.failures.Audience;
import org.clearline.failures.Explanations;
import org.clearline.failures.Situation;
import org.clearline.ladder.LadderSvg;
import org.clearline.store.RegistrationRecord;
import org.clearline.syntax.Responses;

/**
 * One logged registration attempt: the REGISTER exchange (request, challenge,
 * request with credentials, final answer) with why it ended so and the ladder
 * of its messages.
 */
final class RegistrationAttemptPage {
    private RegistrationAttemptPage() {}

    static String render(RegistrationRecord r, Explanations texts) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>Registration attempt <code class=\"call-id\">").append(escape(r.callId())).append("</code></h1>\n");
        b.append("<dl class=\"summary\">\n");
        item(b, "At", Format.time(r.atMillis()) + " UTC");
        item(b, "From", escape(r.source()));
        item(b, "Account", r.sipId() == null ? "none of ours"
                : "<a href=\"" + escape(Format.accountHref(r.sipId())) + "\">" + escape(r.sipId()) + "</a>");
        item(b, "Result", "<span class=\"code " + (r.code() >= 300 ? "failed" : "ok") + "\" id=\"result-code\">"
                + r.code() + "</span> " + escape(Responses.reasonPhrase(r.code()))
                + (r.situation() == null ? "" : " · <code>" + escape(r.situation()) + "</code>"));
        b.append("</dl>\n");
        b.append("<section class=\"why\" aria-labelledby=\"why\"><h2 id=\"why\">Why it ended so</h2>\n");
        Situation s = r.situation() == null ? null : Situation.byId(r.situation());
        if (s != null) {
            b.append(ExplanationView.situation(texts, s, Audience.ADMIN, "h3"));
            b.append(ExplanationView.situation(texts, s, Audience.OWNER, "h3"));
        } else if (r.code() >= 300) {
            texts.explainCode(r.code()).ifPresent(e -> b.append(ExplanationView.code(texts, e, "h3")));
        } else {
            b.append("<p>The phone registered (").append(r.code()).append(' ')
                    .append(escape(Responses.reasonPhrase(r.code()))).append(").</p>\n");
        }
        b.append("</section>\n");
        b.append("<section class=\"messages\" aria-labelledby=\"ladder\"><h2 id=\"ladder\">Messages</h2>\n");
        Messages.section(b, r.messages().isEmpty(), r.messagesDropped(), r.ladderProblem(), "attempt",
                () -> LadderSvg.html(CallLadder.of(r), "registration"));
        b.append("</section>\n");
        return Layout.page("Registration " + r.callId(), Layout.Section.ACCOUNTS, b.toString());
    }

    private static void item(StringBuilder b, String name, String valueMarkup) {
        b.append("<div><dt>").append(escape(name)).append("</dt><dd>").append(valueMarkup).append("</dd></div>\n");
    }
}
