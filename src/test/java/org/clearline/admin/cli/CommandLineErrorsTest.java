package org.clearline.admin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.admin.cli.AccountCommandsTest.assertError;

import java.nio.file.Files;
import java.nio.file.Path;
import org.clearline.admin.cli.CliHarness.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the command line itself refuses: one line on stderr, exit code 2, never a stack trace. */
class CommandLineErrorsTest {
    @TempDir Path dir;

    @Test
    void unknownCommandsAreNamedWithTheAlternatives() {
        CliHarness cli = new CliHarness(dir);
        assertError(cli.run("frob"), "unknown command 'frob' (commands: serve, account, number, line, maintenance, explain, calls, registrations, diagnose, analyze)");
        assertError(cli.run("account", "frob"), "unknown command 'account frob' (commands: add, list, show, passwd, remove)");
        assertError(cli.run(), "missing command (serve, account, number, line, maintenance, explain, calls, registrations, diagnose, analyze); see 'clearline --help'");
        assertError(cli.run("number"), "number: missing command (assign, unassign, list); see 'clearline number --help'");
    }

    @Test
    void unknownOptionsAndMissingArgumentsNameTheCommand() {
        CliHarness cli = new CliHarness(dir);
        assertError(cli.run("account", "add", "bob", "--pasword", "x"),
                "unknown option '--pasword' for account add; did you mean --password or --password-stdin?");
        assertError(cli.run("account", "show"),
                "account show: missing required parameter: 'ID'; see 'clearline account show --help'");
        assertError(cli.run("serve"), "serve: missing required option: '--config=FILE'; see 'clearline serve --help'");
        assertError(cli.run("serve", "--config", "x.yaml", "--sip-port", "many"),
                "serve: invalid value for option '--sip-port': 'many' is not an int; see 'clearline serve --help'");
    }

    @Test
    void theDataOptionWorksBeforeAndAfterTheCommand() {
        CliHarness cli = new CliHarness(dir);
        cli.run("account", "add", "alice", "--password", "a", "--realm", "r.test");
        String listing = "ACCOUNT  DISPLAY NAME  ENABLED  REGISTERED  NUMBERS\nalice                  yes      0\n";
        assertThat(cli.runRaw("", "--data", dir.toString(), "account", "list")).isEqualTo(new Result(0, listing, ""));
        assertThat(cli.runRaw("", "account", "list", "--data", dir.toString())).isEqualTo(new Result(0, listing, ""));
    }

    @Test
    void anUnusableDataDirectoryIsOneLine() throws Exception {
        Path file = Files.createFile(dir.resolve("not-a-dir"));
        CliHarness cli = new CliHarness(file.resolve("data"));
        Result r = cli.run("account", "list");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("clearline: cannot create data directory " + file.resolve("data") + ": ")
                .endsWith("\n").hasLineCount(1);
    }

    @Test
    void aDatabaseFileThatIsNoDatabaseIsOneLine() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("clearline.mv.db"), "this is not an H2 database\n".repeat(1_000));
        assertError(new CliHarness(data).run("account", "list"),
                "cannot open store in " + data + ": Store header is corrupt: " + data.resolve("clearline.mv.db"));
    }

    @Test
    void helpGoesToStdoutWithExitZero() {
        Result r = new CliHarness(dir).runRaw("", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Usage: clearline").contains("serve").contains("registrations").contains("--data");
        Result sub = new CliHarness(dir).runRaw("", "account", "add", "--help");
        assertThat(sub.out()).contains("Usage: clearline account add").contains("--password-stdin");
    }
}
