package org.clearline.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the call log keeps its ladders (calllog V5): appended, a writer batch at
 * a time, to segment files beside the database ({@value #DIRECTORY}/), instead of
 * a compressed value in every row. H2 copied, cached and rewrote those bytes with
 * its pages, which cost the writer a third of its time per call (bench/RESULTS.md,
 * tenth pass); a file takes them with one write per batch.
 *
 * <p>A row names its ladder by segment, offset and length. The {@code ladder_segment}
 * table counts the rows that point into each segment, in the same transaction as
 * the rows: retention counts down as it deletes rows ({@link #release}) and
 * deletes a segment and its file at zero, except the newest, which a writer may
 * still be appending to. A file left without its row by a process that stopped in
 * between goes at the first retention round of the next process. A writer starts
 * a new segment when it starts and when one reaches {@link #MAX_SEGMENT_BYTES};
 * it never appends to a segment another process or an earlier run wrote, so a
 * cut tail (a crash) is never written after, and its rows, if any were committed,
 * read as missing, never as other messages.
 *
 * <p>Like H2's own file, a segment is not forced to disk per batch: a process that
 * dies loses nothing, an operating system that dies may lose the last seconds.
 * Not thread-safe for writing: the log has one writer thread. Reading is safe from
 * any thread or process.
 */
final class LadderSegments implements AutoCloseable {
    /** The directory of the segment files inside the data directory. */
    static final String DIRECTORY = "calllog-ladders";
    /** A segment file's name: its id in {@value #ID_DIGITS} digits, then this. */
    private static final String SUFFIX = ".ladders";
    private static final int ID_DIGITS = 12;
    /** A segment file grows to about this size before the writer starts the next one. */
    static final long MAX_SEGMENT_BYTES = 64L << 20;
    /**
     * No ladder is larger: a call keeps at most 256 KB of messages, and compressing
     * them never adds more than a few bytes per message.
     */
    static final int MAX_LADDER_BYTES = 16 << 20;

    private final Path dir;
    private final Jdbc.Runner database;
    private final long maxSegmentBytes;
    private FileChannel current;
    private long currentId = -1;
    private long currentSize;
    /** Whether this process looked for segment files without a row yet. */
    private boolean orphansDropped;

    /** The segments of the log in {@code dataDir}; new segment rows are written through {@code database}. */
    LadderSegments(Path dataDir, Jdbc.Runner database) {
        this(dataDir, database, MAX_SEGMENT_BYTES);
    }

    LadderSegments(Path dataDir, Jdbc.Runner database, long maxSegmentBytes) {
        this.dir = dataDir.resolve(DIRECTORY);
        this.database = database;
        this.maxSegmentBytes = maxSegmentBytes;
    }

    /** Where one ladder lies in its {@link Batch}: from {@code offset}, {@code length} bytes. */
    record Slot(int offset, int length) {}

    /** Where a batch went: its segment and the offset of its first byte there. */
    record Placed(long segment, long offset) {}

    /** The ladders of one writer batch, side by side, as one (gathering) write. */
    static final class Batch {
        private final List<byte[]> ladders = new ArrayList<>();
        private int size;

        /** Places {@code ladder} after the ones before; null for none. */
        Slot add(byte[] ladder) {
            if (ladder == null) return null;
            Slot slot = new Slot(size, ladder.length);
            ladders.add(ladder);
            size += ladder.length;
            return slot;
        }

        int entries() {
            return ladders.size();
        }

        long size() {
            return size;
        }

        /** The ladders as buffers for one gathering write, without copying them together. */
        ByteBuffer[] buffers() {
            ByteBuffer[] out = new ByteBuffer[ladders.size()];
            for (int i = 0; i < out.length; i++) out[i] = ByteBuffer.wrap(ladders.get(i));
            return out;
        }
    }

    /**
     * Appends {@code batch} to the current segment and counts its entries there,
     * in the caller's transaction on {@code c}; null for an empty batch. A segment
     * that retention dropped meanwhile (none of its rows left, and a newer one
     * began elsewhere) is left for a new one.
     */
    Placed write(Connection c, Batch batch) throws SQLException {
        if (batch.entries() == 0) return null;
        for (int attempt = 0; ; attempt++) {
            if (current == null || (currentSize > 0 && currentSize + batch.size() > maxSegmentBytes)) start();
            long offset = currentSize;
            append(batch);
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE ladder_segment SET entries = entries + ? WHERE id = ?")) {
                s.setInt(1, batch.entries());
                s.setLong(2, currentId);
                if (s.executeUpdate() == 1) return new Placed(currentId, offset);
            }
            if (attempt > 0) throw new SQLException("ladder segment " + currentId + " vanished as it was started");
            closeCurrent();
        }
    }

    /**
     * Reads {@code length} bytes of segment {@code segment} from {@code offset}; null
     * when they are not all there. A place no writer could have given (a damaged
     * row) is refused before anything is read.
     */
    byte[] read(long segment, long offset, int length) throws IOException {
        if (offset < 0 || length < 0 || length > MAX_LADDER_BYTES) {
            throw new IOException("no ladder is " + length + " bytes at " + offset + ": the row is damaged");
        }
        try (FileChannel f = FileChannel.open(file(segment), StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(length);
            while (buffer.hasRemaining()) {
                if (f.read(buffer, offset + buffer.position()) < 0) return null;
            }
            return buffer.array();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /**
     * Retention deleted rows that pointed into these segments (segment id to rows):
     * counts them down, in the deleting transaction on {@code c}.
     */
    static void release(Connection c, Map<Long, Integer> deleted) throws SQLException {
        if (deleted.isEmpty()) return;
        try (PreparedStatement s = c.prepareStatement("UPDATE ladder_segment SET entries = entries - ? WHERE id = ?")) {
            for (Map.Entry<Long, Integer> e : deleted.entrySet()) {
                s.setInt(1, e.getValue());
                s.setLong(2, e.getKey());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /**
     * Deletes the segments no row points into, but the newest (a writer may be
     * filling it), rows first, files after the commit; returns how many went. The
     * first call of each process also deletes the files of segments that have no
     * row at all ({@link #dropOrphans}).
     */
    int dropEmpty(Connection c) throws SQLException {
        List<Long> empty = Jdbc.inTransaction(c, tx -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement s = tx.prepareStatement("SELECT id FROM ladder_segment WHERE entries <= 0"
                    + " AND id < (SELECT MAX(id) FROM ladder_segment)");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) ids.add(r.getLong(1));
            }
            try (PreparedStatement s = tx.prepareStatement("DELETE FROM ladder_segment WHERE id = ? AND entries <= 0")) {
                for (long id : ids) {
                    s.setLong(1, id);
                    s.addBatch();
                }
                s.executeBatch();
            }
            return ids;
        });
        for (long id : empty) delete(id);
        int orphans = orphansDropped ? 0 : dropOrphans(c);
        orphansDropped = true;
        return empty.size() + orphans;
    }

    /**
     * Deletes segment files whose row is gone: a process that stopped between the
     * commit that dropped a segment's row and the deletion of its file leaves one,
     * and nothing else would ever delete it. The files are listed before the rows
     * are read: a writer commits a segment's row before it creates the file, so a
     * file already there has its row in what is read next, unless it was dropped.
     */
    private int dropOrphans(Connection c) throws SQLException {
        List<Long> files = new ArrayList<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path f : listing) {
                long id = segmentOf(f);
                if (id >= 0) files.add(id);
            }
        } catch (NoSuchFileException e) {
            return 0;  // no segment was ever written here
        } catch (IOException e) {
            throw new SQLException("could not list the ladder segments in " + dir + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) return 0;
        Set<Long> rows = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM ladder_segment");
             ResultSet r = s.executeQuery()) {
            while (r.next()) rows.add(r.getLong(1));
        }
        int n = 0;
        for (long id : files) {
            if (rows.contains(id)) continue;
            delete(id);
            n++;
        }
        return n;
    }

    private void delete(long segment) throws SQLException {
        try {
            Files.deleteIfExists(file(segment));
        } catch (IOException e) {
            throw new SQLException("could not delete ladder segment " + file(segment) + ": " + e.getMessage(), e);
        }
    }

    Path file(long segment) {
        return dir.resolve(String.format("%0" + ID_DIGITS + "d", segment) + SUFFIX);
    }

    /** The segment {@code f} is the file of (named as {@link #file} names it), or -1 for another file. */
    private static long segmentOf(Path f) {
        String name = f.getFileName().toString();
        if (name.length() != ID_DIGITS + SUFFIX.length() || !name.endsWith(SUFFIX)) return -1;
        for (int i = 0; i < ID_DIGITS; i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') return -1;
        }
        return Long.parseLong(name, 0, ID_DIGITS, 10);
    }

    /** A new segment: its row first, committed on its own (so it outlives a failed batch), then its file. */
    private void start() throws SQLException {
        closeCurrent();
        long id = database.run("new ladder segment", false, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO ladder_segment (entries) VALUES (0)",
                    new String[] {"ID"})) {
                s.executeUpdate();
                try (ResultSet key = s.getGeneratedKeys()) {
                    if (!key.next()) throw new SQLException("no id for a new ladder segment");
                    return key.getLong(1);
                }
            }
        });
        try {
            Files.createDirectories(dir);
            current = FileChannel.open(file(id), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new SQLException("could not create ladder segment " + file(id) + ": " + e.getMessage(), e);
        }
        currentId = id;
        currentSize = 0;
    }

    /** Writes {@code batch} at the end of the current segment (its channel's position: only this writer moves it). */
    private void append(Batch batch) throws SQLException {
        ByteBuffer[] buffers = batch.buffers();
        try {
            for (long left = batch.size(); left > 0; ) left -= current.write(buffers);
        } catch (IOException e) {
            Path failed = file(currentId);
            closeCurrent();  // what was written is nobody's: the next batch starts a new segment
            throw new SQLException("could not write ladder segment " + failed + ": " + e.getMessage(), e);
        }
        currentSize += batch.size();
    }

    private void closeCurrent() {
        if (current == null) return;
        try {
            current.close();
        } catch (IOException ignored) {
            // nothing was pending: every write went to the file when it returned
        }
        current = null;
        currentId = -1;
        currentSize = 0;
    }

    @Override
    public void close() {
        closeCurrent();
    }
}
