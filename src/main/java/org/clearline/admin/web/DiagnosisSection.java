package org.clearline.admin.web;

import static org.clearline.admin.http.Html.escape;

import java.util.Optional;
import org.clearline.admin.diagnose.Diagnoser;
import org.clearline.admin.diagnose.Diagnosis;
import org.clearline.failures.Explanations;

/**
 * The account page's diagnosis from {@link Diagnoser}, the same the CLI's
 * {@code diagnose} and the API show: its findings, and on request the phones'
 * reachability (OPTIONS from the server's sockets, which holds the page for at
 * most the prober's wait; so it is a button, not done on every view), and the
 * addresses whose log-ins failed.
 */
final class DiagnosisSection implements DiagnosisView {
    private final Diagnoser diagnoser;

    DiagnosisSection(Diagnoser diagnoser) {
        this.diagnoser = diagnoser;
    }

    @Override
    public String render(AccountFacts facts, Explanations texts, boolean probe) {
        String sipId = facts.account().sipId();
        Optional<Diagnosis> found = diagnoser.diagnose(sipId, new Diagnoser.Options(probe, null));
        if (found.isEmpty()) return OWN_FINDINGS.render(facts, texts, probe); // removed meanwhile
        Diagnosis d = found.get();
        StringBuilder b = new StringBuilder("<ul class=\"findings\">\n");
        for (Diagnosis.Finding f : d.findings()) {
            b.append("<li class=\"finding ").append(level(f.severity())).append("\" data-finding=\"")
                    .append(escape(f.id())).append("\">").append(escape(sentence(f.text()))).append("</li>\n");
        }
        b.append("</ul>\n");
        if (d.probed()) {
            reachability(b, d);
        } else if (d.registered()) {
            b.append("<form method=\"get\" action=\"/account\" class=\"probe\"><input type=\"hidden\" name=\"id\" value=\"")
                    .append(escape(sipId)).append("\"><input type=\"hidden\" name=\"probe\" value=\"on\">")
                    .append("<button type=\"submit\" id=\"probe\">Check reachability</button> ")
                    .append("<span class=\"hint\">sends an OPTIONS to each registered phone and waits for the answers</span>")
                    .append("</form>\n");
        }
        if (!d.failedAuthSources().isEmpty()) {
            b.append("<h3>Failed log-ins, last 24 hours</h3>\n<table class=\"auth-failures\"><thead><tr>")
                    .append("<th scope=\"col\">Address</th><th scope=\"col\">Attempts</th>")
                    .append("<th scope=\"col\">Last hour</th><th scope=\"col\">Situations</th>")
                    .append("<th scope=\"col\">Latest</th></tr></thead>\n<tbody>\n");
            for (Diagnosis.AuthFailureSource s : d.failedAuthSources()) {
                b.append("<tr><td>").append(escape(s.address())).append("</td><td class=\"num\">").append(s.attempts())
                        .append("</td><td class=\"num\">").append(s.attemptsLastHour()).append("</td><td>")
                        .append(escape(String.join(", ", s.situations()))).append("</td><td>")
                        .append(escape(s.lastAt())).append("</td></tr>\n");
            }
            b.append("</tbody></table>\n");
        }
        return b.toString();
    }

    private static void reachability(StringBuilder b, Diagnosis d) {
        b.append("<h3>Reachability</h3>\n<table class=\"reachability\"><thead><tr><th scope=\"col\">Contact</th>")
                .append("<th scope=\"col\">OPTIONS the way calls go</th><th scope=\"col\">Over the REGISTER's flow</th>")
                .append("</tr></thead>\n<tbody>\n");
        for (Diagnosis.Binding x : d.bindings()) {
            b.append("<tr><td class=\"uri\">").append(escape(x.contact())).append("</td>")
                    .append(probe(x.reachability())).append(probe(x.flowReachability())).append("</tr>\n");
        }
        b.append("</tbody></table>\n");
    }

    /** One probe's outcome as a cell: "200 OK in 12 ms to udp:…", "no answer within 4 s". */
    static String probe(Diagnosis.Probe p) {
        if (p == null) return "<td>\u2013</td>";
        String text = switch (p.result()) {
            case "answered" -> p.status() + " " + p.reason() + " in " + p.roundTripMs() + " ms";
            case "timeout" -> "no answer within " + p.waitedMs() + " ms";
            case "transport-error" -> "could not send: " + p.problem();
            case "malformed" -> "malformed answer: " + p.problem();
            default -> "not probed: " + p.problem();
        };
        return "<td class=\"" + (p.reachable() ? "ok" : "failed") + "\">" + escape(text)
                + (p.destination() == null ? "" : " <span class=\"hint\">(" + escape(p.destination()) + ")</span>")
                + "</td>";
    }

    private static String level(String severity) {
        return switch (severity) {
            case Diagnosis.Finding.PROBLEM -> "problem";
            case Diagnosis.Finding.WARNING -> "note";
            default -> "info";
        };
    }

    /** The diagnosis writes findings as lower-case clauses (for the CLI); a page shows sentences. */
    private static String sentence(String text) {
        if (text.isEmpty()) return text;
        String s = Character.toUpperCase(text.charAt(0)) + text.substring(1);
        return s.endsWith(".") ? s : s + ".";
    }
}
