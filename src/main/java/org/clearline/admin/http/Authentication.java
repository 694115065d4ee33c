package org.clearline.admin.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Who may use the administration listener. API clients and Prometheus send the
 * admin token as {@code Authorization: Bearer}; the dashboard logs in as
 * {@code admin} and then carries a session cookie. Requests that change
 * something with a cookie must also carry {@code X-Clearline-Request} (a header
 * other sites cannot make a browser send), so a session cannot be ridden (CSRF).
 * Guessers are slowed: after {@link Sessions#MAX_FAILURES} failures an address waits.
 */
final class Authentication {
    static final String COOKIE = "clearline_session";
    static final String CSRF_HEADER = "X-Clearline-Request";
    static final String USER = "admin";
    /**
     * Plain HTML forms of the dashboard cannot send the header. They change nothing
     * another site could want (log-out; analysing an uploaded capture), and the
     * SameSite=Strict cookie never rides along on another site's request anyway.
     */
    static final java.util.Set<String> FORM_POSTS = java.util.Set.of("/logout", "/analyze");
    /** Request attribute naming who is asking: "token" or the session's user. */
    static final String PRINCIPAL = "clearline.principal";

    private final AdminToken token;
    private final String password;
    private final Sessions sessions;

    Authentication(AdminToken token, String password, Sessions sessions) {
        this.token = token;
        this.password = password;
        this.sessions = sessions;
    }

    /** Runs before every handler: lets the request through or ends it with 401/403/429 or a redirect. */
    void check(Context ctx) {
        String path = ctx.path();
        if (path.startsWith("/static/") || path.equals("/login") || path.equals("/healthz")
                || path.equals("/favicon.ico")) {
            return;
        }
        boolean machine = AdminHttpServer.isApi(ctx) || path.equals("/metrics");
        String bearer = bearer(ctx.header("Authorization"));
        if (bearer != null) {
            if (sessions.throttled(ctx.ip())) throw new ApiError(429, null, "too many failed attempts; wait a few minutes");
            if (!token.matches(bearer)) {
                sessions.failed(ctx.ip());
                throw unauthorized(ctx, "the token is not valid");
            }
            sessions.succeeded(ctx.ip());
            ctx.attribute(PRINCIPAL, "token");
            return;
        }
        String user = sessions.user(ctx.cookie(COOKIE));
        if (user != null) {
            // Logging out is exempt: it only ends the session, and the dashboard's log-out is a plain
            // form that must work without a script (forms cannot add headers). The cookie is
            // SameSite=Strict, so another site cannot make a browser send it with any request anyway.
            if (changes(ctx) && ctx.header(CSRF_HEADER) == null && !FORM_POSTS.contains(path)) {
                throw new ApiError(403, CSRF_HEADER, "requests that change something need the header " + CSRF_HEADER);
            }
            ctx.attribute(PRINCIPAL, user);
            return;
        }
        if (machine) throw unauthorized(ctx, "log in or send the admin token as \"Authorization: Bearer TOKEN\"");
        ctx.redirect("/login?next=" + java.net.URLEncoder.encode(path, StandardCharsets.UTF_8));
        ctx.skipRemainingHandlers();
    }

    private static ApiError unauthorized(Context ctx, String message) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"clearline\"");
        return new ApiError(401, null, message);
    }

    private static boolean changes(Context ctx) {
        HandlerType m = ctx.method();
        return m != HandlerType.GET && m != HandlerType.HEAD && m != HandlerType.OPTIONS;
    }

    private static String bearer(String header) {
        if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
        return header.substring(7).strip();
    }

    void loginPage(Context ctx) {
        ctx.html(LoginPage.render(safeNext(ctx.queryParam("next")), null));
    }

    void login(Context ctx) {
        String next = safeNext(ctx.formParam("next"));
        if (sessions.throttled(ctx.ip())) {
            ctx.status(429).html(LoginPage.render(next, "Too many failed log-ins from your address. Wait a few minutes."));
            return;
        }
        String user = ctx.formParam("user");
        String given = ctx.formParam("password");
        if (USER.equals(user) && passwordMatches(given)) {
            sessions.succeeded(ctx.ip());
            ctx.cookie(AdminHttpServer.sessionCookie(sessions.open(USER), (int) (Sessions.IDLE_MILLIS / 1000)));
            ctx.redirect(next);
            return;
        }
        sessions.failed(ctx.ip());
        ctx.status(401).html(LoginPage.render(next, "User or password is wrong."));
    }

    void logout(Context ctx) {
        sessions.close(ctx.cookie(COOKIE));
        ctx.cookie(AdminHttpServer.sessionCookie("", 0));
        ctx.redirect("/login");
    }

    private boolean passwordMatches(String given) {
        if (given == null) return false;
        if (password == null) return token.matches(given);
        return MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** Only a local path: never redirect a fresh log-in to another site. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.startsWith("/login")) {
            return "/";
        }
        return next;
    }
}
