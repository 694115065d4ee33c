package org.clearline.admin.web;

import static org.clearline.admin.http.Html.escape;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clearline.admin.calls.Since;
import org.clearline.failures.ExplainedCodes;
import org.clearline.failures.Explanations;
import org.clearline.store.CallFilter;
import org.clearline.store.CallRecord;

/** The call log with filters (failed only, account, final code, since), newest first. */
final class CallListPage {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    /** The filters as the form sent them; blank fields are null. */
    record Query(boolean failedOnly, String account, String code, String since, String limit) {
        static Query of(String failed, String account, String code, String since, String limit) {
            return new Query(failed != null && !failed.isBlank() && !failed.equals("false"),
                    Requests.blankToNull(account), Requests.blankToNull(code), Requests.blankToNull(since),
                    Requests.blankToNull(limit));
        }
    }

    /** A page and its HTTP status (400 when a filter cannot be read). */
    record Rendered(int status, String html) {}

    private CallListPage() {}

    static Rendered render(DashboardSources src, Explanations texts, Query q) {
        List<String> problems = new ArrayList<>();
        long since = 0;
        if (q.since() != null) {
            Optional<Long> s = Since.parse(q.since(), src.now()); // the same rule as `clearline calls --since`
            if (s.isPresent()) since = s.get();
            else problems.add("Since must be an age such as 30m, 2h or 7d, or a time such as 2026-01-01T08:00:00Z.");
        }
        Integer code = null;
        if (q.code() != null) {
            code = q.code().matches("[0-9]{3}") ? Integer.valueOf(q.code()) : null;
            if (code == null || !ExplainedCodes.isStatusCode(code)) {
                problems.add("Code must be a SIP status code from 100 to 699.");
                code = null;
            }
        }
        int limit = DEFAULT_LIMIT;
        if (q.limit() != null) {
            limit = q.limit().matches("[0-9]{1,4}") ? Integer.parseInt(q.limit()) : -1;
            if (limit < 1 || limit > MAX_LIMIT) {
                problems.add("Limit must be a number from 1 to " + MAX_LIMIT + ".");
                limit = DEFAULT_LIMIT;
            }
        }
        StringBuilder main = new StringBuilder("<h1>Calls</h1>\n");
        main.append(form(q));
        if (!problems.isEmpty()) {
            main.append("<div class=\"error\" role=\"alert\"><ul>");
            for (String p : problems) main.append("<li>").append(escape(p)).append("</li>");
            main.append("</ul></div>\n");
            return new Rendered(400, Layout.page("Calls", Layout.Section.CALLS, main.toString()));
        }
        List<CallRecord> calls = find(src, q, code, since, limit);
        main.append("<p class=\"hint\" id=\"call-count\">").append(calls.size())
                .append(calls.size() == 1 ? " call" : " calls").append(calls.size() == limit ? " (the newest " + limit
                        + "; narrow the filters or raise the limit for more)" : "").append(".</p>\n");
        main.append(CallTable.render(calls, texts, "No logged call matches these filters."));
        return new Rendered(200, Layout.page(q.failedOnly() ? "Failed calls" : "Calls", Layout.Section.CALLS,
                main.toString()));
    }

    private static List<CallRecord> find(DashboardSources src, Query q, Integer code, long since, int limit) {
        return src.callLog().list(new CallFilter(q.failedOnly(), q.account(), since, code, limit));
    }

    private static String form(Query q) {
        return """
                <form class="filters" method="get" action="/calls" role="search" aria-label="Filter calls">
                <label class="check"><input type="checkbox" name="failed" id="filter-failed"%s> Failed only</label>
                <label>Account or number <input name="account" id="filter-account" value="%s" size="14"></label>
                <label>Code <input name="code" id="filter-code" value="%s" size="4" inputmode="numeric" \
                pattern="[0-9]{3}" title="a SIP status code such as 480"></label>
                <label>Since <input name="since" id="filter-since" value="%s" size="12" placeholder="2h, 7d, 2026-01-01"></label>
                <label>Limit <input name="limit" id="filter-limit" value="%s" size="4" inputmode="numeric"></label>
                <button type="submit" id="filter">Show</button>
                <a href="/calls">Clear</a>
                </form>
                """.formatted(q.failedOnly() ? " checked" : "", escape(orEmpty(q.account())), escape(orEmpty(q.code())),
                escape(orEmpty(q.since())), escape(q.limit() == null ? Integer.toString(DEFAULT_LIMIT) : q.limit()));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
