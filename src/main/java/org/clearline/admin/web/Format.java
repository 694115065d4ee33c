package org.clearline.admin.web;

import static org.clearline.admin.http.Html.escape;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How pages write times, durations and numbers; always escaped, always UTC (the server's log is too). */
final class Format {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private Format() {}

    /** {@code <time datetime="2026-01-01T08:00:00Z">2026-01-01 08:00:00</time>}. */
    static String time(long epochMillis) {
        Instant at = Instant.ofEpochMilli(epochMillis);
        return "<time datetime=\"" + escape(at.toString()) + "\">" + SHOWN.format(at) + "</time>";
    }

    /** "1:05:09", "4:07", or "–" when the call was never answered (-1). */
    static String duration(long millis) {
        if (millis < 0) return "\u2013";
        long s = millis / 1000;
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** "120 ms", or "–" for a timing the call never reached (-1). */
    static String millis(long millis) {
        return millis < 0 ? "\u2013" : millis + " ms";
    }

    /** How long until a binding lapses: "in 59 s", "in 4 min 07 s", "in 1 h 05 min", or "expired". */
    static String expiresIn(long expiresAt, long now) {
        long s = (expiresAt - now) / 1000;
        if (s <= 0) return "expired";
        if (s < 60) return "in " + s + " s";
        if (s < 3600) return String.format(Locale.ROOT, "in %d min %02d s", s / 60, s % 60);
        return String.format(Locale.ROOT, "in %d h %02d min", s / 3600, s / 60 % 60);
    }

    /** A link to a logged call's page. */
    static String callHref(String callId) {
        return "/call?id=" + Requests.encode(callId);
    }

    /** A link to a registration attempt's page. */
    static String registrationHref(String callId) {
        return "/registration?id=" + Requests.encode(callId);
    }

    /** A link to an account's page. */
    static String accountHref(String sipId) {
        return "/account?id=" + Requests.encode(sipId);
    }

    /** A link into the codes page, at one situation. */
    static String situationHref(String situationId) {
        return "/codes#situation-" + Requests.encode(situationId);
    }

    /** A link into the codes page, at one status code. */
    static String codeHref(int code) {
        return "/codes#code-" + code;
    }

    /** An empty text shown as a dash, so empty table cells still read as "nothing". */
    static String orDash(String s) {
        return s == null || s.isBlank() ? "\u2013" : escape(s);
    }
}
