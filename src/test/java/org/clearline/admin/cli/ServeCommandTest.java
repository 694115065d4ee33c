package org.clearline.admin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.admin.cli.AccountCommandsTest.assertError;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.clearline.admin.config.ClearlineConfig;
import org.clearline.store.JdbcStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
    @TempDir Path dir;

    record Started(ClearlineConfig config, List<String> accounts, String realm, OptionalInt sipPort) {}

    final List<Started> started = new ArrayList<>();
    final ServerRunner recorder = (config, store, port) -> {
        started.add(new Started(config, store.accounts().list().stream().map(a -> a.sipId()).toList(),
                store.meta(JdbcStore.META_REALM).orElse(null), port));
        store.close();
    };

    @Test
    void loadsTheConfigProvisionsTheStoreThenRunsTheServer() {
        CliHarness cli = new CliHarness(dir.resolve("data"), recorder);
        assertThat(cli.run("serve", "--config", "examples/demo.yaml", "--sip-port", "5099").exit()).isZero();

        assertThat(started).hasSize(1);
        Started s = started.getFirst();
        assertThat(s.config().server().domain()).isEqualTo("demo.clearline.test");
        assertThat(s.accounts()).hasSize(12).contains("alice", "peggy");
        assertThat(s.realm()).isEqualTo("demo.clearline.test");
        assertThat(s.sipPort()).isEqualTo(OptionalInt.of(5099));
    }

    @Test
    void withoutSipPortTheConfigDecides() {
        CliHarness cli = new CliHarness(dir.resolve("data"), recorder);
        cli.run("serve", "--config", "examples/demo.yaml");
        assertThat(started.getFirst().sipPort()).isEmpty();
    }

    @Test
    void httpPortChangesTheListenerAndKeepsEveryOtherSection() throws Exception {
        // the demo with its call log turned off and a retention of its own
        String demo = Files.readString(Path.of("examples/demo.yaml"));
        String noLog = demo.replace("  enabled: true ", "  enabled: false ").replace("{ days: 30,", "{ days: 3,");
        assertThat(noLog).contains("enabled: false", "days: 3,");
        Path config = Files.writeString(dir.resolve("demo-no-log.yaml"), noLog);
        CliHarness cli = new CliHarness(dir.resolve("data"), recorder);
        assertThat(cli.run("serve", "--config", config.toString(), "--http-port", "0").exit()).isZero();

        ClearlineConfig c = started.getFirst().config();
        assertThat(c.server().http().port()).isZero();
        assertThat(c.callLog().enabled()).isFalse();
        assertThat(c.callLog().retentionDays()).isEqualTo(3);
        assertThat(c.accounts()).hasSize(12);
        assertThat(c.trunks()).isNotEmpty();
    }

    @Test
    void aBadConfigStopsBeforeTheStoreIsTouched() throws Exception {
        Path config = Files.writeString(dir.resolve("bad.yaml"), "server:\n  domain: d.test\n  sip: { port: 70000 }\n");
        CliHarness cli = new CliHarness(dir.resolve("data"), recorder);
        assertError(cli.run("serve", "--config", config.toString()),
                "config error: server.sip.port: must be 1..65535, got 70000");
        assertError(cli.run("serve", "--config", dir.resolve("missing.yaml").toString()),
                "config error: " + dir.resolve("missing.yaml") + ": no such file");
        assertError(cli.run("serve", "--config", "examples/demo.yaml", "--sip-port", "70000"),
                "--sip-port must be 0..65535, got 70000");
        assertThat(started).isEmpty();
        assertThat(dir.resolve("data")).doesNotExist();
    }
}
