package org.clearline.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.clearline.admin.Release;
import org.clearline.admin.server.Maintenance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /status} and {@code /maintenance} of a running stack. */
class StatusApiTest {
    @TempDir Path dir;
    ApiHarness api;

    @BeforeEach
    void start() throws Exception {
        api = new ApiHarness(dir);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void theStatusNamesTheServerItsSocketsAndItsCounts() {
        JsonNode s = api.get("/status").json();
        assertThat(s.path("version").asText()).isEqualTo(Release.VERSION);
        assertThat(s.path("domain").asText()).isEqualTo(ApiHarness.DOMAIN);
        assertThat(Instant.parse(s.path("startedAt").asText())).isEqualTo(Instant.ofEpochMilli(api.stack.startedAt()));
        assertThat(s.path("uptimeSeconds").asLong()).isBetween(0L, 60L);
        assertThat(s.path("listeningPoints").toString()).isEqualTo("[{\"transport\":\"udp\",\"host\":\"127.0.0.1\",\"port\":"
                + api.sipPort() + "},{\"transport\":\"tcp\",\"host\":\"127.0.0.1\",\"port\":" + api.sipPort() + "}]");
        assertThat(s.path("counts").toString()).isEqualTo("{\"accounts\":0,\"bindings\":0,\"registeredAccounts\":0,"
                + "\"activeCalls\":0,\"transactions\":0}");
        assertThat(s.path("maintenance").asBoolean()).isFalse();
        assertThat(s.path("draining").asBoolean()).isFalse();
        assertThat(s.path("callLogDropped").asLong()).isZero();
        assertThat(s.path("callLogLean").isBoolean()).isTrue();
        assertThat(s.path("callLogLean").asBoolean()).isFalse();
        assertThat(s.path("callLogMessagesNotKept").isNumber()).isTrue();
    }

    @Test
    void maintenanceIsSwitchedThroughTheStoreAndTheStackFollows() {
        assertThat(api.get("/maintenance").body()).isEqualTo("{\"on\":false,\"inForce\":false}");
        JsonNode on = api.put("/maintenance", "{\"on\": true}").json();
        assertThat(on.path("on").asBoolean()).isTrue();
        assertThat(Maintenance.on(api.store)).isTrue();
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/status").json().path("maintenance").asBoolean());
        assertThat(api.get("/maintenance").body()).isEqualTo("{\"on\":true,\"inForce\":true}");

        api.put("/maintenance", "{\"on\": false}");
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> !api.stack.dispatcher().maintenance());
    }

    @Test
    void aMaintenanceSwitchNeedsABoolean() {
        assertThat(api.put("/maintenance", "{}").error(400, "on")).isEqualTo("on is required: true or false");
        assertThat(api.put("/maintenance", "{\"on\": \"yes\"}").error(400, "on")).isEqualTo("on must be true or false");
        assertThat(api.put("/maintenance", "{\"on\": true, \"until\": \"noon\"}").error(400, "until"))
                .isEqualTo("unknown field \"until\"");
        assertThat(Maintenance.on(api.store)).isFalse();
    }

    @Test
    void unknownPathsUnderTheApiAreJson404s() {
        assertThat(api.get("/nothing-here").error(404, null)).contains("/api/v1/nothing-here");
    }
}
