package org.clearline.admin.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.clearline.admin.config.Provisioner.Report;
import org.clearline.store.Account;
import org.clearline.store.Ha1;
import org.clearline.store.JdbcStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvisionerTest {
    static final String REALM = "demo.clearline.test";

    @TempDir Path dir;
    JdbcStore store;

    @BeforeEach
    void open() {
        store = JdbcStore.open(dir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    static ClearlineConfig config(String alicePassword, String domain) throws ConfigException {
        return ConfigLoader.parse("""
                server: { domain: %s }
                accounts:
                  - { sipId: alice, password: %s, displayName: Alice, numbers: ["+493012345001"] }
                  - { sipId: bob, password: secret-bob, numbers: ["+493012345002", "+493012345022"] }
                  - sipId: carol
                    ha1Md5: 0123456789abcdef0123456789abcdef
                    ha1Sha256: 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                    enabled: false
                """.formatted(domain, alicePassword), "test.yaml");
    }

    @Test
    void createsTheDeclaredAccountsWithHa1ForTheDomainRealm() throws Exception {
        Report report = Provisioner.apply(config("secret-alice", REALM), store);

        assertThat(report).isEqualTo(new Report(3, 0, 0, 3, 0));
        assertThat(store.meta(JdbcStore.META_REALM)).contains(REALM);
        Ha1 alice = Ha1.of("alice", REALM, "secret-alice");
        assertThat(store.accounts().find("alice"))
                .contains(new Account("alice", "Alice", alice.md5(), alice.sha256(), true));
        assertThat(store.accounts().find("carol")).contains(new Account("carol", "",
                "0123456789abcdef0123456789abcdef",
                "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", false));
        assertThat(store.numbers().numbersOf("bob")).containsExactly("+493012345002", "+493012345022");
    }

    @Test
    void applyingTheSameConfigTwiceChangesNothingTheSecondTime() throws Exception {
        Provisioner.apply(config("secret-alice", REALM), store);
        long version = store.version();

        Report again = Provisioner.apply(config("secret-alice", REALM), store);

        assertThat(again).isEqualTo(new Report(0, 0, 3, 0, 0));
        assertThat(again.changedAnything()).isFalse();
        assertThat(store.version()).isEqualTo(version);
    }

    @Test
    void aChangedPasswordUpdatesBothHa1s() throws Exception {
        Provisioner.apply(config("secret-alice", REALM), store);

        Report report = Provisioner.apply(config("new-secret", REALM), store);

        assertThat(report).isEqualTo(new Report(0, 1, 2, 0, 0));
        Ha1 expected = Ha1.of("alice", REALM, "new-secret");
        Account alice = store.accounts().find("alice").orElseThrow();
        assertThat(alice.ha1Md5()).isEqualTo(expected.md5());
        assertThat(alice.ha1Sha256()).isEqualTo(expected.sha256());
    }

    @Test
    void aChangedDomainRecomputesTheHa1sOfDeclaredAccounts() throws Exception {
        Provisioner.apply(config("secret-alice", REALM), store);
        Provisioner.apply(config("secret-alice", "other.test"), store);
        assertThat(store.meta(JdbcStore.META_REALM)).contains("other.test");
        assertThat(store.accounts().find("alice").orElseThrow().ha1Md5())
                .isEqualTo(Ha1.of("alice", "other.test", "secret-alice").md5());
    }

    @Test
    void accountsMadeWithTheCliStayAndDeclaredNumbersAreExactlyAsDeclared() throws Exception {
        Ha1 zedHa1 = Ha1.of("zed", REALM, "zzz");
        Account zed = new Account("zed", "Zed", zedHa1.md5(), zedHa1.sha256(), true);
        store.accounts().put(zed);
        Provisioner.apply(config("secret-alice", REALM), store);
        store.numbers().assign("+493012345099", "alice");   // added by hand to a declared account
        store.numbers().assign("+493012345022", "zed");     // a declared number moved by hand

        Report report = Provisioner.apply(config("secret-alice", REALM), store);

        assertThat(report).isEqualTo(new Report(0, 0, 3, 1, 1));
        assertThat(store.accounts().find("zed")).contains(zed);
        assertThat(store.numbers().numbersOf("alice")).containsExactly("+493012345001");
        assertThat(store.numbers().owner("+493012345022")).contains("bob");
        assertThat(store.numbers().owner("+493012345099")).isEmpty();
    }
}
