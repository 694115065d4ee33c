package org.clearline.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How the call log finds a call or a registration attempt by Call-ID: one row
 * of keys per batch the writer appends ({@code call_log_keys},
 * {@code registration_log_keys}), holding for each row of the batch the low 32
 * bits of its Call-ID's hash ({@link #hash}) and the row's distance from the
 * batch's first row, 8 bytes a row. A lookup reads the keys newest first and
 * fetches only the rows whose key matches, comparing the Call-ID, so a key
 * shared by two Call-IDs costs one more row read, never a wrong answer. The
 * newest attempt with a Call-ID is in the newest batch that has one (attempts
 * with one Call-ID follow one another); within it, the one that began last.
 *
 * <p>Until calllog V6 and V7, each row added an entry to an index keyed by the
 * minute and the hash: at several thousand calls a second those entries, each
 * at its own place of the current minute's part of the index, were a quarter of
 * what the writer spent per call (bench/RESULTS.md, eleventh pass). A batch's
 * keys are one value instead. Lookups are rarer than calls by far, and the keys
 * of a million rows are 8 MB, read in a few milliseconds.
 */
final class CallLogKeys {
    /** Bytes per row: the hash's low 32 bits, the row's distance from the batch's first row. */
    static final int ENTRY_BYTES = 8;

    /** The two logs, each with the table of its keys. */
    enum Log {
        CALLS("call_log", "call_log_keys"),
        REGISTRATIONS("registration_log", "registration_log_keys");

        final String table;
        final String keys;

        Log(String table, String keys) {
            this.table = table;
            this.keys = keys;
        }
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    });

    private CallLogKeys() {}

    /**
     * The first 8 bytes of SHA-256 of {@code callId}'s UTF-8, big-endian: what the
     * calllog migrations V2 and V3 computed in SQL for the rows written before.
     */
    static long hash(String callId) {
        byte[] d = SHA256.get().digest((callId == null ? "" : callId).getBytes(StandardCharsets.UTF_8));
        long key = 0;
        for (int i = 0; i < 8; i++) key = (key << 8) | (d[i] & 0xff);
        return key;
    }

    /** The part of {@code callId}'s hash a batch keeps. */
    static int key(String callId) {
        return (int) hash(callId);
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

    /** Stores the keys of {@code log}'s rows {@code ids} (as the insert returned them), in the batch's transaction. */
    static void append(Connection c, Log log, int[] keys, long[] ids) throws SQLException {
        if (ids.length == 0) return;
        long first = ids[0];
        long last = ids[0];
        for (long id : ids) {
            first = Math.min(first, id);
            last = Math.max(last, id);
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO " + log.keys + " (first_row, last_row, keys) VALUES (?, ?, ?)")) {
            s.setLong(1, first);
            s.setLong(2, last);
            s.setBytes(3, encode(keys, ids, first));
            s.executeUpdate();
        }
    }

    /** What a lookup does with the rows of one batch whose key matches; true ends the lookup. */
    interface Candidates {
        boolean test(long[] rowIds) throws SQLException;
    }

    /**
     * Offers {@code candidates} the ids of {@code log}'s rows whose key is
     * {@code callId}'s, a batch at a time, the newest batch first, until it accepts
     * some; false when none were accepted. The keys of a batch are all read and
     * nothing else is read for batches without a match.
     */
    static boolean find(Connection c, Log log, String callId, Candidates candidates) throws SQLException {
        int key = key(callId);
        try (PreparedStatement s = c.prepareStatement("SELECT first_row, keys FROM " + log.keys + " ORDER BY id DESC");
             ResultSet rows = s.executeQuery()) {
            long[] ids = new long[4];
            while (rows.next()) {
                long first = rows.getLong(1);
                ByteBuffer keys = ByteBuffer.wrap(rows.getBytes(2));
                int n = 0;
                for (int at = 0; at + ENTRY_BYTES <= keys.limit(); at += ENTRY_BYTES) {
                    if (keys.getInt(at) != key) continue;
                    if (n == ids.length) ids = Arrays.copyOf(ids, 2 * n);
                    ids[n++] = first + keys.getInt(at + 4);
                }
                if (n > 0 && candidates.test(Arrays.copyOf(ids, n))) return true;
            }
        }
        return false;
    }

    /** Retention: drops the keys of batches none of whose rows are left; returns how many batches. */
    static int dropUnused(Connection c, Log log) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM " + log.keys + " WHERE last_row < "
                + "(SELECT COALESCE(MIN(id), " + Long.MAX_VALUE + ") FROM " + log.table + ")")) {
            return s.executeUpdate();
        }
    }
}
