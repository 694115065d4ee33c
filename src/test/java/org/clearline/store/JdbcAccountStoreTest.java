package org.clearline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clearline.store.StoreFixtures.account;
import static org.clearline.store.StoreFixtures.binding;
import static org.clearline.store.StoreFixtures.upsert;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcAccountStoreTest {
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

    @Test
    void putFindAndListInSipIdOrder() {
        store.accounts().put(account("bob"));
        store.accounts().put(account("alice"));
        assertThat(store.accounts().find("alice")).contains(account("alice"));
        assertThat(store.accounts().find("zed")).isEmpty();
        assertThat(store.accounts().list()).extracting(Account::sipId).containsExactly("alice", "bob");
    }

    @Test
    void putReplacesAnExistingAccount() {
        store.accounts().put(account("alice"));
        Ha1 ha1 = Ha1.of("alice", StoreFixtures.REALM, "new-secret");
        Account changed = new Account("alice", "Alice Liddell", ha1.md5(), ha1.sha256(), false);
        store.accounts().put(changed);
        assertThat(store.accounts().find("alice")).contains(changed);
        assertThat(store.accounts().list()).hasSize(1);
    }

    @Test
    void removeTakesTheNumbersAndRegistrationsOfTheAccountWithIt() {
        store.accounts().put(account("alice"));
        store.accounts().put(account("bob"));
        store.numbers().assign("+493012345001", "alice");
        store.numbers().assign("+493012345002", "bob");
        store.registrations().apply(upsert(binding("alice", 5062, Long.MAX_VALUE))).join();
        store.registrations().apply(upsert(binding("bob", 5064, Long.MAX_VALUE))).join();

        assertThat(store.accounts().remove("alice")).isTrue();

        assertThat(store.accounts().find("alice")).isEmpty();
        assertThat(store.numbers().owner("+493012345001")).isEmpty();
        assertThat(store.registrations().loadAll()).extracting(Registration::sipId).containsExactly("bob");
        assertThat(store.numbers().owner("+493012345002")).contains("bob");
        assertThat(store.accounts().remove("alice")).isFalse();
    }

    @Test
    void rejectsSipIdsThatCannotBeWrittenIntoAUri() {
        Account spaced = new Account("al ice", "", account("x").ha1Md5(), account("x").ha1Sha256(), true);
        assertThatThrownBy(() -> store.accounts().put(spaced))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("SIP ID 'al ice' may only contain");
        Account at = new Account("alice@host", "", account("x").ha1Md5(), account("x").ha1Sha256(), true);
        assertThatThrownBy(() -> store.accounts().put(at)).hasMessageStartingWith("SIP ID 'alice@host'");
        assertThat(store.accounts().list()).isEmpty();
    }

    @Test
    void rejectsMalformedHa1Values() {
        Account bad = new Account("alice", "", "not-hex", account("alice").ha1Sha256(), true);
        assertThatThrownBy(() -> store.accounts().put(bad))
                .isInstanceOf(StoreException.class)
                .hasMessage("account 'alice': HA1 (MD5) must be 32 lower-case hex digits");
        assertThat(store.version()).isZero();
    }
}
