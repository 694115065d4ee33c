package org.clearline.admin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.admin.cli.AccountCommandsTest.assertError;
import static org.clearline.admin.cli.AccountCommandsTest.binding;
import static org.clearline.admin.cli.CliHarness.NOW;

import java.nio.file.Path;
import java.util.List;
import org.clearline.admin.cli.CliHarness.Result;
import org.clearline.store.JdbcStore;
import org.clearline.store.RegistrationStore.RegistrationChange.Upsert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NumberAndRegistrationCommandsTest {
    @TempDir Path dir;
    CliHarness cli;

    @BeforeEach
    void twoAccounts() {
        cli = new CliHarness(dir);
        cli.run("account", "add", "alice", "--password", "a", "--realm", "demo.clearline.test");
        cli.run("account", "add", "bob", "--password", "b", "--realm", "demo.clearline.test");
    }

    @Test
    void assignMovesAndListsNumbers() {
        assertThat(cli.run("number", "assign", "+493012345001", "alice"))
                .isEqualTo(new Result(0, "assigned +493012345001 to alice\n", ""));
        assertThat(cli.run("number", "assign", "+493012345002", "alice").exit()).isZero();
        assertThat(cli.run("number", "assign", "+493012345002", "bob"))
                .isEqualTo(new Result(0, "assigned +493012345002 to bob (was alice's)\n", ""));

        assertThat(cli.run("number", "list")).isEqualTo(new Result(0, """
                NUMBER         ACCOUNT
                +493012345001  alice
                +493012345002  bob
                """, ""));
    }

    @Test
    void unassignTakesTheNumberAway() {
        cli.run("number", "assign", "+493012345001", "alice");
        assertThat(cli.run("number", "unassign", "+493012345001"))
                .isEqualTo(new Result(0, "unassigned +493012345001\n", ""));
        assertThat(cli.run("number", "list")).isEqualTo(new Result(0, "NUMBER  ACCOUNT\n", ""));
        assertError(cli.run("number", "unassign", "+493012345001"), "number +493012345001 is not assigned");
    }

    @Test
    void badNumbersAndUnknownAccountsAreOneLineErrors() {
        assertError(cli.run("number", "assign", "+49 30 1", "alice"),
                "number '+49 30 1' is not E.164: expected '+' and 1 to 15 digits, e.g. +493012345001");
        assertError(cli.run("number", "assign", "+493012345001", "zed"), "account 'zed' does not exist");
        assertError(cli.run("number", "unassign", "12345"),
                "number '12345' is not E.164: expected '+' and 1 to 15 digits, e.g. +493012345001");
        assertError(cli.run("number", "assign", "+493012345001"),
                "number assign: missing required parameter: 'ACCOUNT'; see 'clearline number assign --help'");
        assertThat(cli.run("number", "list").out()).isEqualTo("NUMBER  ACCOUNT\n");
    }

    @Test
    void registrationsListsUnexpiredBindingsOfAllOrOneAccount() {
        try (JdbcStore store = cli.store()) {
            store.registrations().apply(List.of(new Upsert(binding("alice", 5062, NOW + 125_000)),
                    new Upsert(binding("bob", 5064, NOW + 7_200_000)), new Upsert(binding("bob", 5066, NOW)))).join();
        }

        assertThat(cli.run("registrations")).isEqualTo(new Result(0, """
                ACCOUNT  CONTACT                                 SOURCE              USER AGENT      EXPIRES
                alice    sip:alice@127.0.0.1:5062;transport=udp  udp:127.0.0.1:5062  baresip v1.0.0  in 2m05s
                bob      sip:bob@127.0.0.1:5064;transport=udp    udp:127.0.0.1:5064  baresip v1.0.0  in 2h00m
                """, ""));
        assertThat(cli.run("registrations", "bob").out()).contains("5064").doesNotContain("alice").doesNotContain("5066");
        assertError(cli.run("registrations", "zed"), "account 'zed' does not exist");
    }
}
