package org.clearline.admin.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clearline.admin.config.HttpConfig;
import org.clearline.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The administration listener's gate: tokens, log-in sessions, CSRF header, throttling, JSON errors. */
class AdminHttpServerTest {
    @TempDir Path data;
    private AdminHttpServer server;
    private AdminToken token;
    private String base;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** A module like the API's: one read, one write, one refusal naming a field. */
    private static final HttpModule PROBE = routes -> {
        routes.get("/api/v1/probe", ctx -> ctx.json(Map.of("ok", true)));
        routes.post("/api/v1/probe", ctx -> ctx.status(201).json(Map.of("made", true)));
        routes.get("/api/v1/refuse", ctx -> {
            throw ApiError.badRequest("sipId", "must not be empty");
        });
        routes.get("/api/v1/crash", ctx -> {
            throw new IllegalStateException("boom");
        });
        routes.get("/", ctx -> ctx.html("<h1>home</h1>"));
    };

    @BeforeEach
    void start() throws IOException {
        token = AdminToken.loadOrCreate(data);
        server = AdminHttpServer.start(new HttpConfig(true, "127.0.0.1", 0, Optional.empty()), token,
                new Sessions(Clock.SYSTEM), () -> "clearline_up 1\n", List.of(PROBE));
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theTokenFileIsPrivateAndStable() throws IOException {
        Path file = data.resolve(AdminToken.FILE_NAME);
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(AdminToken.loadOrCreate(data).value()).isEqualTo(token.value());
        assertThat(token.value()).hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void apiWithoutCredentialsGets401JsonWithAChallenge() throws Exception {
        HttpResponse<String> r = get("/api/v1/probe", null, null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"clearline\"");
        assertThat(r.body()).contains("\"error\":\"unauthorized\"");
    }

    @Test
    void aWrongTokenIs401AndTheRightOneServes() throws Exception {
        assertThat(get("/api/v1/probe", "Bearer nope", null).statusCode()).isEqualTo(401);
        HttpResponse<String> ok = get("/api/v1/probe", "Bearer " + token.value(), null);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("{\"ok\":true}");
        assertThat(get("/metrics", "Bearer " + token.value(), null).body()).isEqualTo("clearline_up 1\n");
    }

    @Test
    void tokenGuessersAreThrottled() throws Exception {
        for (int i = 0; i < Sessions.MAX_FAILURES; i++) {
            assertThat(get("/api/v1/probe", "Bearer guess" + i, null).statusCode()).isEqualTo(401);
        }
        // even the right token waits out the window: the guesser must not learn when it hits
        assertThat(get("/api/v1/probe", "Bearer " + token.value(), null).statusCode()).isEqualTo(429);
    }

    @Test
    void pagesRedirectToTheLogInAndTheLogInOpensASession() throws Exception {
        HttpResponse<String> page = get("/", null, null);
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValue("/login?next=%2F");
        assertThat(get("/login", null, null).body()).contains("<form method=\"post\" action=\"/login\">");

        HttpResponse<String> wrong = login("admin", "wrong", "/");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("User or password is wrong.");

        HttpResponse<String> right = login("admin", token.value(), "/calls?failed=true");
        assertThat(right.statusCode()).isEqualTo(302);
        assertThat(right.headers().firstValue("Location")).hasValue("/calls?failed=true");
        String cookie = right.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("clearline_session=").containsIgnoringCase("HttpOnly").contains("SameSite=Strict");
        String session = cookie.substring(0, cookie.indexOf(';'));

        assertThat(get("/", null, session).body()).isEqualTo("<h1>home</h1>");
        assertThat(get("/api/v1/probe", null, session).statusCode()).isEqualTo(200);
    }

    @Test
    void aSessionMustNameTheCsrfHeaderToChangeThings() throws Exception {
        String session = sessionCookie();
        HttpResponse<String> bare = post("/api/v1/probe", session, Map.of());
        assertThat(bare.statusCode()).isEqualTo(403);
        assertThat(bare.body()).contains("\"field\":\"X-Clearline-Request\"");
        assertThat(post("/api/v1/probe", session, Map.of("X-Clearline-Request", "1")).statusCode()).isEqualTo(201);
    }

    @Test
    void theLogInNeverRedirectsToAnotherSite() {
        assertThat(Authentication.safeNext("//evil.example/x")).isEqualTo("/");
        assertThat(Authentication.safeNext("https://evil.example/")).isEqualTo("/");
        assertThat(Authentication.safeNext("/\\evil.example")).isEqualTo("/");
        assertThat(Authentication.safeNext("/calls/abc")).isEqualTo("/calls/abc");
    }

    @Test
    void logOutEndsTheSession() throws Exception {
        String session = sessionCookie();
        HttpResponse<String> out = post("/logout", session, Map.of("X-Clearline-Request", "1"));
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(get("/api/v1/probe", null, session).statusCode()).isEqualTo(401);
    }

    @Test
    void thePlainLogOutFormNeedsNoCsrfHeader() throws Exception {
        // the dashboard's log-out button is a form, which cannot add headers
        String session = sessionCookie();
        HttpResponse<String> out = post("/logout", session, Map.of());
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location")).hasValue("/login");
        assertThat(get("/", null, session).statusCode()).isEqualTo(302);
    }

    @Test
    void errorsAreJsonNamingTheFieldAndCrashesSayLittle() throws Exception {
        String auth = "Bearer " + token.value();
        HttpResponse<String> refused = get("/api/v1/refuse", auth, null);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).isEqualTo(
                "{\"status\":400,\"error\":\"bad-request\",\"field\":\"sipId\",\"message\":\"must not be empty\"}");
        HttpResponse<String> crash = get("/api/v1/crash", auth, null);
        assertThat(crash.statusCode()).isEqualTo(500);
        assertThat(crash.body()).contains("internal error").doesNotContain("boom").doesNotContain("at org.");
        HttpResponse<String> missing = get("/api/v1/nothing-here", auth, null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("\"error\":\"not-found\"");
    }

    private String sessionCookie() throws Exception {
        String cookie = login("admin", token.value(), "/").headers().firstValue("Set-Cookie").orElseThrow();
        return cookie.substring(0, cookie.indexOf(';'));
    }

    private HttpResponse<String> login(String user, String password, String next) throws Exception {
        String form = "user=" + enc(user) + "&password=" + enc(password) + "&next=" + enc(next);
        return client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String authorization, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (authorization != null) b.header("Authorization", authorization);
        if (cookie != null) b.header("Cookie", cookie);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String cookie, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody());
        b.header("Cookie", cookie);
        headers.forEach(b::header);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
