package org.clearline.admin.web;

import static org.clearline.admin.http.Html.escape;

/**
 * The one frame around every dashboard page: head, navigation, the log-out
 * form and the main region. Plain HTML that works before (and without) the
 * small script, which only adds live refresh and opens ladder messages.
 */
final class Layout {
    /** The dashboard's sections, in navigation order. */
    enum Section {
        OVERVIEW("/", "Overview"),
        CALLS("/calls", "Calls"),
        ACCOUNTS("/accounts", "Accounts"),
        CODES("/codes", "Codes"),
        ANALYZE("/analyze", "Analyze a capture");

        final String href;
        final String name;

        Section(String href, String name) {
            this.href = href;
            this.name = name;
        }
    }

    private Layout() {}

    /** A whole page; {@code title} is text (escaped here), {@code main} is markup already escaped. */
    static String page(String title, Section active, String main) {
        return page(title, active, main, "");
    }

    /** {@code head} is extra markup for the head (e.g. a refresh for browsers without scripts). */
    static String page(String title, Section active, String main, String head) {
        StringBuilder nav = new StringBuilder();
        for (Section s : Section.values()) {
            nav.append("<li><a href=\"").append(s.href).append('"')
                    .append(s == active ? " aria-current=\"page\"" : "").append('>').append(s.name).append("</a></li>");
        }
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s – Clearline</title>
                <link rel="stylesheet" href="/static/clearline.css">
                <script src="/static/dashboard.js" defer></script>
                %s</head>
                <body class="dashboard">
                <a class="skip" href="#main">Skip to the content</a>
                <header class="top">
                <nav aria-label="Dashboard"><a class="brand" href="/">Clearline</a><ul>%s</ul></nav>
                <form class="logout" method="post" action="/logout"><button type="submit" id="logout">Log out</button></form>
                </header>
                <main id="main">
                %s</main>
                </body>
                </html>
                """.formatted(escape(title), head, nav, main);
    }
}
