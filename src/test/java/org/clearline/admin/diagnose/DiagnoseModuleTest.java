package org.clearline.admin.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.admin.diagnose.DiagnosisFixture.HOUR;
import static org.clearline.admin.diagnose.DiagnosisFixture.binding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.clearline.admin.config.HttpConfig;
import org.clearline.admin.http.AdminHttpServer;
import org.clearline.admin.http.AdminToken;
import org.clearline.admin.http.Sessions;
import org.clearline.core.location.LocationService;
import org.clearline.core.probe.ContactProber.BindingProbe;
import org.clearline.core.probe.Reachability;
import org.clearline.features.ActiveCalls;
import org.clearline.store.Registration;
import org.clearline.time.Clock;
import org.clearline.transport.Peer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The diagnosis endpoint on the real administration listener, on a free loopback port. */
class DiagnoseModuleTest {
    @TempDir Path dir;
    private DiagnosisFixture data;
    private AdminHttpServer server;
    private AdminToken token;
    private String base;
    private final List<Duration> probeWaits = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() throws Exception {
        data = new DiagnosisFixture(Files.createDirectories(dir.resolve("data")));
        Registration phone = binding("sip:alice@192.0.2.10:5062", "udp:192.0.2.10:5062", HOUR);
        LocationService location = new LocationService();
        location.replace("alice", List.of(phone));
        LiveServer.Prober prober = (bindings, wait) -> {
            probeWaits.add(wait);
            return CompletableFuture.completedFuture(List.of(new BindingProbe(phone.contact(),
                    new Reachability.Answered(Peer.udp("192.0.2.10", 5062), 405, "Method Not Allowed", 9, null,
                            "DeskPhone 2.1", null), null)));
        };
        Diagnoser diagnoser = new Diagnoser(DiagnosisSources.of(data.store), DiagnosisFixture.CLOCK,
                new LiveServer(location, new ActiveCalls(), prober, Duration.ofSeconds(4)));
        token = AdminToken.loadOrCreate(dir);
        server = AdminHttpServer.start(new HttpConfig(true, "127.0.0.1", 0, Optional.empty()), token,
                new Sessions(Clock.SYSTEM), () -> "", List.of(new DiagnoseModule(diagnoser, Duration.ofSeconds(4))));
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
        data.close();
    }

    @Test
    void answersTheDiagnosisAsJson() throws Exception {
        HttpResponse<String> r = get("/api/v1/accounts/alice/diagnosis", true);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode d = json.readTree(r.body());
        assertThat(fieldNames(d)).containsExactly("account", "displayName", "enabled", "numbers", "checkedAt",
                "serverRunning", "probed", "findings", "registered", "bindings", "line", "recentFailedCalls",
                "recentFailedRegistrations", "failedAuthSources");
        assertThat(d.path("account").asText()).isEqualTo("alice");
        assertThat(d.path("probed").asBoolean()).isTrue();
        assertThat(d.path("numbers").get(0).asText()).isEqualTo("+493012345001");
        assertThat(fieldNames(d.path("findings").get(0))).containsExactly("severity", "id", "text");

        JsonNode binding = d.path("bindings").get(0);
        assertThat(fieldNames(binding)).containsExactly("contact", "source", "transport", "userAgent",
                "registeredSince", "expiresAt", "expiresInSeconds", "q", "path", "reachability", "flowReachability");
        assertThat(binding.path("flowReachability").isNull()).isTrue();
        // a probe leaves out what does not apply; a 405 is still an answer
        JsonNode reach = binding.path("reachability");
        assertThat(fieldNames(reach)).containsExactly("result", "reachable", "destination", "status", "reason",
                "roundTripMs", "userAgent");
        assertThat(reach.path("result").asText()).isEqualTo("answered");
        assertThat(reach.path("reachable").asBoolean()).isTrue();
        assertThat(reach.path("status").asInt()).isEqualTo(405);

        JsonNode line = d.path("line");
        assertThat(fieldNames(line)).containsExactly("dnd", "maxCalls", "activeCalls", "forwards", "rejectRules",
                "codecs", "srtp", "permissions");
        assertThat(line.path("activeCalls").asInt()).isZero();
        assertThat(fieldNames(line.path("forwards"))).containsExactly("unconditional", "busy", "noAnswer",
                "noAnswerSeconds", "offline");
        assertThat(line.path("permissions").toString()).isEqualTo("[\"local\",\"national\",\"international\"]");
        assertThat(probeWaits).containsExactly(Duration.ofSeconds(4));
    }

    @Test
    void probingCanBeTurnedOffAndTheWaitShortened() throws Exception {
        JsonNode quiet = json.readTree(get("/api/v1/accounts/alice/diagnosis?probe=false", true).body());
        assertThat(quiet.path("probed").asBoolean()).isFalse();
        assertThat(quiet.path("bindings").get(0).path("reachability").isNull()).isTrue();
        assertThat(probeWaits).isEmpty();

        assertThat(get("/api/v1/accounts/alice/diagnosis?timeoutMs=1500", true).statusCode()).isEqualTo(200);
        assertThat(probeWaits).containsExactly(Duration.ofMillis(1500));
    }

    @Test
    void anUnknownAccountIs404Json() throws Exception {
        HttpResponse<String> r = get("/api/v1/accounts/mallory/diagnosis", true);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json.readTree(r.body()).path("error").asText()).isEqualTo("not-found");
        assertThat(json.readTree(r.body()).path("message").asText()).isEqualTo("account 'mallory' does not exist");
    }

    @Test
    void badParametersAre400NamingTheField() throws Exception {
        HttpResponse<String> probe = get("/api/v1/accounts/alice/diagnosis?probe=maybe", true);
        assertThat(probe.statusCode()).isEqualTo(400);
        assertThat(json.readTree(probe.body()).path("field").asText()).isEqualTo("probe");
        for (String bad : List.of("50", "4001", "soon")) {
            HttpResponse<String> timeout = get("/api/v1/accounts/alice/diagnosis?timeoutMs=" + bad, true);
            assertThat(timeout.statusCode()).as("timeoutMs=%s", bad).isEqualTo(400);
            assertThat(json.readTree(timeout.body()).path("field").asText()).isEqualTo("timeoutMs");
        }
        assertThat(probeWaits).isEmpty();
    }

    @Test
    void withoutTheTokenNothingIsDiagnosed() throws Exception {
        assertThat(get("/api/v1/accounts/alice/diagnosis", false).statusCode()).isEqualTo(401);
        assertThat(probeWaits).isEmpty();
    }

    private HttpResponse<String> get(String path, boolean authorised) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        if (authorised) b.header("Authorization", "Bearer " + token.value());
        return client.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
