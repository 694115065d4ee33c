package org.clearline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention in bounded chunks: each step deletes at most one chunk per rule, oldest first. */
class CallLogRetentionTest {
    @TempDir Path dir;
    JdbcCallLogStore log;

    @BeforeEach
    void open() {
        log = JdbcCallLogStore.open(dir);
    }

    @AfterEach
    void close() {
        log.close();
    }

    @Test
    void oldEntriesGoOneChunkPerStep() {
        // 250 calls and 250 attempts at t = 0..249, then 10 of each at t = 1000..1009
        append(0, 250);
        append(1_000, 10);

        assertThat(log.purgeChunk(500, 1_000, 1_000, 100)).as("100 calls + 100 attempts").isEqualTo(200);
        assertThat(log.list(new CallFilter(false, null, 0, 1_000))).hasSize(160);
        assertThat(log.purgeChunk(500, 1_000, 1_000, 100)).isEqualTo(200);
        assertThat(log.purgeChunk(500, 1_000, 1_000, 100)).isEqualTo(100);
        assertThat(log.purgeChunk(500, 1_000, 1_000, 100)).as("nothing left: the caller stops").isZero();

        assertThat(log.list(new CallFilter(false, null, 0, 1_000))).extracting(CallRecord::startedAt)
                .allMatch(t -> t >= 1_000).hasSize(10);
        assertThat(log.registrations(null, 0, 1_000)).hasSize(10);
    }

    @Test
    void beyondTheMaximumTheOldestGoEachTableByItsOwnLimit() {
        append(0, 50);
        assertThat(log.purgeChunk(0, 20, 45, 1_000)).as("30 calls, 5 attempts").isEqualTo(35);
        assertThat(log.purgeChunk(0, 20, 45, 1_000)).isZero();
        assertThat(log.list(new CallFilter(false, null, 0, 1_000))).extracting(CallRecord::callId)
                .as("the newest 20 stay").first().isEqualTo("c49");
        assertThat(log.list(new CallFilter(false, null, 0, 1_000))).hasSize(20).extracting(CallRecord::callId)
                .last().isEqualTo("c30");
        assertThat(log.registrations(null, 0, 1_000)).hasSize(45);
    }

    @Test
    void aChunkNeverDeletesMoreThanItsSizePerRule() {
        append(0, 30);
        assertThat(log.purgeChunk(1_000, 0, 0, 7)).as("the age rule takes 7 of each table; the count rule 7 more of each")
                .isEqualTo(28);
        assertThat(log.purge(1_000, 0)).as("the rest, chunk by chunk").isEqualTo(32);
        assertThat(log.list(CallFilter.ALL)).isEmpty();
    }

    private void append(long from, int n) {
        List<CallRecord> calls = new ArrayList<>();
        List<RegistrationRecord> regs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long at = from + i;
            String id = from == 0 ? "c" + i : "n" + i;
            calls.add(new CallRecord(id, at, "udp:192.0.2.1:5060", "sip:a@x", "a", "b", null, 486, null, -1, -1, -1, 0,
                    List.of()));
            regs.add(new RegistrationRecord("r" + id, at, "udp:192.0.2.1:5060", "a", 200, null));
        }
        log.append(calls, regs);
    }
}
