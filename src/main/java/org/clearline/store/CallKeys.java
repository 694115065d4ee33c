package org.clearline.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The log's index key of a Call-ID: the first 8 bytes of SHA-256 of its UTF-8,
 * big-endian, exactly what the calllog migration V2 computes in SQL for rows
 * written before. Small and evenly spread, so the index stays a quarter of the
 * size a Call-ID index had; lookups compare the Call-ID as well, so two
 * Call-IDs sharing a key only cost a second row read.
 */
final class CallKeys {
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    });

    private CallKeys() {}

    static long of(String callId) {
        byte[] d = SHA256.get().digest((callId == null ? "" : callId).getBytes(StandardCharsets.UTF_8));
        long key = 0;
        for (int i = 0; i < 8; i++) key = (key << 8) | (d[i] & 0xff);
        return key;
    }
}
