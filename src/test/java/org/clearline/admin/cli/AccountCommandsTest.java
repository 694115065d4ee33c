package org.clearline.admin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.admin.cli.CliHarness.NOW;

import java.nio.file.Path;
import org.clearline.admin.cli.CliHarness.Result;
import org.clearline.store.Account;
import org.clearline.store.Ha1;
import org.clearline.store.JdbcStore;
import org.clearline.store.Registration;
import org.clearline.store.RegistrationStore.RegistrationChange.Upsert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountCommandsTest {
    static final String REALM = "demo.clearline.test";

    @TempDir Path dir;
    CliHarness cli;

    @BeforeEach
    void storeWithRealm() {
        cli = new CliHarness(dir);
        try (JdbcStore store = cli.store()) {
            store.putMeta(JdbcStore.META_REALM, REALM); // as 'serve' records it
        }
    }

    @Test
    void addCreatesTheAccountWithHa1ForTheStoredRealmAndItsNumbers() {
        Result r = cli.run("account", "add", "alice", "--password", "secret-alice", "--display-name", "Alice",
                "--number", "+493012345001", "--number", "+493012345099");

        assertThat(r).isEqualTo(new Result(0, "added account alice with +493012345001, +493012345099\n", ""));
        try (JdbcStore store = cli.store()) {
            Ha1 ha1 = Ha1.of("alice", REALM, "secret-alice");
            assertThat(store.accounts().find("alice"))
                    .contains(new Account("alice", "Alice", ha1.md5(), ha1.sha256(), true));
            assertThat(store.numbers().numbersOf("alice")).containsExactly("+493012345001", "+493012345099");
        }
    }

    @Test
    void addReadsThePasswordFromStdin() {
        Result r = cli.runWithStdin("from-stdin\nignored\n", "account", "add", "bob", "--password-stdin");
        assertThat(r.exit()).isZero();
        try (JdbcStore store = cli.store()) {
            assertThat(store.accounts().find("bob").orElseThrow().ha1Md5())
                    .isEqualTo(Ha1.of("bob", REALM, "from-stdin").md5());
        }
    }

    @Test
    void addRefusesBadInputWithOneLineAndWritesNothing() {
        cli.run("account", "add", "bob", "--password", "b", "--number", "+493012345002");
        assertError(cli.run("account", "add", "bob", "--password", "x"),
                "account 'bob' already exists (change its password with 'account passwd')");
        assertError(cli.run("account", "add", "al ice", "--password", "x"),
                "SIP ID 'al ice' may only contain letters, digits and - _ . ! ~ * ' ( ) & = + $ , ; ? /");
        assertError(cli.run("account", "add", "alice", "--password", "x", "--number", "030123"),
                "number '030123' is not E.164: expected '+' and 1 to 15 digits, e.g. +493012345001");
        assertError(cli.run("account", "add", "alice", "--password", "x", "--number", "+493012345002"),
                "number +493012345002 already belongs to bob");
        assertError(cli.run("account", "add", "alice"), "give --password P or --password-stdin");
        assertError(cli.run("account", "add", "alice", "--password", "x", "--password-stdin"),
                "give --password or --password-stdin, not both");
        assertError(cli.run("account", "add", "alice", "--password", ""), "the password must not be empty");
        assertError(cli.runWithStdin("", "account", "add", "alice", "--password-stdin"), "no password on standard input");
        assertError(cli.run("account", "add", "alice", "--password", "x", "--realm", "other.test"),
                "--realm other.test differs from the realm demo.clearline.test of this store (the server's domain)");
        try (JdbcStore store = cli.store()) {
            assertThat(store.accounts().list()).extracting(Account::sipId).containsExactly("bob");
        }
    }

    @Test
    void withoutAStoredRealmAddNeedsTheRealmOption(@TempDir Path fresh) {
        CliHarness freshCli = new CliHarness(fresh);
        assertError(freshCli.run("account", "add", "alice", "--password", "x"),
                "no realm known yet: run 'clearline serve' once, or give --realm with server.domain");
        assertThat(freshCli.run("account", "add", "alice", "--password", "x", "--realm", "a.test").exit()).isZero();
        try (JdbcStore store = freshCli.store()) {
            assertThat(store.accounts().find("alice").orElseThrow().ha1Sha256())
                    .isEqualTo(Ha1.of("alice", "a.test", "x").sha256());
        }
    }

    @Test
    void listShowsEveryAccountWithItsNumbersAndCurrentBindings() {
        cli.run("account", "add", "bob", "--password", "b", "--number", "+493012345002");
        cli.run("account", "add", "alice", "--password", "a", "--display-name", "Alice Liddell",
                "--number", "+493012345001", "--number", "+493012345011");
        register(binding("alice", 5062, NOW + 60_000), binding("alice", 5063, NOW - 1), binding("bob", 5064, NOW + 1));

        assertThat(cli.run("account", "list")).isEqualTo(new Result(0, """
                ACCOUNT  DISPLAY NAME   ENABLED  REGISTERED  NUMBERS
                alice    Alice Liddell  yes      1           +493012345001, +493012345011
                bob                     yes      1           +493012345002
                """, ""));
    }

    @Test
    void showPrintsNumbersAndUnexpiredRegistrations() {
        cli.run("account", "add", "alice", "--password", "a", "--display-name", "Alice", "--number", "+493012345001");
        register(binding("alice", 5062, NOW + 3_599_000), binding("alice", 5063, NOW - 1));

        assertThat(cli.run("account", "show", "alice")).isEqualTo(new Result(0, """
                account:       alice
                display name:  Alice
                enabled:       yes
                numbers:       +493012345001
                registrations: 1
                  CONTACT                                 SOURCE              USER AGENT      EXPIRES
                  sip:alice@127.0.0.1:5062;transport=udp  udp:127.0.0.1:5062  baresip v1.0.0  in 59m59s
                """, ""));
        assertError(cli.run("account", "show", "zed"), "account 'zed' does not exist");
    }

    @Test
    void passwdRecomputesBothHa1s() {
        cli.run("account", "add", "alice", "--password", "old", "--number", "+493012345001");
        assertThat(cli.runWithStdin("new\n", "account", "passwd", "alice", "--password-stdin"))
                .isEqualTo(new Result(0, "password of alice changed\n", ""));
        try (JdbcStore store = cli.store()) {
            Ha1 expected = Ha1.of("alice", REALM, "new");
            Account alice = store.accounts().find("alice").orElseThrow();
            assertThat(alice.ha1Md5()).isEqualTo(expected.md5());
            assertThat(alice.ha1Sha256()).isEqualTo(expected.sha256());
            assertThat(store.numbers().numbersOf("alice")).containsExactly("+493012345001");
        }
        assertError(cli.run("account", "passwd", "zed", "--password", "x"), "account 'zed' does not exist");
    }

    @Test
    void removeTakesNumbersAndRegistrationsAlong() {
        cli.run("account", "add", "alice", "--password", "a", "--number", "+493012345001", "--number", "+493012345011");
        register(binding("alice", 5062, NOW + 60_000));

        assertThat(cli.run("account", "remove", "alice"))
                .isEqualTo(new Result(0, "removed account alice and its 2 numbers\n", ""));
        try (JdbcStore store = cli.store()) {
            assertThat(store.accounts().list()).isEmpty();
            assertThat(store.numbers().list()).isEmpty();
            assertThat(store.registrations().loadAll()).isEmpty();
        }
        assertError(cli.run("account", "remove", "alice"), "account 'alice' does not exist");
    }

    static Registration binding(String sipId, int port, long expiresAt) {
        return new Registration(sipId, "sip:" + sipId + "@127.0.0.1:" + port + ";transport=udp", "c" + port, 1,
                expiresAt, NOW - 1_000, 1.0, "", "udp:127.0.0.1:" + port, "baresip v1.0.0");
    }

    void register(Registration... bindings) {
        try (JdbcStore store = cli.store()) {
            for (Registration b : bindings) store.registrations().apply(java.util.List.of(new Upsert(b))).join();
        }
    }

    static void assertError(Result result, String message) {
        assertThat(result).isEqualTo(new Result(2, "", "clearline: " + message + "\n"));
    }
}
