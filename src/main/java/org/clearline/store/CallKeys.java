package org.clearline.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The log's index key of a Call-ID, for the minute the attempt started in: the
 * minute since the epoch in the top bits, the low {@value #HASH_BITS} bits of a
 * hash of the Call-ID below it. So rows written now all go to the newest end of
 * the index, a few cached pages, instead of random places in a tree as large as
 * the log (at 1750 calls/s those random inserts read pages back from the file
 * and left the page cache full of garbage for the GC). A lookup by Call-ID alone
 * probes every minute the log holds ({@link #MINUTE_FACTOR}), each probe one
 * index look-up, and compares the Call-ID as well, so keys that collide cost a
 * second row read, never a wrong answer.
 *
 * <p>The hash is the first 8 bytes of SHA-256 of the Call-ID's UTF-8, big-endian,
 * what the calllog migrations compute in SQL for rows written before (V2, V3).
 * 26 bits of minutes last until the year 2097.
 */
final class CallKeys {
    static final int HASH_BITS = 37;
    /** A key is {@code minute * MINUTE_FACTOR + (hash & HASH_MASK)}. */
    static final long MINUTE_FACTOR = 1L << HASH_BITS;
    static final long HASH_MASK = MINUTE_FACTOR - 1;
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    });

    private CallKeys() {}

    /** The key of an attempt with {@code callId} that started at {@code atMillis}. */
    static long of(String callId, long atMillis) {
        return minute(atMillis) * MINUTE_FACTOR + lowBits(callId);
    }

    /** The minute since the epoch that a key of {@code atMillis} starts with (0 for times before 1970). */
    static long minute(long atMillis) {
        return Math.max(0, atMillis) / 60_000;
    }

    /** The part of every key of {@code callId} that does not depend on the time. */
    static long lowBits(String callId) {
        return hash(callId) & HASH_MASK;
    }

    /** The first 8 bytes of SHA-256 of {@code callId}'s UTF-8, big-endian. */
    static long hash(String callId) {
        byte[] d = SHA256.get().digest((callId == null ? "" : callId).getBytes(StandardCharsets.UTF_8));
        long key = 0;
        for (int i = 0; i < 8; i++) key = (key << 8) | (d[i] & 0xff);
        return key;
    }
}
