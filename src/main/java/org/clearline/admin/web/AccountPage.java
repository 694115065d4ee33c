package org.clearline.admin.web;

import static org.clearline.admin.http.Html.escape;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.clearline.failures.Explanations;
import org.clearline.failures.Situation;
import org.clearline.failures.Audience;
import org.clearline.store.LineSettings;
import org.clearline.store.Registration;
import org.clearline.store.RegistrationRecord;

/**
 * One account: the diagnosis first (what a caller gets now, and why), then the
 * facts it rests on: registrations, numbers, line features, recent failed calls
 * and registration attempts.
 */
final class AccountPage {
    private AccountPage() {}

    static String render(AccountFacts f, Explanations texts, DiagnosisView diagnosis, boolean probe) {
        String sipId = f.account().sipId();
        StringBuilder b = new StringBuilder();
        b.append("<h1>Account <span class=\"sip-id\">").append(escape(sipId)).append("</span>");
        if (!f.account().displayName().isBlank()) {
            b.append(" <span class=\"display-name\">").append(escape(f.account().displayName())).append("</span>");
        }
        b.append(f.account().enabled() ? "" : " <span class=\"badge failed\">disabled</span>").append("</h1>\n");

        b.append("<section id=\"diagnosis\" aria-labelledby=\"diagnosis-h\"><h2 id=\"diagnosis-h\">Diagnosis</h2>\n")
                .append(diagnosis.render(f, texts, probe)).append("</section>\n");

        b.append("<section aria-labelledby=\"bindings-h\"><h2 id=\"bindings-h\">Registered phones</h2>\n");
        bindings(b, f.bindings(), f.now());
        b.append("</section>\n");

        b.append("<section aria-labelledby=\"line-h\"><h2 id=\"line-h\">Numbers and line features</h2>\n");
        line(b, f);
        b.append("</section>\n");

        b.append("<section aria-labelledby=\"failed-h\"><h2 id=\"failed-h\">Failed calls, last 7 days</h2>\n")
                .append(CallTable.render(f.failedCalls(), texts, "No failed call from or to this account."))
                .append("<p class=\"hint\"><a href=\"/calls?account=").append(escape(Requests.encode(sipId)))
                .append("\">All calls of ").append(escape(sipId)).append("</a></p>\n</section>\n");

        b.append("<section aria-labelledby=\"reg-h\"><h2 id=\"reg-h\">Registration attempts, last 7 days</h2>\n");
        registrationAttempts(b, f.registrationAttempts(), texts);
        b.append("</section>\n");
        return Layout.page("Account " + sipId, Layout.Section.ACCOUNTS, b.toString());
    }

    private static void bindings(StringBuilder b, List<Registration> bindings, long now) {
        if (bindings.isEmpty()) {
            b.append("<p class=\"empty\">No phone is registered for this account.</p>\n");
            return;
        }
        b.append("<table class=\"registrations\"><thead><tr><th scope=\"col\">Contact</th><th scope=\"col\">Source</th>")
                .append("<th scope=\"col\">User agent</th><th scope=\"col\">Registered since</th>")
                .append("<th scope=\"col\">Expires</th><th scope=\"col\">q</th></tr></thead>\n<tbody>\n");
        for (Registration r : bindings) {
            b.append("<tr><td class=\"uri\">").append(escape(r.contact())).append("</td><td>").append(escape(r.source()))
                    .append("</td><td>").append(Format.orDash(r.userAgent())).append("</td><td>")
                    .append(Format.time(r.registeredAt())).append("</td><td>")
                    .append(Format.expiresIn(r.expiresAt(), now)).append("</td><td class=\"num\">")
                    .append(String.format(Locale.ROOT, "%.1f", r.q())).append("</td></tr>\n");
        }
        b.append("</tbody></table>\n");
    }

    private static void line(StringBuilder b, AccountFacts f) {
        LineSettings l = f.line();
        b.append("<dl class=\"summary\">\n");
        item(b, "Numbers", f.numbers().isEmpty() ? "none" : escape(String.join(", ", f.numbers())));
        item(b, "Do-not-disturb", l.dnd() ? "<strong>on</strong>" : "off");
        item(b, "Call limit", (l.maxCalls() == 0 ? "none" : Integer.toString(l.maxCalls())) + " · " + f.callsUp()
                + " up now");
        item(b, "Forward always", forward(l.unconditional()));
        item(b, "Forward when busy", forward(l.busy()));
        item(b, "Forward on no answer", forward(l.noAnswer()) + (l.noAnswer() == null ? ""
                : " after " + l.noAnswerSeconds() + " s"));
        item(b, "Forward when offline", forward(l.offline()));
        item(b, "Rejected callers", l.rejectCallers().isEmpty() ? "none" : escape(String.join(", ", l.rejectCallers())));
        item(b, "Codecs", l.codecs().isEmpty() ? "any" : escape(String.join(", ", l.codecs())));
        item(b, "Encrypted media (SRTP)", l.srtp() == LineSettings.Srtp.REQUIRED ? "required" : "optional");
        item(b, "May call", l.permissions().isEmpty() ? "nothing" : escape(l.permissions().stream()
                .sorted().map(d -> d.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))));
        b.append("</dl>\n");
    }

    private static String forward(LineSettings.Forward f) {
        if (f == null) return "\u2013";
        String how = switch (f.mode()) {
            case FOLLOW -> "followed by Clearline";
            case REDIRECT_PERMANENT -> "301 redirect";
            case REDIRECT_TEMPORARY -> "302 redirect";
        };
        return escape(f.target()) + " (" + how + ")";
    }

    private static void registrationAttempts(StringBuilder b, List<RegistrationRecord> attempts, Explanations texts) {
        if (attempts.isEmpty()) {
            b.append("<p class=\"empty\">No registration attempt logged.</p>\n");
            return;
        }
        b.append("<table class=\"registration-log\"><thead><tr><th scope=\"col\">Time (UTC)</th>")
                .append("<th scope=\"col\">Source</th><th scope=\"col\">Code</th><th scope=\"col\">Situation</th>")
                .append("</tr></thead>\n<tbody>\n");
        for (RegistrationRecord r : attempts) {
            Situation s = r.situation() == null ? null : Situation.byId(r.situation());
            b.append("<tr class=\"").append(r.code() >= 300 ? "failed" : "ok").append("\"><td><a href=\"")
                    .append(escape(Format.registrationHref(r.callId()))).append("\">")
                    .append(Format.time(r.atMillis())).append("</a></td><td>").append(escape(r.source()))
                    .append("</td><td class=\"code\">").append(r.code()).append("</td><td>")
                    .append(s == null ? Format.orDash(r.situation()) : "<a href=\""
                            + escape(Format.situationHref(s.id())) + "\">" + escape(texts.explain(s, Audience.ADMIN).title())
                            + "</a>")
                    .append("</td></tr>\n");
        }
        b.append("</tbody></table>\n");
    }

    private static void item(StringBuilder b, String name, String valueMarkup) {
        b.append("<div><dt>").append(escape(name)).append("</dt><dd>").append(valueMarkup).append("</dd></div>\n");
    }
}
