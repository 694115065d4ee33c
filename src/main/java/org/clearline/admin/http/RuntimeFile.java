package org.clearline.admin.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * {@code server.json} in the data directory: where a running server's
 * administration listener is, so the CLI can ask it (diagnose needs the
 * server's own sockets to reach phones). Written when the listener is up,
 * removed at a clean stop; a stale file (crash) names a process that is gone.
 *
 * @param pid     the server's process id
 * @param httpUrl base URL of the administration listener, e.g. {@code http://127.0.0.1:8080}
 */
public record RuntimeFile(long pid, String httpUrl) {
    public static final String FILE_NAME = "server.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    public void write(Path dataDir) throws IOException {
        Path tmp = dataDir.resolve(FILE_NAME + ".tmp");
        Files.writeString(tmp, JSON.writeValueAsString(JSON.createObjectNode().put("pid", pid).put("http", httpUrl)));
        Files.move(tmp, dataDir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static void remove(Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.resolve(FILE_NAME));
        } catch (IOException ignored) {
            // a stale file only makes the CLI try a listener that is gone, which it reports
        }
    }

    /** The running server of {@code dataDir}: empty when there is no file or its process is gone. */
    public static Optional<RuntimeFile> ofRunningServer(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            JsonNode n = JSON.readTree(file.toFile());
            RuntimeFile f = new RuntimeFile(n.path("pid").asLong(-1), n.path("http").asText(""));
            boolean alive = ProcessHandle.of(f.pid()).map(ProcessHandle::isAlive).orElse(false);
            return alive && !f.httpUrl().isEmpty() ? Optional.of(f) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
