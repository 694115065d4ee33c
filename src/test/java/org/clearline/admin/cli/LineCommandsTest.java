package org.clearline.admin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.admin.cli.AccountCommandsTest.assertError;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.clearline.admin.cli.CliHarness.Result;
import org.clearline.store.JdbcStore;
import org.clearline.store.LineSettings;
import org.clearline.store.LineSettings.Destination;
import org.clearline.store.LineSettings.Forward;
import org.clearline.store.LineSettings.ForwardMode;
import org.clearline.store.LineSettings.Srtp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code line show|set}: a line's features in the store, each option, and one-line errors. */
class LineCommandsTest {
    @TempDir Path dir;
    CliHarness cli;

    @BeforeEach
    void anAccount() {
        cli = new CliHarness(dir);
        assertThat(cli.run("account", "add", "alice", "--password", "a", "--realm", "demo.clearline.test").exit())
                .isZero();
    }

    private LineSettings stored() {
        try (JdbcStore store = cli.store()) {
            return store.lines().get("alice");
        }
    }

    private static LineSettings with(LineSettings s, Forward always, Forward busy, Forward noAnswer, int seconds,
                                     Forward offline) {
        return new LineSettings(s.dnd(), s.maxCalls(), always, busy, noAnswer, seconds, offline, s.rejectCallers(),
                s.codecs(), s.srtp(), s.permissions());
    }

    @Test
    void showPrintsAPlainLine() {
        assertThat(cli.run("line", "show", "alice")).isEqualTo(new Result(0, """
                line alice
                  do-not-disturb     off
                  max calls          no limit
                  forward always     off
                  forward busy       off
                  forward no answer  off
                  forward offline    off
                  reject callers     none
                  codecs             any
                  srtp               optional
                  may call           local, national, international
                """, ""));
    }

    @Test
    void setChangesEveryFeatureAndShowPrintsThem() {
        assertThat(cli.run("line", "set", "alice", "--dnd", "on", "--max-calls", "2",
                "--forward", "always=+493012345002:redirect-permanent", "--forward", "busy=bob",
                "--forward", "no-answer=030 12345003:follow", "--no-answer-after", "15",
                "--forward", "offline=+4989123456:redirect-temporary", "--reject", "+4930*,anonymous",
                "--reject", "+493012345099", "--codecs", "G722,PCMA", "--srtp", "required",
                "--permissions", "local,premium"))
                .isEqualTo(new Result(0, "updated line alice\n", ""));

        assertThat(stored()).isEqualTo(new LineSettings(true, 2,
                new Forward("+493012345002", ForwardMode.REDIRECT_PERMANENT), new Forward("bob", ForwardMode.FOLLOW),
                new Forward("030 12345003", ForwardMode.FOLLOW), 15,
                new Forward("+4989123456", ForwardMode.REDIRECT_TEMPORARY),
                List.of("+4930*", "anonymous", "+493012345099"), List.of("G722", "PCMA"), Srtp.REQUIRED,
                EnumSet.of(Destination.LOCAL, Destination.PREMIUM)));
        assertThat(cli.run("line", "show", "alice")).isEqualTo(new Result(0, """
                line alice
                  do-not-disturb     on
                  max calls          2
                  forward always     +493012345002 (redirect-permanent)
                  forward busy       bob (follow)
                  forward no answer  030 12345003 (follow) after 15s
                  forward offline    +4989123456 (redirect-temporary)
                  reject callers     +4930*, anonymous, +493012345099
                  codecs             G722, PCMA
                  srtp               required
                  may call           local, premium
                """, ""));
    }

    @Test
    void optionsNotGivenStayAsTheyAre() {
        cli.run("line", "set", "alice", "--dnd", "on", "--codecs", "G722", "--forward", "busy=bob");
        cli.run("line", "set", "alice", "--max-calls", "1");
        LineSettings s = stored();
        assertThat(s.dnd()).isTrue();
        assertThat(s.maxCalls()).isEqualTo(1);
        assertThat(s.codecs()).containsExactly("G722");
        assertThat(s.busy()).isEqualTo(new Forward("bob", ForwardMode.FOLLOW));
        assertThat(cli.run("line", "set", "alice")).isEqualTo(new Result(0, "updated line alice\n", ""));
        assertThat(stored()).isEqualTo(s);
    }

    @ParameterizedTest(name = "--dnd {0}")
    @CsvSource({"on, true", "ON, true", "true, true", "yes, true", "off, false", "false, false", "no, false"})
    void dndTakesOnOrOff(String value, boolean dnd) {
        cli.run("line", "set", "alice", "--dnd", dnd ? "off" : "on");
        assertThat(cli.run("line", "set", "alice", "--dnd", value).exit()).isZero();
        assertThat(stored().dnd()).isEqualTo(dnd);
    }

