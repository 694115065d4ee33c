package org.clearline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clearline.store.StoreFixtures.account;

import java.nio.file.Path;
import org.clearline.store.NumberStore.NumberAssignment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class JdbcNumberStoreTest {
    @TempDir Path dir;
    JdbcStore store;

    @BeforeEach
    void open() {
        store = JdbcStore.open(dir);
        store.accounts().put(account("alice"));
        store.accounts().put(account("bob"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void assignsListsAndMovesNumbers() {
        store.numbers().assign("+493012345002", "alice");
        store.numbers().assign("+493012345001", "alice");
        assertThat(store.numbers().numbersOf("alice")).containsExactly("+493012345001", "+493012345002");
        assertThat(store.numbers().owner("+493012345001")).contains("alice");

        store.numbers().assign("+493012345002", "bob");
        assertThat(store.numbers().list()).containsExactly(
                new NumberAssignment("+493012345001", "alice"), new NumberAssignment("+493012345002", "bob"));
    }

    @Test
    void unassignRemovesOnlyThatNumber() {
        store.numbers().assign("+493012345001", "alice");
        store.numbers().assign("+493012345003", "alice");
        assertThat(store.numbers().unassign("+493012345001")).isTrue();
        assertThat(store.numbers().unassign("+493012345001")).isFalse();
        assertThat(store.numbers().numbersOf("alice")).containsExactly("+493012345003");
    }

    @Test
    void assigningToAnUnknownAccountNamesIt() {
        assertThatThrownBy(() -> store.numbers().assign("+493012345001", "zed"))
                .isInstanceOf(StoreException.class)
                .hasMessage("account 'zed' does not exist");
        assertThat(store.numbers().list()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1", "+493012345001", "+123456789012345"})
    void acceptsE164Numbers(String number) {
        store.numbers().assign(number, "alice");
        assertThat(store.numbers().owner(number)).contains("alice");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"493012345001", "+", "+1234567890123456", "+49 30 1234", "+49-30", "+49a", "00493012345"})
    void rejectsEverythingElseWithAClearMessage(String number) {
        assertThatThrownBy(() -> store.numbers().assign(number, "alice"))
                .isInstanceOf(StoreException.class)
                .hasMessage("number '" + number + "' is not E.164: expected '+' and 1 to 15 digits, e.g. +493012345001");
        assertThat(store.numbers().list()).isEmpty();
        assertThat(E164.isValid(number)).isFalse();
    }
}
