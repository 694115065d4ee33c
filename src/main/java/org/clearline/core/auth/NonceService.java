package org.clearline.core.auth;

import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.clearline.time.Clock;

/**
 * Issues and checks nonces without keeping state per challenge: a nonce is the
 * issue time and a random salt plus an HMAC over both, so any shard (and later
 * any node sharing the key) can verify it. The salt makes every challenge's nonce
 * unique (RFC 2617 §3.2.1), even for challenges issued in the same millisecond,
 * whose nonce-counts must not collide. Nonces expire after {@code lifetimeMillis} and are then
 * answered with {@code stale=true} (RFC 2617 §3.2.1). The only state is the
 * highest nonce-count seen per nonce, which refuses replays (RFC 2617 §3.2.2).
 */
public final class NonceService {
    /** How a nonce checked out. */
    public enum Verdict { VALID, STALE, INVALID, REPLAYED }

    private static final int TIME_BYTES = 8;
    private static final int SALT_BYTES = 8;
    private static final int MAC_BYTES = 16;
    /** Nonce-counts kept before expired ones are dropped outside the periodic {@link #purge()}. */
    private static final int MAX_TRACKED_NONCES = 1_000_000;

    private final Clock clock;
    private final long lifetimeMillis;
    private final SecretKeySpec key;
    private final ThreadLocal<Mac> mac;
    private final NonceCounts highestCount = new NonceCounts(MAX_TRACKED_NONCES);

    public NonceService(Clock clock, long lifetimeMillis, byte[] secret) {
        this.clock = clock;
        this.lifetimeMillis = lifetimeMillis;
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.mac = ThreadLocal.withInitial(this::newMac);
    }

    /** A fresh random 32-byte key. */
    public static byte[] randomSecret() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return b;
    }

    public String issue() {
        long now = clock.epochMillis();
        long salt = java.util.concurrent.ThreadLocalRandom.current().nextLong();
        ByteBuffer buf = ByteBuffer.allocate(TIME_BYTES + SALT_BYTES + MAC_BYTES);
        buf.putLong(now).putLong(salt);
        buf.put(sign(now, salt), 0, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buf.array());
    }

    /**
     * Checks a nonce and, when {@code nc} is given (qop=auth), that its count is
     * higher than any seen before for that nonce.
     */
    public Verdict check(String nonce, String nc) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return Verdict.INVALID;
        }
        if (raw.length != TIME_BYTES + SALT_BYTES + MAC_BYTES) return Verdict.INVALID;
        ByteBuffer buf = ByteBuffer.wrap(raw);
        long issued = buf.getLong();
        long salt = buf.getLong();
        byte[] expected = sign(issued, salt);
        byte[] given = new byte[MAC_BYTES];
        buf.get(given);
        if (!MessageDigest.isEqual(java.util.Arrays.copyOf(expected, MAC_BYTES), given)) return Verdict.INVALID;
        long now = clock.epochMillis();
        if (now - issued > lifetimeMillis || issued - now > lifetimeMillis) return Verdict.STALE;
        if (nc == null) return Verdict.VALID;
        long count;
        try {
            count = Long.parseLong(nc, 16);
        } catch (NumberFormatException e) {
            return Verdict.INVALID;
        }
        return highestCount.advance(issued, salt, count, now - lifetimeMillis) ? Verdict.VALID : Verdict.REPLAYED;
    }

    /** Forgets nonce-counts of nonces that have expired anyway. */
    public void purge() {
        highestCount.purge(clock.epochMillis() - lifetimeMillis);
    }

    public int trackedNonces() {
        return highestCount.size();
    }

    private byte[] sign(long time, long salt) {
        Mac m = mac.get();
        m.update(ByteBuffer.allocate(TIME_BYTES + SALT_BYTES).putLong(time).putLong(salt).array());
        return m.doFinal();
    }

    private Mac newMac() {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            return m;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
