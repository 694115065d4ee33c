package org.clearline.store;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How the call log finds a call by Call-ID: one row of {@code call_log_keys}
 * per batch the writer appends, holding for each call of the batch the low 32
 * bits of its Call-ID's hash ({@link CallKeys#hash}) and its row's place after
 * the batch's first row, 8 bytes a call. A lookup reads these rows newest
 * first and fetches only the rows whose hash matches, comparing the Call-ID,
 * so a hash shared by two Call-IDs costs one more row read, never a wrong
 * answer.
 *
 * <p>Until calllog V6, each call added an entry to an index on its key: at
 * several thousand calls a second those entries, each at its own place of the
 * current minute's part of the index, were a quarter of what the writer spent
 * per call (bench/RESULTS.md, eleventh pass). A batch's keys are one value
 * instead. Lookups are rarer than calls by far, and reading the keys of a
 * million calls is 8 MB.
 */
final class CallLogKeys {
    /** Bytes per call: the hash's low 32 bits, the row's distance from the batch's first row. */
    static final int ENTRY_BYTES = 8;

    private CallLogKeys() {}

    /** The part of {@code callId}'s hash a batch keeps. */
    static int key(String callId) {
        return (int) CallKeys.hash(callId);
    }

    /**
     * The keys of one batch: {@code keys[i]} for the row {@code ids[i]}; all ids
     * within 2^31 of the smallest, which the batch's first row is.
     */
    static byte[] encode(int[] keys, long[] ids, long firstRow) {
        ByteBuffer out = ByteBuffer.allocate(keys.length * ENTRY_BYTES);
        for (int i = 0; i < keys.length; i++) {
            out.putInt(keys[i]).putInt(Math.toIntExact(ids[i] - firstRow));
        }
        return out.array();
    }

    /** Stores the keys of the rows {@code ids} (as the insert returned them), in the batch's transaction. */
    static void append(Connection c, int[] keys, long[] ids) throws SQLException {
        if (ids.length == 0) return;
        long first = ids[0];
        long last = ids[0];
        for (long id : ids) {
            first = Math.min(first, id);
            last = Math.max(last, id);
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO call_log_keys (first_row, last_row, keys) VALUES (?, ?, ?)")) {
            s.setLong(1, first);
            s.setLong(2, last);
            s.setBytes(3, encode(keys, ids, first));
            s.executeUpdate();
        }
    }

    /** What a lookup does with each row whose key matches, newest first; true ends the lookup. */
    interface Candidate {
        boolean test(long rowId) throws SQLException;
    }

    /**
     * Offers {@code candidate} the ids of the rows whose key is {@code callId}'s,
     * the newest batch first and within it the last row first, until it accepts
     * one; false when none was accepted.
     */
    static boolean find(Connection c, String callId, Candidate candidate) throws SQLException {
        int key = key(callId);
        try (PreparedStatement s = c.prepareStatement("SELECT first_row, keys FROM call_log_keys ORDER BY id DESC");
             ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                long first = rows.getLong(1);
                ByteBuffer keys = ByteBuffer.wrap(rows.getBytes(2));
                for (int at = keys.limit() - ENTRY_BYTES; at >= 0; at -= ENTRY_BYTES) {
                    if (keys.getInt(at) == key && candidate.test(first + keys.getInt(at + 4))) return true;
                }
            }
        }
        return false;
    }

    /** Retention: drops the keys of batches none of whose rows are left; returns how many batches. */
    static int dropUnused(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM call_log_keys WHERE last_row < "
                + "(SELECT COALESCE(MIN(id), " + Long.MAX_VALUE + ") FROM call_log)")) {
            return s.executeUpdate();
        }
    }
}
