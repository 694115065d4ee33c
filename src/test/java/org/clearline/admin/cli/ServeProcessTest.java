package org.clearline.admin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.clearline.admin.http.AdminToken;
import org.clearline.admin.http.RuntimeFile;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.clearline.admin.cli.CliHarness.Result;
import org.clearline.store.Account;
import org.clearline.store.JdbcStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code clearline serve} in its own JVM: the CLI changes its store
 * while it runs, and SIGTERM stops it cleanly.
 */
class ServeProcessTest {
    @TempDir Path dir;

    @Test
    void theCliChangesTheStoreOfARunningServerAndSigtermStopsIt() throws Exception {
        Path data = dir.resolve("data");
        Process server = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--config", "examples/demo.yaml", "--data", data.toString(), "--sip-port", "0", "--http-port", "0")
                .redirectError(dir.resolve("server.err").toFile())
                .start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = Thread.ofPlatform().daemon(true).start(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) lines.add(line);
            } catch (java.io.IOException e) {
                lines.add("read failed: " + e);
            }
        });
        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> lines.stream().anyMatch(l -> l.contains("clearline ready")) || !server.isAlive());
            assertThat(server.isAlive()).as("server died: %s", Files.readString(dir.resolve("server.err"))).isTrue();

            CliHarness cli = new CliHarness(data);
            assertThat(cli.run("account", "add", "zed", "--password", "z", "--number", "+493012345099"))
                    .isEqualTo(new Result(0, "added account zed with +493012345099\n", ""));
            String listing = cli.run("account", "list").out();
            assertThat(listing).contains("alice").contains("peggy").contains("zed");

            // the administration listener announced itself and serves metrics to the token holder only
            RuntimeFile running = RuntimeFile.ofRunningServer(data).orElseThrow();
            assertThat(running.pid()).isEqualTo(server.pid());
            String token = AdminToken.read(data.resolve(AdminToken.FILE_NAME)).value();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(running.httpUrl() + "/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(401);
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(running.httpUrl() + "/metrics"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("clearline_registrations_active").contains("clearline_transactions_active")
                    .containsPattern("(?m)^clearline_call_log_compacted 0(\\.0)?$")
                    // an idle server's SIP port has dropped nothing (Linux counts it; -1 elsewhere)
                    .containsPattern("(?m)^clearline_udp_receive_drops (0|-1)(\\.0)?$");

            server.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of stdout
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
            assertThat(server.exitValue()).isEqualTo(143); // 128 + SIGTERM: stopped by the signal
            assertThat(lines).anyMatch(l -> l.contains("clearline stopping"));
            assertThat(data.resolve(RuntimeFile.FILE_NAME)).doesNotExist();
        } finally {
            server.destroyForcibly();
        }
        try (JdbcStore store = JdbcStore.open(data)) {
            assertThat(store.accounts().list()).extracting(Account::sipId).hasSize(13).contains("zed");
            assertThat(store.numbers().owner("+493012345099")).contains("zed");
        }
    }
}
