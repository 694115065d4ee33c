package org.clearline.admin.web;

import static org.clearline.admin.http.Html.escape;

import java.util.List;
import java.util.Map;
import org.clearline.failures.Explanations;
import org.clearline.store.CallFilter;
import org.clearline.store.CallRecord;
import org.clearline.store.Registration;

/**
 * The start page: what the server is doing now. The live part is also served
 * alone ({@code /live}) for the script that swaps it in every few seconds;
 * browsers without scripts reload the whole page instead.
 */
final class OverviewPage {
    /** Seconds between refreshes of the live part. */
    static final int REFRESH_SECONDS = 5;
    /** Registrations listed at most; the counters still count all. */
    static final int MAX_REGISTRATIONS = 200;
    /** Latest calls shown. */
    static final int LATEST_CALLS = 10;
    /** Calls of the last hour are counted up to this many (shown as "1000+"). */
    static final int COUNT_CAP = 1000;
    private static final long HOUR = 3_600_000L;

    private OverviewPage() {}

    static String render(DashboardSources src, Explanations texts) {
        String main = "<h1>Overview</h1>\n<section id=\"live\" aria-live=\"polite\" data-refresh=\"/live\" data-every=\""
                + REFRESH_SECONDS + "\">\n" + live(src, texts) + "</section>\n";
        return Layout.page("Overview", Layout.Section.OVERVIEW, main,
                "<noscript><meta http-equiv=\"refresh\" content=\"" + REFRESH_SECONDS * 2 + "\"></noscript>\n");
    }

    /** The live part: counters, calls in progress, registrations, latest calls. */
    static String live(DashboardSources src, Explanations texts) {
        long now = src.now();
        List<Registration> bindings = new java.util.ArrayList<>(src.location().all(now));
        bindings.sort(java.util.Comparator.comparing(Registration::sipId).thenComparing(Registration::contact));
        Map<String, Integer> callsUp = src.activeCalls().snapshot();
        int lastHour = src.callLog().list(new CallFilter(false, null, now - HOUR, COUNT_CAP)).size();
        int failedLastHour = src.callLog().list(new CallFilter(true, null, now - HOUR, COUNT_CAP)).size();
        StringBuilder b = new StringBuilder();
        b.append("<dl class=\"counters\">\n");
        counter(b, "registered-accounts", "Registered accounts", Long.toString(bindings.stream()
                .map(Registration::sipId).distinct().count()));
        counter(b, "bindings", "Contact bindings", Integer.toString(bindings.size()));
        counter(b, "calls-up", "Calls up", Integer.toString(src.activeCalls().total()));
        counter(b, "calls-hour", "Calls, last hour", capped(lastHour));
        counter(b, "failed-hour", "Failed, last hour", capped(failedLastHour));
        counter(b, "log-dropped", "Log entries dropped", Long.toString(src.callLogDropped().getAsLong()));
        b.append("</dl>\n");

        b.append("<h2>Calls in progress</h2>\n");
        if (callsUp.isEmpty()) {
            b.append("<p class=\"empty\">No calls in progress.</p>\n");
        } else {
            b.append("<table class=\"active\"><thead><tr><th scope=\"col\">Line</th><th scope=\"col\">Calls up</th>")
                    .append("</tr></thead>\n<tbody>\n");
            callsUp.forEach((line, n) -> b.append("<tr><td><a href=\"").append(escape(Format.accountHref(line)))
                    .append("\">").append(escape(line)).append("</a></td><td class=\"num\">").append(n)
                    .append("</td></tr>\n"));
            b.append("</tbody></table>\n");
        }

        b.append("<h2>Registrations</h2>\n");
        registrations(b, bindings, now);

        b.append("<h2>Latest calls</h2>\n");
        b.append(CallTable.render(src.callLog().list(new CallFilter(false, null, 0, LATEST_CALLS)), texts,
                "No calls logged yet."));
        b.append("<p class=\"hint\"><a href=\"/calls?failed=on\">Failed calls</a> · <a href=\"/calls\">All calls</a>")
                .append(" · updated ").append(Format.time(now)).append(" UTC</p>\n");
        return b.toString();
    }

    /** The bindings as a table: account, contact, source, user agent, expiry. */
    static void registrations(StringBuilder b, List<Registration> bindings, long now) {
        if (bindings.isEmpty()) {
            b.append("<p class=\"empty\">No phone is registered.</p>\n");
            return;
        }
        b.append("<table class=\"registrations\"><thead><tr><th scope=\"col\">Account</th>")
                .append("<th scope=\"col\">Contact</th><th scope=\"col\">Source</th><th scope=\"col\">User agent</th>")
                .append("<th scope=\"col\">Expires</th></tr></thead>\n<tbody>\n");
        for (Registration r : bindings.subList(0, Math.min(bindings.size(), MAX_REGISTRATIONS))) {
            b.append("<tr><td><a href=\"").append(escape(Format.accountHref(r.sipId()))).append("\">")
                    .append(escape(r.sipId())).append("</a></td><td class=\"uri\">").append(escape(r.contact()))
                    .append("</td><td>").append(escape(r.source())).append("</td><td>")
                    .append(Format.orDash(r.userAgent())).append("</td><td>")
                    .append(Format.expiresIn(r.expiresAt(), now)).append("</td></tr>\n");
        }
        b.append("</tbody></table>\n");
        if (bindings.size() > MAX_REGISTRATIONS) {
            b.append("<p class=\"hint\">").append(bindings.size() - MAX_REGISTRATIONS)
                    .append(" more bindings; the account pages list them all.</p>\n");
        }
    }

    private static void counter(StringBuilder b, String id, String name, String value) {
        b.append("<div id=\"counter-").append(id).append("\"><dt>").append(escape(name)).append("</dt><dd>")
                .append(escape(value)).append("</dd></div>\n");
    }

    private static String capped(int n) {
        return n >= COUNT_CAP ? COUNT_CAP + "+" : Integer.toString(n);
    }
}
