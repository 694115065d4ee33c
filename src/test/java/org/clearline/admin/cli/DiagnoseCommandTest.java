package org.clearline.admin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.admin.cli.AccountCommandsTest.assertError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.clearline.admin.cli.CliHarness.Result;
import org.clearline.admin.http.AdminToken;
import org.clearline.admin.http.RuntimeFile;
import org.clearline.store.Account;
import org.clearline.store.CallRecord;
import org.clearline.store.Ha1;
import org.clearline.store.JdbcStore;
import org.clearline.store.Registration;
import org.clearline.store.RegistrationRecord;
import org.clearline.store.RegistrationStore.RegistrationChange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code diagnose} without a running server: from the store alone, saying that reachability was not checked. */
class DiagnoseCommandTest {
    private static final long NOW = CliHarness.NOW;


    @TempDir Path dir;
    Path data;
    CliHarness cli;

    @BeforeEach
    void seed() {
        data = dir.resolve("data");
        cli = new CliHarness(data);
        try (JdbcStore store = cli.store()) {
            Ha1 ha1 = Ha1.of("alice", "example.com", "secret");
            store.accounts().put(new Account("alice", "Alice", ha1.md5(), ha1.sha256(), true));
            store.numbers().assign("+493012345001", "alice");
            store.registrations().apply(List.of(new RegistrationChange.Upsert(new Registration("alice",
                    "sip:alice@10.0.0.5:5060", "r1@x", 1, NOW + 3_600_000, NOW - 600_000, 1.0, "",
                    "udp:203.0.113.9:40312", "DeskPhone 2.1")))).join();
            store.callLog().append(List.of(new CallRecord("c1@x", NOW - 60_000, "udp:192.0.2.30:5060",
                    "sip:bob@example.com", "bob", "alice", null, 486, "callee.call-limit", -1, -1, -1, 0, List.of())),
                    List.of(new RegistrationRecord("r9@x", NOW - 120_000, "udp:198.51.100.7:5060", "alice", 401,
                            "auth.wrong-credentials")));
        }
    }

    @Test
    void withoutAServerTheStoreIsReadAndReachabilityIsNotChecked() {
        Result r = cli.run("diagnose", "alice");
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("Diagnosis of alice (Alice) at 2026-01-01 00:00:00 UTC");
        assertThat(lines.get(1)).isEqualTo("server not running: read from the store alone, reachability not checked");
        assertThat(lines.get(3)).isEqualTo("FINDINGS");
        // findings first, problems before warnings before information
        assertThat(lines.subList(4, 9)).containsExactly(
                "  WARNING  server not running: reachability not checked",
                "  WARNING  contact 10.0.0.5 is a private address but the REGISTER came from 203.0.113.9: NAT;"
                        + " calls go to the private contact and may never arrive",
                "  WARNING  1 wrong-password attempt from 198.51.100.7 in the last hour",
                "  info     1 recent failed call; the latest (in, 2025-12-31T23:59:00Z): 486 callee.call-limit — The"
                        + " line's call limit is reached",
                "");
        assertThat(r.out()).containsSubsequence("FINDINGS", "ACCOUNT", "REGISTRATION", "LINE", "RECENT FAILED CALLS",
                "RECENT FAILED REGISTRATIONS", "FAILED LOG-INS BY SOURCE (24 h)");
        assertThat(r.out()).contains("  registered:      yes, 1 phone")
                .containsPattern("  sip:alice@10\\.0\\.0\\.5:5060 +udp:203\\.0\\.113\\.9:40312 +DeskPhone 2\\.1 +"
                        + "2025-12-31 23:50:00 +in 1h00m +not checked")
                .containsPattern("  2025-12-31 23:59:00 +c1@x +in +bob +alice +486 +callee\\.call-limit")
                .containsPattern("  198\\.51\\.100\\.7 +1 +1 +2025-12-31 23:58:00 +auth\\.wrong-credentials")
                .contains("  call limit:      none\n");
    }

    @Test
    void jsonIsTheApiShape() throws Exception {
        Result r = cli.run("diagnose", "alice", "--json");
        assertThat(r.exit()).isZero();
        JsonNode d = new ObjectMapper().readTree(r.out());
        assertThat(d.path("account").asText()).isEqualTo("alice");
        assertThat(d.path("serverRunning").asBoolean()).isFalse();
        assertThat(d.path("probed").asBoolean()).isFalse();
        assertThat(d.path("bindings").get(0).path("source").asText()).isEqualTo("udp:203.0.113.9:40312");
        assertThat(d.path("line").path("activeCalls").isNull()).isTrue();
        assertThat(d.path("failedAuthSources").get(0).path("address").asText()).isEqualTo("198.51.100.7");
    }

    @Test
    void oneLineErrors() {
        assertError(cli.run("diagnose", "mallory"), "account 'mallory' does not exist");
        assertError(cli.run("diagnose", "alice", "--timeout", "10s"),
                "diagnose: --timeout must be from 100ms to 4s, such as 1500ms or 2s, got '10s'");
        assertError(cli.run("diagnose", "alice", "--timeout", "soon"),
                "diagnose: --timeout must be from 100ms to 4s, such as 1500ms or 2s, got 'soon'");
    }

    @Test
    void aServerFileOfAProcessThatIsGoneIsIgnored() throws Exception {
        new RuntimeFile(Long.MAX_VALUE, "http://127.0.0.1:9").write(data);
        Result r = cli.run("diagnose", "alice");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("server not running: read from the store alone");
    }

    @Test
    void aRunningServerWhoseListenerIsGoneIsAnError() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        AdminToken.loadOrCreate(data);
        String url = "http://127.0.0.1:" + closed;
        new RuntimeFile(ProcessHandle.current().pid(), url).write(data);
        Result r = cli.run("diagnose", "alice");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("clearline: a server is running (pid " + ProcessHandle.current().pid()
                + ") but its administration listener " + url + " does not answer: ").endsWith("\n");
        assertThat(r.err().lines()).hasSize(1);
    }
}
