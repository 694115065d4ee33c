package org.clearline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.clearline.store.LoggedMessage.Direction;
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

    @Test
    void aLadderSegmentGoesWithTheLastRowThatPointsIntoItUnlessItIsTheNewest() throws Exception {
        append(0, 10, true);     // 10 calls and 10 attempts at t = 0..9
        log.close();                  // a writer starts a segment of its own when it starts
        log = JdbcCallLogStore.open(dir);
        append(100, 10, true);   // and 10 of each at t = 100..109
        assertThat(segments()).containsExactly(Map.entry(1L, 20), Map.entry(2L, 20));

        assertThat(log.purgeChunk(5, 1_000, 1_000, 1_000)).as("t = 0..4 of both tables").isEqualTo(10);
        assertThat(segments()).as("counted down, kept for the rows left").containsExactly(Map.entry(1L, 10),
                Map.entry(2L, 20));
        assertThat(log.find("c7").orElseThrow().messages()).hasSize(1);

        assertThat(log.purgeChunk(0, 12, 1_000, 1_000)).as("the count rule: the 3 oldest of 15 calls").isEqualTo(3);
        assertThat(segments()).containsExactly(Map.entry(1L, 7), Map.entry(2L, 20));
        assertThat(log.purgeChunk(50, 1_000, 1_000, 1_000)).as("the rest of the first: 2 calls, 5 attempts")
                .isEqualTo(7);
        assertThat(segments()).as("no row points into the first segment: it is gone").containsExactly(
                Map.entry(2L, 20));
        assertThat(segmentFiles()).containsExactly(String.format("%012d.ladders", 2));
        assertThat(log.find("n3").orElseThrow().messages()).extracting(LoggedMessage::text).containsExactly("INVITE n3");
        assertThat(log.findRegistration("rn3").orElseThrow().messages()).extracting(LoggedMessage::text)
                .containsExactly("REGISTER rn3");

        assertThat(log.purge(1_000, 1_000)).isEqualTo(20);
        assertThat(segments()).as("the newest stays, empty: its writer goes on with it").containsExactly(
                Map.entry(2L, 0));
        append(2_000, 1, true);
        assertThat(segments()).containsExactly(Map.entry(2L, 2));
        assertThat(log.find("n0").orElseThrow().messages()).hasSize(1);
    }

    /** Each ladder segment's id and the rows it counts, by id. */
    private Map<Long, Integer> segments() throws Exception {
        Map<Long, Integer> out = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(Database.url(dir, CallLogDatabase.SPEC), "sa", "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT id, entries FROM ladder_segment ORDER BY id")) {
            while (r.next()) out.put(r.getLong(1), r.getInt(2));
        }
        return out;
    }

    private List<String> segmentFiles() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve(LadderSegments.DIRECTORY))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private void append(long from, int n) {
        append(from, n, false);
    }

    /** {@code n} calls and as many registration attempts from time {@code from} on, each with one message if {@code withLadders}. */
    private void append(long from, int n, boolean withLadders) {
        List<CallRecord> calls = new ArrayList<>();
        List<RegistrationRecord> regs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long at = from + i;
            String id = from == 0 ? "c" + i : "n" + i;
            calls.add(new CallRecord(id, at, "udp:192.0.2.1:5060", "sip:a@x", "a", "b", null, 486, null, -1, -1, -1, 0,
                    withLadders ? List.of(message(at, "INVITE " + id)) : List.of()));
            regs.add(new RegistrationRecord("r" + id, at, "udp:192.0.2.1:5060", "a", 200, null,
                    withLadders ? List.of(message(at, "REGISTER r" + id)) : List.of(), 0, null));
        }
        log.append(calls, regs);
    }

    private static LoggedMessage message(long at, String text) {
        return new LoggedMessage(at, Direction.IN, "udp:192.0.2.1:5060", text, text);
    }
}
