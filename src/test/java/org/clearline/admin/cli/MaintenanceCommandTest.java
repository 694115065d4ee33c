package org.clearline.admin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.admin.cli.AccountCommandsTest.assertError;

import java.nio.file.Path;
import java.util.Optional;
import org.clearline.admin.cli.CliHarness.Result;
import org.clearline.store.JdbcStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code maintenance on|off|status}: a switch in the store that the running server polls. */
class MaintenanceCommandTest {
    private static final String ON = "maintenance on: new calls and registrations get 503 "
            + "(a running server notices within a second)\n";

    @TempDir Path dir;

    private Optional<String> stored(CliHarness cli) {
        try (JdbcStore store = cli.store()) {
            return store.meta(MaintenanceCommand.META_KEY);
        }
    }

    @Test
    void aFreshStoreIsNotInMaintenance() {
        CliHarness cli = new CliHarness(dir);
        assertThat(cli.run("maintenance", "status")).isEqualTo(new Result(0, "maintenance off\n", ""));
    }

    @Test
    void onAndOffSwitchTheStoredStateAndStatusReportsIt() {
        CliHarness cli = new CliHarness(dir);
        assertThat(cli.run("maintenance", "on")).isEqualTo(new Result(0, ON, ""));
        assertThat(stored(cli)).contains("on");
        assertThat(cli.run("maintenance", "status")).isEqualTo(new Result(0, "maintenance on\n", ""));
        assertThat(cli.run("maintenance", "on")).as("switching on twice is fine").isEqualTo(new Result(0, ON, ""));

        assertThat(cli.run("maintenance", "off")).isEqualTo(new Result(0, "maintenance off\n", ""));
        assertThat(stored(cli)).contains("off");
        assertThat(cli.run("maintenance", "status")).isEqualTo(new Result(0, "maintenance off\n", ""));
    }

    @Test
    void theWordIsReadWithoutCase() {
        CliHarness cli = new CliHarness(dir);
        assertThat(cli.run("maintenance", "ON")).isEqualTo(new Result(0, ON, ""));
        assertThat(stored(cli)).contains("on");
        assertThat(cli.run("maintenance", "Status")).isEqualTo(new Result(0, "maintenance on\n", ""));
    }

    @Test
    void anythingElseIsAOneLineErrorAndChangesNothing() {
        CliHarness cli = new CliHarness(dir);
        cli.run("maintenance", "on");
        assertError(cli.run("maintenance", "maybe"), "maintenance: expected on, off or status, got 'maybe'");
        assertError(cli.run("maintenance"),
                "maintenance: missing required parameter: 'on|off|status'; see 'clearline maintenance --help'");
        assertThat(stored(cli)).contains("on");
    }
}
