package org.clearline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The segment files of the call log's ladders, on a real log database. */
class LadderSegmentsTest {
    @TempDir Path dir;
    CallLogDatabase database;
    Jdbc.Runner runner;

    @BeforeEach
    void open() {
        database = new CallLogDatabase(dir);
        runner = new Jdbc.Runner() {
            @Override
            public <T> T run(String what, boolean transaction, Jdbc.Work<T> work) {
                try (Connection c = database.connection()) {
                    return transaction ? Jdbc.inTransaction(c, work) : work.run(c);
                } catch (SQLException e) {
                    throw new StoreException(what + ": " + e.getMessage(), e);
                }
            }
        };
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void batchesGoSideBySideAndASegmentIsFollowedByTheNextBeforeItOutgrowsItsSize() throws Exception {
        try (LadderSegments segments = new LadderSegments(dir, runner, 100)) {
            LadderSegments.Batch first = batch(new byte[] {1, 2, 3}, null, new byte[] {4, 5});
            assertThat(write(segments, first)).isEqualTo(new LadderSegments.Placed(1, 0));
            LadderSegments.Batch second = batch(filled(50, (byte) 7));
            assertThat(write(segments, second)).as("55 bytes fit in 100").isEqualTo(new LadderSegments.Placed(1, 5));
            assertThat(write(segments, batch(filled(60, (byte) 8)))).as("115 would not")
                    .isEqualTo(new LadderSegments.Placed(2, 0));
            assertThat(write(segments, batch(filled(300, (byte) 9)))).as("a batch larger than a segment has its own")
                    .isEqualTo(new LadderSegments.Placed(3, 0));
            assertThat(write(segments, batch((byte[]) null))).as("a batch without ladders writes nothing").isNull();

            assertThat(segments.read(1, 3, 2)).containsExactly(4, 5);
            assertThat(segments.read(1, 5, 50)).isEqualTo(filled(50, (byte) 7));
            assertThat(segments.read(3, 0, 300)).isEqualTo(filled(300, (byte) 9));
            assertThat(segments.read(1, 50, 10)).as("past the end: not all there").isNull();
            assertThat(segments.read(9, 0, 1)).as("no such segment").isNull();
            assertThatThrownBy(() -> segments.read(1, 0, Integer.MAX_VALUE)).as("a damaged row's length")
                    .isInstanceOf(java.io.IOException.class).hasMessage("no ladder is 2147483647 bytes at 0: the row is damaged");
            assertThatThrownBy(() -> segments.read(1, -5, 2)).isInstanceOf(java.io.IOException.class);
            assertThat(entries(1)).isEqualTo(3);
        }
    }

    @Test
    void aWriterThatFindsItsSegmentDroppedWritesTheBatchToANewOne() throws Exception {
        try (LadderSegments segments = new LadderSegments(dir, runner)) {
            assertThat(write(segments, batch(new byte[] {1}))).isEqualTo(new LadderSegments.Placed(1, 0));
            sql("DELETE FROM ladder_segment WHERE id = 1");
            assertThat(write(segments, batch(new byte[] {2, 3}))).isEqualTo(new LadderSegments.Placed(2, 0));
            assertThat(segments.read(2, 0, 2)).containsExactly(2, 3);
            assertThat(entries(2)).isEqualTo(1);
        }
    }

    @Test
    void emptySegmentsGoWithTheirFilesButTheNewest() throws Exception {
        for (int i = 0; i < 3; i++) {  // three writers one after the other: three segments
            try (LadderSegments segments = new LadderSegments(dir, runner)) {
                write(segments, batch(new byte[] {(byte) i}));
            }
        }
        sql("UPDATE ladder_segment SET entries = 0");
        try (LadderSegments segments = new LadderSegments(dir, runner)) {
            assertThat(runner.run("purge", false, segments::dropEmpty)).isEqualTo(2);
            assertThat(Files.exists(segments.file(1))).isFalse();
            assertThat(Files.exists(segments.file(2))).isFalse();
            assertThat(segments.read(3, 0, 1)).as("the newest, empty or not, stays").containsExactly(2);
        }
    }

    @Test
    void segmentFilesWithoutARowGoAtTheFirstPurgeOfAProcess() throws Exception {
        for (int i = 1; i <= 2; i++) {  // two writers one after the other: segments 1 and 2
            try (LadderSegments segments = new LadderSegments(dir, runner)) {
                write(segments, batch(new byte[] {(byte) i}));
            }
        }
        // a process that stopped after dropping segment 1's row and before deleting its file,
        // and a file whose row never made it to disk
        sql("DELETE FROM ladder_segment WHERE id = 1");
        Path ladders = dir.resolve(LadderSegments.DIRECTORY);
        Files.write(ladders.resolve("000000000007.ladders"), new byte[] {7});
        Path notOurs = Files.writeString(ladders.resolve("notes.ladders"), "not a segment");
        try (LadderSegments segments = new LadderSegments(dir, runner)) {
            assertThat(runner.run("purge", false, segments::dropEmpty)).isEqualTo(2);
            assertThat(segments.file(1)).doesNotExist();
            assertThat(segments.file(7)).doesNotExist();
            assertThat(segments.read(2, 0, 1)).as("a segment with its row stays").containsExactly(2);
            assertThat(notOurs).as("a file not named as a segment is left alone").exists();

            // what a crash leaves is found once per process; later purges only drop empty segments
            Files.write(segments.file(8), new byte[] {8});
            assertThat(runner.run("purge", false, segments::dropEmpty)).isZero();
            assertThat(segments.file(8)).exists();
        }
    }

    private LadderSegments.Placed write(LadderSegments segments, LadderSegments.Batch batch) {
        return runner.run("write", true, c -> segments.write(c, batch));
    }

    private static LadderSegments.Batch batch(byte[]... ladders) {
        LadderSegments.Batch b = new LadderSegments.Batch();
        for (byte[] l : ladders) b.add(l);
        return b;
    }

    private static byte[] filled(int n, byte value) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, value);
        return b;
    }

    private int entries(long segment) {
        return runner.run("count", false, c -> {
            try (var s = c.prepareStatement("SELECT entries FROM ladder_segment WHERE id = ?")) {
                s.setLong(1, segment);
                try (var r = s.executeQuery()) {
                    r.next();
                    return r.getInt(1);
                }
            }
        });
    }

    private void sql(String statement) {
        runner.run("sql", false, c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate(statement);
            }
        });
    }
}
