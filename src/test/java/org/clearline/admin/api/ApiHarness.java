package org.clearline.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.clearline.admin.config.HttpConfig;
import org.clearline.admin.http.AdminHttpServer;
import org.clearline.admin.http.AdminToken;
import org.clearline.admin.http.Sessions;
import org.clearline.admin.server.SipStack;
import org.clearline.admin.server.StackSettings;
import org.clearline.core.auth.DigestAlgorithm;
import org.clearline.core.proxy.ProxyConfig;
import org.clearline.core.registrar.RegistrarConfig;
import org.clearline.store.JdbcStore;
import org.clearline.time.Clock;
import org.clearline.transaction.TimerConfig;
import org.clearline.transport.TransportConfig;

/**
 * A real server in-process for API tests: a store in a temporary directory, the
 * SIP stack on a free UDP/TCP port of 127.0.0.1 and the administration listener
 * with the API module on another, plus an HTTP client that sends the admin token.
 */
final class ApiHarness implements AutoCloseable {
    /** The domain, and so the digest realm; an address, so test phones need no DNS. */
    static final String DOMAIN = "127.0.0.1";

    /** A response: status, headers and the body (as JSON when it is JSON, else null; the raw text beside it). */
    record Response(int status, HttpResponse<String> raw, JsonNode json) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String body() {
            return raw.body();
        }

        /** Asserts a JSON error of {@code status} naming {@code field} (null: none); returns its message. */
        String error(int status, String field) {
            assertThat(status()).as("status of %s", body()).isEqualTo(status);
            assertThat(json()).as("JSON error body").isNotNull();
            assertThat(json().path("status").asInt()).isEqualTo(status);
            if (field == null) assertThat(json().has("field")).as("no field in %s", body()).isFalse();
            else assertThat(json().path("field").asText()).as("field of %s", body()).isEqualTo(field);
            String message = json().path("message").asText();
            assertThat(message).isNotBlank().doesNotContain("\n");
            return message;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    final JdbcStore store;
    final SipStack stack;
    final ApiModule module;
    private final AdminHttpServer http;
    private final AdminToken token;
    private final String base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ApiHarness(Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        store = JdbcStore.open(data);
        store.putMeta(JdbcStore.META_REALM, DOMAIN);
        StackSettings s = new StackSettings(DOMAIN, List.of(), TransportConfig.of("127.0.0.1", 0), TimerConfig.DEFAULT,
                RegistrarConfig.DEFAULT, ProxyConfig.DEFAULT, Duration.ofMinutes(5), List.of(DigestAlgorithm.MD5),
                "49", "30", Duration.ofSeconds(1), StackSettings.GERMAN_PREMIUM, List.of(),
                StackSettings.DEFAULT_FORWARD_DEPTH);
        stack = SipStack.start(s, store, Clock.SYSTEM);
        token = AdminToken.loadOrCreate(data);
        module = new ApiModule(stack);
        http = AdminHttpServer.start(new HttpConfig(true, "127.0.0.1", 0, Optional.empty()), token,
                new Sessions(Clock.SYSTEM), () -> "", List.of(module));
        base = "http://127.0.0.1:" + http.port();
    }

    int sipPort() {
        return stack.listeningPoints().get(0).port();
    }

    Response get(String path) {
        return send("GET", path, null, true);
    }

    /** GET with an Accept-Language header. */
    Response getInLanguage(String path, String acceptLanguage) {
        return send("GET", path, null, "Bearer " + token.value(), acceptLanguage);
    }

    Response delete(String path) {
        return send("DELETE", path, null, true);
    }

    Response post(String path, String json) {
        return send("POST", path, json, true);
    }

    Response put(String path, String json) {
        return send("PUT", path, json, true);
    }

    Response patch(String path, String json) {
        return send("PATCH", path, json, true);
    }

    /** {@code path} is below /api/v1 and sent as written (the test encodes what needs encoding). */
    Response send(String method, String path, String json, boolean withToken) {
        return send(method, path, json, withToken ? "Bearer " + token.value() : null, null);
    }

    Response send(String method, String path, String json, String authorization, String acceptLanguage) {
        return send(method, path, json, json == null ? null : "application/json", authorization, acceptLanguage);
    }

    /** With the token and a body of the given type (curl's -d sends application/x-www-form-urlencoded). */
    Response sendTyped(String method, String path, String body, String contentType) {
        return send(method, path, body, contentType, "Bearer " + token.value(), null);
    }

    private Response send(String method, String path, String json, String contentType, String authorization,
                          String acceptLanguage) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + ApiRoutes.BASE + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (contentType != null) b.header("Content-Type", contentType);
        if (authorization != null) b.header("Authorization", authorization);
        if (acceptLanguage != null) b.header("Accept-Language", acceptLanguage);
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            String type = r.headers().firstValue("Content-Type").orElse("");
            JsonNode node = type.startsWith("application/json") && !r.body().isEmpty() ? JSON.readTree(r.body()) : null;
            return new Response(r.statusCode(), r, node);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        http.close();
        stack.close();
        store.close();
    }
}
