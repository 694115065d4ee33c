package org.clearline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's situation: a second process opens the store of a running server. */
class AutoServerTest {
    @TempDir Path dir;

    @Test
    void aSecondProcessReadsAndWritesTheStoreTheFirstHolds() throws Exception {
        try (JdbcStore server = JdbcStore.open(dir)) {
            server.accounts().put(StoreFixtures.account("alice"));
            long before = server.version();

            Path stderr = dir.resolve("peer.err");
            Process peer = ChildJvm.start(AutoServerPeer.class, stderr, dir.toString());
            String output = new String(peer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(peer.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(peer.exitValue()).as("peer failed: %s", Files.readString(stderr)).isZero();

            assertThat(output).contains("SAW alice").contains("DONE");
            assertThat(server.accounts().find("bob")).contains(StoreFixtures.account("bob"));
            assertThat(server.numbers().owner("+493012345002")).contains("bob");
            assertThat(server.registrations().loadAll()).extracting(Registration::sipId).containsExactly("bob");
            assertThat(server.version()).isEqualTo(before + 2);
            // and the first process can still write after the peer has gone
            server.accounts().put(StoreFixtures.account("carol"));
            assertThat(server.accounts().list()).hasSize(3);
        }
    }
}
