package org.clearline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.store.StoreFixtures.binding;
import static org.clearline.store.StoreFixtures.upsert;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.clearline.store.RegistrationStore.RegistrationChange;
import org.clearline.store.RegistrationStore.RegistrationChange.Remove;
import org.clearline.store.RegistrationStore.RegistrationChange.RemoveAll;
import org.clearline.store.RegistrationStore.RegistrationChange.Upsert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcRegistrationStoreTest {
    @TempDir Path dir;

    @Test
    void upsertReplacesTheBindingOfTheSameContact() {
        try (JdbcStore store = JdbcStore.open(dir)) {
            Registration first = binding("alice", 5062, 10_000);
            store.registrations().apply(upsert(first)).join();
            Registration refreshed = new Registration("alice", first.contact(), first.callId(), 2, 20_000,
                    first.registeredAt(), 0.5, "<sip:edge.test;lr>", "tcp:192.0.2.1:40000", "phone/2");
            store.registrations().apply(upsert(refreshed)).join();
            assertThat(store.registrations().loadAll()).containsExactly(refreshed);
        }
    }

    @Test
    void removeAndRemoveAllApplyInTheOrderGiven() {
        try (JdbcStore store = JdbcStore.open(dir)) {
            var registrations = store.registrations();
            registrations.apply(List.of(new Upsert(binding("alice", 1, 9)), new Upsert(binding("alice", 2, 9)),
                    new Upsert(binding("bob", 3, 9)))).join();
            registrations.apply(List.of(new Remove("alice", binding("alice", 1, 9).contact()))).join();
            assertThat(registrations.loadAll()).extracting(Registration::contact)
                    .containsExactly(binding("alice", 2, 9).contact(), binding("bob", 3, 9).contact());

            // §10.3: "Contact: *" then a new binding in one write keeps the new binding
            registrations.apply(List.of(new RemoveAll("alice"), new Upsert(binding("alice", 4, 9)))).join();
            assertThat(registrations.loadAll()).extracting(Registration::contact)
                    .containsExactly(binding("alice", 4, 9).contact(), binding("bob", 3, 9).contact());
        }
    }

    @Test
    void purgeDeletesOnlyLapsedBindings() {
        try (JdbcStore store = JdbcStore.open(dir)) {
            store.registrations().apply(upsert(binding("alice", 1, 1_000))).join();
            store.registrations().apply(upsert(binding("alice", 2, 2_000))).join();
            assertThat(store.registrations().purgeExpired(1_000)).isEqualTo(1);
            assertThat(store.registrations().loadAll()).extracting(Registration::expiresAt).containsExactly(2_000L);
        }
    }

    @Test
    void malformedChangesFailTheFutureInsteadOfThrowing() {
        try (JdbcStore store = JdbcStore.open(dir)) {
            List<RegistrationChange> withNull = new ArrayList<>();
            withNull.add(null);
            assertFailsWith(store.registrations().apply(withNull), "a registration change is null");
            assertFailsWith(store.registrations().apply(null), "registration changes must not be null");
            assertFailsWith(store.registrations().apply(List.of(new Remove("alice", ""))),
                    "a removal needs a sipId and a contact");
            assertThat(store.registrations().stats().commits()).isZero();
        }
    }

    @Test
    void writesQueuedDuringACommitGoOutTogetherInTheNextOne() throws Exception {
        try (HikariDataSource pool = Database.open(dir)) {
            GatedDataSource gate = new GatedDataSource(pool);
            try (JdbcRegistrationStore registrations = new JdbcRegistrationStore(new Jdbc(gate), 1_000)) {
                List<CompletableFuture<Void>> acks = new ArrayList<>();
                acks.add(registrations.apply(upsert(binding("alice", 0, 9))));
                gate.awaitWaiter(); // the writer holds write 0 and waits for a connection
                for (int i = 1; i < 500; i++) acks.add(registrations.apply(upsert(binding("user" + i, i, 9))));
                assertThat(acks).noneMatch(CompletableFuture::isDone);

                gate.open();
                CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

                assertThat(registrations.loadAll()).hasSize(500);
                GroupCommitStats stats = registrations.stats();
                assertThat(stats.writes()).isEqualTo(500);
                assertThat(stats.commits()).isLessThanOrEqualTo(2);
                assertThat(stats.largestBatch()).isGreaterThanOrEqualTo(499);
            }
        }
    }

    @Test
    void aWriteTheDatabaseRefusesFailsAloneAndItsBatchNeighboursCommit() throws Exception {
        try (HikariDataSource pool = Database.open(dir)) {
            GatedDataSource gate = new GatedDataSource(pool);
            try (JdbcRegistrationStore registrations = new JdbcRegistrationStore(new Jdbc(gate), 100)) {
                CompletableFuture<Void> first = registrations.apply(upsert(binding("alice", 1, 9)));
                gate.awaitWaiter();
                // §20.10: q is 0..1; the schema's CHECK refuses 2.0
                Registration badQ = new Registration("bob", "sip:bob@127.0.0.1", "c", 1, 9, 1, 2.0, "", "", "");
                CompletableFuture<Void> bad = registrations.apply(upsert(badQ));
                CompletableFuture<Void> good = registrations.apply(upsert(binding("carol", 3, 9)));
                gate.open();

                first.get(30, TimeUnit.SECONDS);
                good.get(30, TimeUnit.SECONDS);
                assertThat(bad).failsWithin(30, TimeUnit.SECONDS).withThrowableThat()
                        .havingCause().isInstanceOf(StoreException.class)
                        .withMessageStartingWith("registration write failed: ");
                assertThat(registrations.loadAll()).extracting(Registration::sipId).containsExactly("alice", "carol");
                assertThat(registrations.stats().failed()).isEqualTo(1);
            }
        }
    }

    @Test
    void closeCommitsEverythingQueuedAndLaterWritesAreRefused() throws Exception {
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        try (HikariDataSource pool = Database.open(dir)) {
            GatedDataSource gate = new GatedDataSource(pool);
            JdbcRegistrationStore registrations = new JdbcRegistrationStore(new Jdbc(gate), 1_000);
            for (int i = 0; i < 200; i++) acks.add(registrations.apply(upsert(binding("user" + i, i, 9))));
            gate.awaitWaiter();
            ExecutorService closer = Executors.newSingleThreadExecutor();
            try {
                var closed = closer.submit(registrations::close);
                gate.open();
                closed.get(30, TimeUnit.SECONDS);
            } finally {
                closer.shutdownNow();
            }
            assertThat(acks).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
            assertFailsWith(registrations.apply(upsert(binding("late", 1, 9))), "registration store is closed");
        }
        try (JdbcStore store = JdbcStore.open(dir)) {
            assertThat(store.registrations().loadAll()).hasSize(200);
        }
    }

    @Test
    void manyConcurrentWritersAllGetTheirRowsCommitted() throws Exception {
        try (JdbcStore store = JdbcStore.open(dir)) {
            ExecutorService writers = Executors.newFixedThreadPool(8);
            List<CompletableFuture<Void>> acks = new ArrayList<>();
            try {
                List<CompletableFuture<CompletableFuture<Void>>> submitted = new ArrayList<>();
                for (int i = 0; i < 2_000; i++) {
                    int n = i;
                    submitted.add(CompletableFuture.supplyAsync(
                            () -> store.registrations().apply(upsert(binding("user" + n % 50, n, 9))), writers));
                }
                for (var s : submitted) acks.add(s.get(30, TimeUnit.SECONDS));
                CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            } finally {
                writers.shutdownNow();
            }
            assertThat(store.registrations().loadAll()).hasSize(2_000);
            assertThat(store.registrations().stats().writes()).isEqualTo(2_000);
        }
    }

    @Test
    void aFullQueueFailsTheWriteAtOnce() throws Exception {
        try (HikariDataSource pool = Database.open(dir)) {
            GatedDataSource gate = new GatedDataSource(pool);
            try (JdbcRegistrationStore registrations = new JdbcRegistrationStore(new Jdbc(gate), 2)) {
                var held = registrations.apply(upsert(binding("a", 1, 9)));
                gate.awaitWaiter();
                var queued1 = registrations.apply(upsert(binding("b", 2, 9)));
                var queued2 = registrations.apply(upsert(binding("c", 3, 9)));
                assertFailsWith(registrations.apply(upsert(binding("d", 4, 9))),
                        "registration store overloaded: 2 writes waiting");
                gate.open();
                CompletableFuture.allOf(held, queued1, queued2).get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static void assertFailsWith(CompletableFuture<Void> future, String message) {
        assertThat(future).isCompletedExceptionally();
        try {
            future.join();
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(StoreException.class).hasMessage(message);
        }
    }
}
