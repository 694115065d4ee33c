package org.clearline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The call log's retention as bounded deletes: each statement removes at most
 * one chunk of the oldest rows, by the row's id (ids grow with insertion), so
 * no single DELETE runs long or holds many row locks while the writer appends.
 * Table and column names are ours, never input.
 */
final class PurgeStatements {
    /** Rows one retention step deletes per rule at most. */
    static final int DEFAULT_CHUNK = 1_000;

    private PurgeStatements() {}

    /** Deletes up to {@code chunk} rows of {@code table} whose {@code timeColumn} is before {@code beforeMillis}. */
    static int olderThan(Connection c, String table, String timeColumn, long beforeMillis, int chunk)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE id IN (SELECT id FROM " + table
                + " WHERE " + timeColumn + " < ? ORDER BY " + timeColumn + " FETCH FIRST ? ROWS ONLY)")) {
            s.setLong(1, beforeMillis);
            s.setInt(2, chunk);
            return s.executeUpdate();
        }
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
        try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE id IN (SELECT id FROM " + table
                + " ORDER BY id FETCH FIRST ? ROWS ONLY)")) {
            s.setInt(1, (int) Math.min(excess, chunk));
            return s.executeUpdate();
        }
    }
}