    @Test
    void forwardsAreSetPerKindAndRemovedWithOff() {
        cli.run("line", "set", "alice", "--forward", "unconditional=bob", "--forward", "busy=+493012345002",
                "--forward", "no-answer=peggy", "--forward", "offline=ken:redirect-temporary");
        LineSettings before = stored();
        assertThat(before.unconditional()).isEqualTo(new Forward("bob", ForwardMode.FOLLOW));
        assertThat(before.noAnswerSeconds()).isEqualTo(LineSettings.DEFAULT_NO_ANSWER_SECONDS);

        cli.run("line", "set", "alice", "--forward", "always=off", "--forward", "offline=OFF");

        assertThat(stored()).isEqualTo(with(before, null, before.busy(), before.noAnswer(),
                before.noAnswerSeconds(), null));
    }

    @Test
    void theClearWordsEmptyTheLists() {
        cli.run("line", "set", "alice", "--reject", "anonymous", "--codecs", "G722", "--permissions", "local");
        cli.run("line", "set", "alice", "--reject", "none", "--codecs", "any", "--permissions", "none");
        LineSettings s = stored();
        assertThat(s.rejectCallers()).isEmpty();
        assertThat(s.codecs()).isEmpty();
        assertThat(s.permissions()).isEqualTo(Set.of());
        assertThat(cli.run("line", "show", "alice").out()).contains("  may call           nothing\n");
    }

    @Test
    void zeroMaxCallsMeansNoLimit() {
        cli.run("line", "set", "alice", "--max-calls", "3");
        cli.run("line", "set", "alice", "--max-calls", "0");
        assertThat(stored().maxCalls()).isZero();
        assertThat(cli.run("line", "show", "alice").out()).contains("  max calls          no limit\n");
    }

    @Test
    void badValuesAreOneLineErrorsAndChangeNothing() {
        cli.run("line", "set", "alice", "--codecs", "G722");
        LineSettings before = stored();
        assertError(cli.run("line", "set", "alice", "--codecs", "PCMA", "--dnd", "maybe"),
                "--dnd must be on or off, got 'maybe'");
        assertError(cli.run("line", "set", "alice", "--max-calls", "-1"), "--max-calls must be 0 or more, got -1");
        assertError(cli.run("line", "set", "alice", "--max-calls", "x"),
                "line set: invalid value for option '--max-calls': 'x' is not an int; see 'clearline line set --help'");
        assertError(cli.run("line", "set", "alice", "--no-answer-after", "0"),
                "--no-answer-after must be 1..600 seconds, got 0");
        assertError(cli.run("line", "set", "alice", "--no-answer-after", "601"),
                "--no-answer-after must be 1..600 seconds, got 601");
        assertError(cli.run("line", "set", "alice", "--forward", "busy"),
                "--forward: expected KIND=TARGET[:MODE], got 'busy'");
        assertError(cli.run("line", "set", "alice", "--forward", "=bob"),
                "--forward: expected KIND=TARGET[:MODE], got '=bob'");
        assertError(cli.run("line", "set", "alice", "--forward", "later=bob"),
                "--forward: kind must be always, busy, no-answer or offline, got 'later'");
        assertError(cli.run("line", "set", "alice", "--forward", "busy=bob:bounce"),
                "--forward: mode must be follow, redirect-permanent or redirect-temporary, got 'bounce'");
        assertError(cli.run("line", "set", "alice", "--forward", "busy=:follow"), "--forward: the target is empty");
        assertError(cli.run("line", "set", "alice", "--srtp", "maybe"),
                "--srtp must be optional or required, got 'maybe'");
        assertError(cli.run("line", "set", "alice", "--permissions", "local,world"),
                "--permissions: must be local, national, international or premium, got 'world'");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void rejectCodecsAndMaxCallsAreHeldToTheConfigFilesRules() {
        LineSettings before = stored();
        assertError(cli.run("line", "set", "alice", "--reject", "+493012345001,030123"),
                "--reject: must be an E.164 number, a prefix ending in * (\"+4930*\") or anonymous, got \"030123\"");
        assertError(cli.run("line", "set", "alice", "--reject", "4930*"),
                "--reject: must be an E.164 number, a prefix ending in * (\"+4930*\") or anonymous, got \"4930*\"");
        assertError(cli.run("line", "set", "alice", "--codecs", "G722,G722/16000"),
                "--codecs: must be a codec name such as PCMA, PCMU, G722 or opus, got \"G722/16000\"");
        assertError(cli.run("line", "set", "alice", "--max-calls", "10001"), "--max-calls must be at most 10000, got 10001");
        assertThat(stored()).isEqualTo(before);
        assertThat(cli.run("line", "set", "alice", "--reject", "+4930*,anonymous,+493012345001", "--max-calls", "10000")
                .exit()).isZero();
        assertThat(stored().rejectCallers()).containsExactly("+4930*", "anonymous", "+493012345001");
    }

    @Test
    void unknownAccountsAndMissingArgumentsAreOneLineErrors() {
        assertError(cli.run("line", "show", "zed"), "account 'zed' does not exist");
        assertError(cli.run("line", "set", "zed", "--dnd", "on"), "account 'zed' does not exist");
        assertError(cli.run("line"), "line: missing command (show, set); see 'clearline line --help'");
        assertError(cli.run("line", "show"),
                "line show: missing required parameter: 'ACCOUNT'; see 'clearline line show --help'");
        try (JdbcStore store = cli.store()) {
            assertThat(store.lines().all()).isEmpty();
        }
    }
}
