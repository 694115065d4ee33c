package org.clearline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The call log's retention as bounded deletes: each statement removes at most
 * one chunk of the oldest rows, by the row's id (ids grow with insertion), so
 * no single DELETE runs long or holds many row locks while the writer appends.
 * Each delete is one transaction with the release of the ladder segments its
 * rows pointed into ({@link LadderSegments#release}). Table and column names are
 * ours, never input.
 */
final class PurgeStatements {
    /** Rows one retention step deletes per rule at most. */
    static final int DEFAULT_CHUNK = 1_000;

    private PurgeStatements() {}

    /** Deletes up to {@code chunk} rows of {@code table} whose {@code timeColumn} is before {@code beforeMillis}. */
    static int olderThan(Connection c, String table, String timeColumn, long beforeMillis, int chunk)
            throws SQLException {
        return delete(c, table, "SELECT id FROM " + table + " WHERE " + timeColumn + " < ? ORDER BY " + timeColumn
                + " FETCH FIRST ? ROWS ONLY", s -> {
                    s.setLong(1, beforeMillis);
                    s.setInt(2, chunk);
                });
    }

    /** Deletes up to {@code chunk} of the oldest rows of {@code table} beyond the newest {@code keep}. */
    static int beyond(Connection c, String table, int keep, int chunk) throws SQLException {
        long rows;
        // H2 answers a plain COUNT(*) from the table's row count, without a scan
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + table);
             ResultSet r = s.executeQuery()) {
            r.next();
            rows = r.getLong(1);
        }
        long excess = rows - Math.max(0, keep);
        if (excess <= 0) return 0;
        return delete(c, table, "SELECT id FROM " + table + " ORDER BY id FETCH FIRST ? ROWS ONLY",
                s -> s.setInt(1, (int) Math.min(excess, chunk)));
    }

    /**
     * Deletes the rows of {@code table} whose ids {@code ids} selects and releases
     * their ladder segments, in one transaction; returns the rows deleted. The
     * deleted rows themselves (H2's OLD TABLE) say which segments they used, so two
     * purges deleting at once never count a row twice.
     */
    private static int delete(Connection c, String table, String ids, Jdbc.Binder binder) throws SQLException {
        return Jdbc.inTransaction(c, tx -> {
            int deleted = 0;
            Map<Long, Integer> released = new HashMap<>();
            try (PreparedStatement s = tx.prepareStatement("SELECT ladder_segment, COUNT(*) FROM OLD TABLE (DELETE FROM "
                    + table + " WHERE id IN (" + ids + ")) GROUP BY ladder_segment")) {
                binder.bind(s);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        long segment = r.getLong(1);
                        boolean none = r.wasNull();
                        int n = r.getInt(2);
                        deleted += n;
                        if (!none) released.merge(segment, n, Integer::sum);
                    }
                }
            }
            LadderSegments.release(tx, released);
            return deleted;
        });
    }
}
