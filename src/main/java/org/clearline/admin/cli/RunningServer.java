package org.clearline.admin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.clearline.admin.http.AdminToken;
import org.clearline.admin.http.RuntimeFile;

/**
 * The administration listener of the server running on the CLI's data
 * directory, asked over HTTP with the admin token: for what only the running
 * server can do, such as sending OPTIONS from its own sockets.
 */
final class RunningServer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RuntimeFile server;
    private final Path tokenFile;

    RunningServer(RuntimeFile server, Path dataDir) {
        this.server = server;
        this.tokenFile = dataDir.resolve(AdminToken.FILE_NAME);
    }

    long pid() {
        return server.pid();
    }

    /**
     * The body of a successful GET of {@code pathAndQuery}; every failure is a
     * one-line {@link CliException}: the API's own message for a refused request
     * (an unknown account), or what went wrong on the way.
     */
    String get(String pathAndQuery, Duration timeout) {
        String token;
        try {
            token = AdminToken.read(tokenFile).value();
        } catch (IOException e) {
            throw new CliException("a server is running (pid " + server.pid() + ") but its admin token " + tokenFile
                    + " cannot be read: " + e.getMessage());
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.httpUrl() + pathAndQuery))
                .timeout(timeout).header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<String> response;
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CliException("a server is running (pid " + server.pid() + ") but its administration listener "
                    + server.httpUrl() + " does not answer: " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted while waiting for the server at " + server.httpUrl());
        }
        int status = response.statusCode();
        if (status == 200) return response.body();
        if (status == 401) {
            throw new CliException("the server at " + server.httpUrl() + " refused the admin token in " + tokenFile);
        }
        String message = message(response.body());
        if (status == 404 || status == 400) throw new CliException(message);
        throw new CliException("the server at " + server.httpUrl() + " answered HTTP " + status + ": " + message);
    }

    /** The "message" of an API error body, else the body's first line. */
    private static String message(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            if (n != null && n.hasNonNull("message")) return n.get("message").asText();
        } catch (IOException | RuntimeException notJson) {
            // fall through to the raw text
        }
        return body == null || body.isBlank() ? "(no details)" : body.strip().lines().findFirst().orElse(body);
    }

    private static String describe(IOException e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
