package org.clearline.admin.http;

/** The log-in form, server-rendered so it works before any script loads. */
final class LoginPage {
    private LoginPage() {}

    static String render(String next, String problem) {
        String error = problem == null ? "" : "<p class=\"error\" role=\"alert\">" + Html.escape(problem) + "</p>\n";
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Clearline – log in</title>
                <link rel="stylesheet" href="/static/clearline.css">
                </head>
                <body class="login">
                <main>
                <h1>Clearline</h1>
                %s<form method="post" action="/login">
                <input type="hidden" name="next" value="%s">
                <label>User <input name="user" id="user" value="admin" autocomplete="username" required></label>
                <label>Password <input name="password" id="password" type="password" autocomplete="current-password" required></label>
                <button type="submit" id="login">Log in</button>
                </form>
                <p class="hint">The password is <code>server.http.password</code> from the configuration or,
                without one, the admin token in the data directory (file <code>admin-token</code>).</p>
                </main>
                </body>
                </html>
                """.formatted(error, Html.escape(next));
    }
}
