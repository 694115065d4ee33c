package org.clearline.admin.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.time.Duration;
import org.clearline.admin.config.HttpConfig;
import org.clearline.admin.diagnose.Diagnoser;
import org.clearline.admin.diagnose.DiagnosisSources;
import org.clearline.admin.diagnose.LiveServer;
import org.clearline.admin.http.AdminHttpServer;
import org.clearline.admin.http.AdminToken;
import org.clearline.admin.http.Sessions;
import org.clearline.core.location.LocationService;
import org.clearline.features.ActiveCalls;
import org.clearline.store.JdbcStore;
import org.clearline.time.Clock;

/**
 * The administration listener in-process on a free loopback port with the
 * dashboard over a real store, a location table and active calls the test fills,
 * a clock fixed at {@link CallFixtures#NOW}, and a logged-in session.
 */
final class DashboardHarness implements AutoCloseable {
    final JdbcStore store;
    final LocationService location = new LocationService();
    final ActiveCalls activeCalls = new ActiveCalls();
    private final AdminHttpServer server;
    private final String base;
    private final String session;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    DashboardHarness(Path dir) throws Exception {
        this(dir, null);
    }

    /** @param prober when not null, account pages show the {@link Diagnoser}'s diagnosis, probing with this */
    DashboardHarness(Path dir, LiveServer.Prober prober) throws Exception {
        store = JdbcStore.open(Files.createDirectories(dir.resolve("data")));
        Clock fixed = new Clock() {
            @Override public long nanoTime() { return System.nanoTime(); }
            @Override public long epochMillis() { return CallFixtures.NOW; }
        };
        DashboardSources src = new DashboardSources(store.accounts(), store.numbers(), store.lines(), store.callLog(),
                location, activeCalls, fixed, () -> 3);
        AdminToken token = AdminToken.loadOrCreate(store.dataDir());
        server = AdminHttpServer.start(new HttpConfig(true, "127.0.0.1", 0, Optional.empty()), token,
                new Sessions(Clock.SYSTEM), () -> "", List.of(prober == null ? new DashboardModule(src)
                        : DashboardModule.withDiagnoser(src, new Diagnoser(DiagnosisSources.of(store), fixed,
                                new LiveServer(location, activeCalls, prober, Duration.ofSeconds(2))))));
        base = "http://127.0.0.1:" + server.port();
        String form = "user=admin&password=" + URLEncoder.encode(token.value(), StandardCharsets.UTF_8) + "&next=%2F";
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        session = cookie.substring(0, cookie.indexOf(';'));
    }

    /** GET with the session. */
    HttpResponse<String> get(String path) throws Exception {
        return get(path, null);
    }

    HttpResponse<String> get(String path, String acceptLanguage) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", session);
        if (acceptLanguage != null) b.header("Accept-Language", acceptLanguage);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POST of a multipart form with one file, with the session, as a browser's form sends it. */
    HttpResponse<String> upload(String path, String field, String filename, byte[] content) throws Exception {
        String boundary = "----clearline" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"lang\"\r\n\r\nen\r\n--"
                + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", session)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** GET without any session. */
    HttpResponse<String> anonymous(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The page's body, asserting it was served with {@code status}. */
    String page(String path, int status) throws Exception {
        HttpResponse<String> r = get(path);
        if (r.statusCode() != status) throw new AssertionError(path + ": status " + r.statusCode() + "\n" + r.body());
        return r.body();
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
