package org.clearline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcStoreTest {
    @TempDir Path dir;

    @Test
    void createsTheDatabaseFileAndStartsAtVersionZero() {
        try (JdbcStore store = JdbcStore.open(dir.resolve("data"))) {
            assertThat(store.version()).isZero();
            assertThat(store.accounts().list()).isEmpty();
        }
        assertThat(dir.resolve("data/clearline.mv.db")).exists();
    }

    @Test
    void metaValuesSurviveReopeningAndBumpTheVersionOnlyWhenChanged() {
        try (JdbcStore store = JdbcStore.open(dir)) {
            assertThat(store.meta(JdbcStore.META_REALM)).isEmpty();
            store.putMeta(JdbcStore.META_REALM, "demo.clearline.test");
            store.putMeta(JdbcStore.META_REALM, "demo.clearline.test");
            assertThat(store.version()).isEqualTo(1);
        }
        try (JdbcStore store = JdbcStore.open(dir)) {
            assertThat(store.meta(JdbcStore.META_REALM)).contains("demo.clearline.test");
            store.putMeta(JdbcStore.META_REALM, "other.test");
            assertThat(store.meta(JdbcStore.META_REALM)).contains("other.test");
            assertThat(store.version()).isEqualTo(2);
        }
    }

    @Test
    void everyAccountAndNumberWriteBumpsTheVersion() {
        try (JdbcStore store = JdbcStore.open(dir)) {
            store.accounts().put(StoreFixtures.account("alice"));
            assertThat(store.version()).isEqualTo(1);
            store.numbers().assign("+493012345001", "alice");
            assertThat(store.version()).isEqualTo(2);
            store.numbers().unassign("+493012345001");
            assertThat(store.version()).isEqualTo(3);
            store.accounts().remove("alice");
            assertThat(store.version()).isEqualTo(4);
            // nothing changed: no bump
            assertThat(store.accounts().remove("alice")).isFalse();
            assertThat(store.numbers().unassign("+493012345001")).isFalse();
            assertThat(store.version()).isEqualTo(4);
        }
    }

    @Test
    void aDataDirectoryThatCannotBeCreatedIsOneLineError() throws Exception {
        Path file = Files.createFile(dir.resolve("plain-file"));
        assertThatThrownBy(() -> JdbcStore.open(file.resolve("data")))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot create data directory " + file.resolve("data"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
