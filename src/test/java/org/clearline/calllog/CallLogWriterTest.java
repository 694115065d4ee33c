package org.clearline.calllog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.clearline.store.CallFilter;
import org.clearline.store.CallLogStore;
import org.clearline.store.CallRecord;
import org.clearline.store.JdbcCallLogStore;
import org.clearline.store.StoreException;
import org.clearline.store.JdbcStore;
import org.clearline.store.RegistrationRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer: queued entries reach the store; a batch the store refuses is counted, and writing goes on. */
class CallLogWriterTest {
    @TempDir Path dir;

    @Test
    void writesQueuedEntriesAndCountsFailedBatches() {
        LogQueue queue = new LogQueue(100);
        try (JdbcStore store = JdbcStore.open(dir); CallLogWriter writer = new CallLogWriter(queue, store.callLog())) {
            writer.start();
            queue.offer(new Pending.Registration(new RegistrationRecord("r1", 1_000, "udp:192.0.2.1:5060", "alice",
                    403, "auth.wrong-password")));
            await().atMost(Duration.ofSeconds(10)).until(() -> writer.written() == 1);
            assertThat(store.callLog().registrations("alice", 0, 10)).extracting(RegistrationRecord::callId)
                    .containsExactly("r1");

            assertThat(store.callLog().list(CallFilter.ALL)).isEmpty();
        }
    }

    @Test
    void retentionRunsOnTheWriterThreadInChunksUntilDone() {
        long day = 86_400_000L;
        long now = 100 * day;
        List<CallRecord> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            // 2,400 calls older than a day, 100 of today
            long at = i < 2_400 ? now - 2 * day + i : now - 1_000 + i - 2_400;
            calls.add(new CallRecord("c" + i, at, "udp:192.0.2.1:5060", "sip:a@x", "a", "b", null, 486, null, -1, -1,
                    -1, 0, List.of()));
        }
        LogQueue queue = new LogQueue(100);
        try (JdbcCallLogStore log = JdbcCallLogStore.open(dir);
             CallLogWriter writer = new CallLogWriter(queue, log, new CallLogSettings.Retention(1, 60, 1_000))) {
            log.append(calls, List.of());
            writer.start();
            writer.requestPurge(now);
            // 2,400 by age and 40 beyond maxCalls, a chunk of at most 1,000 per rule at a time
            await().atMost(Duration.ofSeconds(20)).until(() -> writer.purged() == 2_440);
            assertThat(log.list(new CallFilter(false, null, 0, 1_000))).hasSize(60)
                    .extracting(CallRecord::callId).first().isEqualTo("c2499");
        }
    }

    @Test
    void aBatchTheStoreRefusesIsCountedAndTheWriterGoesOn() {
        LogQueue queue = new LogQueue(100);
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        CallLogStore refusing = new CallLogStore() {
            @Override public void append(List<CallRecord> c, List<RegistrationRecord> r) {
                if (calls.getAndIncrement() == 0) throw new StoreException("disk full");
            }
            @Override public List<CallRecord> list(CallFilter filter) { return List.of(); }
            @Override public Optional<CallRecord> find(String callId) { return Optional.empty(); }
            @Override public List<RegistrationRecord> registrations(String sipId, long since, int limit) { return List.of(); }
            @Override public int purge(long beforeMillis, int maxRows) { return 0; }
        };
        CallLogWriter writer = new CallLogWriter(queue, refusing);
        Pending one = new Pending.Registration(new RegistrationRecord("r1", 1_000, "x", "alice", 200, null));
        writer.write(List.of(one, one));
        writer.write(List.of(one));
        assertThat(writer.failed()).isEqualTo(2);
        assertThat(writer.written()).isEqualTo(1);
    }
}
