package org.clearline.admin.cli;

import java.io.PrintWriter;
import java.time.Instant;
import org.clearline.admin.calls.Since;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.clearline.admin.calls.Since;
import org.clearline.admin.diagnose.Diagnosis;
import org.clearline.admin.diagnose.Diagnosis.AuthFailureSource;
import org.clearline.admin.diagnose.Diagnosis.Binding;
import org.clearline.admin.diagnose.Diagnosis.FailedCall;
import org.clearline.admin.diagnose.Diagnosis.FailedRegistration;
import org.clearline.admin.diagnose.Diagnosis.Finding;
import org.clearline.admin.diagnose.Diagnosis.Forward;
import org.clearline.admin.diagnose.Diagnosis.Line;
import org.clearline.admin.diagnose.Diagnosis.Probe;

/** A {@link Diagnosis} for people: the findings first, then one section per part. */
final class DiagnosisText {
    private DiagnosisText() {}

    static void print(Diagnosis d, PrintWriter out) {
        out.println("Diagnosis of " + d.account() + (d.displayName().isEmpty() ? "" : " (" + d.displayName() + ")")
                + " at " + time(d.checkedAt()) + " UTC");
        out.println(!d.serverRunning() ? "server not running: read from the store alone, reachability not checked"
                : d.probed() ? "asked the running server, which sent OPTIONS to the phones"
                : "asked the running server; no OPTIONS sent");
        out.println();
        out.println("FINDINGS");
        for (Finding f : d.findings()) {
            out.println("  " + String.format("%-8s", label(f.severity())) + " " + f.text());
        }
        out.println();
        out.println("ACCOUNT");
        out.println("  enabled:         " + (d.enabled() ? "yes" : "no"));
        out.println("  numbers:         " + (d.numbers().isEmpty() ? "(none)" : String.join(", ", d.numbers())));
        out.println();
        registration(d, out);
        out.println();
        line(d.line(), out);
        out.println();
        out.println("RECENT FAILED CALLS");
        if (d.recentFailedCalls().isEmpty()) {
            out.println("  (none)");
        } else {
            Table t = new Table("  TIME (UTC)", "CALL-ID", "DIR", "CALLER", "CALLEE", "CODE", "SITUATION", "MEANING");
            for (FailedCall c : d.recentFailedCalls()) {
                t.add("  " + time(c.at()), c.callId(), c.direction(), c.caller(), c.callee(), c.code(),
                        dash(c.situation()), dash(c.explanation()));
            }
            t.print(out);
        }
        out.println();
        out.println("RECENT FAILED REGISTRATIONS");
        if (d.recentFailedRegistrations().isEmpty()) {
            out.println("  (none)");
        } else {
            Table t = new Table("  TIME (UTC)", "SOURCE", "CODE", "SITUATION", "MEANING");
            for (FailedRegistration r : d.recentFailedRegistrations()) {
                t.add("  " + time(r.at()), r.source(), r.code(), dash(r.situation()), dash(r.explanation()));
            }
            t.print(out);
        }
        out.println();
        out.println("FAILED LOG-INS BY SOURCE (24 h)");
        if (d.failedAuthSources().isEmpty()) {
            out.println("  (none)");
        } else {
            Table t = new Table("  ADDRESS", "ATTEMPTS", "LAST HOUR", "LATEST (UTC)", "SITUATIONS");
            for (AuthFailureSource s : d.failedAuthSources()) {
                t.add("  " + s.address(), s.attempts(), s.attemptsLastHour(), time(s.lastAt()),
                        String.join(", ", s.situations()));
            }
            t.print(out);
        }
        out.flush();
    }

    private static void registration(Diagnosis d, PrintWriter out) {
        out.println("REGISTRATION");
        out.println("  registered:      " + (d.registered() ? "yes, " + d.bindings().size() + " phone"
                + (d.bindings().size() == 1 ? "" : "s") : "no"));
        if (d.bindings().isEmpty()) return;
        Table t = new Table("  CONTACT", "FROM", "USER AGENT", "SINCE (UTC)", "EXPIRES", "REACHABLE");
        for (Binding b : d.bindings()) {
            t.add("  " + b.contact(), b.source(), dash(b.userAgent()), time(b.registeredSince()),
                    Expiry.in(b.expiresInSeconds() * 1000 + 999, 0), reach(b.reachability()));
            if (b.flowReachability() != null) {
                t.add("    (over the flow of its REGISTER)", b.source(), "", "", "", reach(b.flowReachability()));
            }
        }
        t.print(out);
    }

    private static void line(Line l, PrintWriter out) {
        out.println("LINE");
        out.println("  do-not-disturb:  " + (l.dnd() ? "ON" : "off"));
        out.println("  forwards:        always " + forward(l.forwards().unconditional()) + "; busy "
                + forward(l.forwards().busy()) + "; no answer after " + l.forwards().noAnswerSeconds() + " s "
                + forward(l.forwards().noAnswer()) + "; offline " + forward(l.forwards().offline()));
        out.println("  call limit:      " + (l.maxCalls() == 0 ? "none" : Integer.toString(l.maxCalls()))
                + (l.activeCalls() == null ? "" : " (" + l.activeCalls() + " up now)"));
        out.println("  reject rules:    " + l.rejectRules());
        out.println("  codecs:          " + (l.codecs().isEmpty() ? "any" : String.join(", ", l.codecs())));
        out.println("  SRTP:            " + l.srtp());
        out.println("  may call:        " + (l.permissions().isEmpty() ? "nothing" : String.join(", ", l.permissions())));
    }

    private static String reach(Probe p) {
        if (p == null) return "not checked";
        String r = switch (p.result()) {
            case "answered" -> "yes: " + p.status() + " " + p.reason() + " in " + p.roundTripMs() + " ms";
            case "timeout" -> "NO: no answer in " + (p.waitedMs() == null ? "?" : p.waitedMs() + " ms");
            case "transport-error" -> "NO: " + p.problem();
            case "malformed" -> "answers, malformed: " + p.problem();
            default -> "not probed: " + p.problem();
        };
        return p.destination() == null ? r : r + " (" + p.destination() + ")";
    }

    private static String forward(Forward f) {
        if (f == null) return "-";
        return "-> " + f.target() + (f.mode().equals("follow") ? "" : " (" + f.mode() + ")");
    }

    private static String label(String severity) {
        return switch (severity) {
            case Finding.PROBLEM -> "PROBLEM";
            case Finding.WARNING -> "WARNING";
            default -> severity.toLowerCase(Locale.ROOT);
        };
    }

    /** "2026-01-01 00:00:00" for an ISO instant; anything unreadable as it is. */
    private static String time(String iso) {
        if (iso == null) return "-";
        try {
            return Since.format(Instant.parse(iso).toEpochMilli());
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    private static String dash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }
}
