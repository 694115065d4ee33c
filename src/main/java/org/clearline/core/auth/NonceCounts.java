package org.clearline.core.auth;

/**
 * The highest nonce-count seen per nonce (RFC 2617 §3.2.2, RFC 7616 §3.4), the
 * only state digest authentication keeps. A nonce is known by the two numbers it
 * carries, its issue time and its random salt, so an entry is three longs in
 * open-addressed tables rather than a string, a boxed count and a map node: at
 * 1750 calls/s about 170,000 nonces are in their lifetime at once, and with the
 * strings that was 20 MB the GC had to carry.
 *
 * <p>Thread-safe: the entries are spread over stripes by a hash of the nonce,
 * each stripe guarded by its own lock, so the I/O threads rarely meet. There
 * are many stripes so that each one's arrays stay small: with 32, a million
 * nonces (a REGISTER flood at 7000/s) made every array 512 KB and 16 bytes,
 * just over half of a 1 MB G1 region, so each was a humongous object taking a
 * region of its own: 96 MB of a 512 MB heap for 49 MB of counts, never moved
 * or compacted (bench/RESULTS.md, twenty-fifth pass). A stripe
 * that grows beyond its share of {@code maxEntries} first drops the entries of
 * expired nonces; entries of live nonces are never dropped, since forgetting one
 * would let its requests be replayed.
 */
final class NonceCounts {
    /** The top bits of a nonce's hash that pick its stripe. */
    private static final int STRIPE_BITS = 8;
    static final int STRIPES = 1 << STRIPE_BITS;
    private static final int MIN_CAPACITY = 16;

    private final Stripe[] stripes = new Stripe[STRIPES];
    private final int maxPerStripe;

    NonceCounts(int maxEntries) {
        this.maxPerStripe = Math.max(1, maxEntries / STRIPES);
        for (int i = 0; i < STRIPES; i++) stripes[i] = new Stripe();
    }

    /**
     * Records {@code count} for the nonce issued at {@code issued} with {@code salt},
     * when it is higher than every count seen for it before; false when it is not
     * (a replay; a count of zero or less is never valid). When the stripe is over
     * its share of the bound, entries of nonces issued before {@code expiredBefore}
     * are dropped first.
     */
    boolean advance(long issued, long salt, long count, long expiredBefore) {
        if (count <= 0) return false;
        long h = mix(issued, salt);
        Stripe s = stripes[(int) (h >>> (Long.SIZE - STRIPE_BITS))];  // the top bits pick the stripe, the low the slot
        synchronized (s) {
            if (s.size >= maxPerStripe) s.dropIssuedBefore(expiredBefore);
            return s.advance(issued, salt, count, (int) h);
        }
    }

    /** Drops the entries of nonces issued before {@code expiredBefore}; returns how many. */
    int purge(long expiredBefore) {
        int dropped = 0;
        for (Stripe s : stripes) {
            synchronized (s) {
                dropped += s.dropIssuedBefore(expiredBefore);
            }
        }
        return dropped;
    }

    /** How many nonces have a count recorded. */
    int size() {
        int n = 0;
        for (Stripe s : stripes) {
            synchronized (s) {
                n += s.size;
            }
        }
        return n;
    }

    /** The bytes of the largest array a stripe holds now. */
    long largestArrayBytes() {
        long largest = 0;
        for (Stripe s : stripes) {
            synchronized (s) {
                largest = Math.max(largest, (long) s.counts.length * Long.BYTES);
            }
        }
        return largest;
    }

    /** A 64-bit finalizer (MurmurHash3's fmix64) over both numbers: the salt is random, but not to be relied on. */
    private static long mix(long issued, long salt) {
        long h = salt ^ (issued * 0x9E3779B97F4A7C15L);
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB93FE1A85EC9L;
        return h ^ (h >>> 33);
    }

    /** Linear probing in three parallel arrays; a count of 0 marks a free slot (stored counts are positive). */
    private static final class Stripe {
        long[] issued = new long[MIN_CAPACITY];
        long[] salts = new long[MIN_CAPACITY];
        long[] counts = new long[MIN_CAPACITY];
        int size;
        /** The earliest issue time held (Long.MAX_VALUE when empty): whether dropping can free anything. */
        long oldest = Long.MAX_VALUE;

        boolean advance(long at, long salt, long count, int hash) {
            int mask = counts.length - 1;
            for (int i = hash & mask; ; i = (i + 1) & mask) {
                if (counts[i] == 0) {
                    if (2 * (size + 1) > counts.length) {  // keep at most half the slots in use
                        rebuild(counts.length * 2, Long.MIN_VALUE);
                        return advance(at, salt, count, hash);
                    }
                    issued[i] = at;
                    salts[i] = salt;
                    counts[i] = count;
                    size++;
                    oldest = Math.min(oldest, at);
                    return true;
                }
                if (issued[i] == at && salts[i] == salt) {
                    if (count <= counts[i]) return false;
                    counts[i] = count;
                    return true;
                }
            }
        }

        int dropIssuedBefore(long expiredBefore) {
            if (oldest >= expiredBefore) return 0;  // the common case when full of live nonces: no scan
            int live = 0;
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] != 0 && issued[i] >= expiredBefore) live++;
            }
            int dropped = size - live;
            if (dropped == 0) return 0;
            int capacity = MIN_CAPACITY;
            while (2 * live > capacity) capacity *= 2;
            rebuild(capacity, expiredBefore);
            return dropped;
        }

        /** Moves the entries issued at or after {@code keepFrom} into new arrays of {@code capacity} slots. */
        private void rebuild(int capacity, long keepFrom) {
            long[] oldIssued = issued;
            long[] oldSalts = salts;
            long[] oldCounts = counts;
            issued = new long[capacity];
            salts = new long[capacity];
            counts = new long[capacity];
            size = 0;
            oldest = Long.MAX_VALUE;
            int mask = capacity - 1;
            for (int j = 0; j < oldCounts.length; j++) {
                if (oldCounts[j] == 0 || oldIssued[j] < keepFrom) continue;
                int i = (int) mix(oldIssued[j], oldSalts[j]) & mask;
                while (counts[i] != 0) i = (i + 1) & mask;
                issued[i] = oldIssued[j];
                salts[i] = oldSalts[j];
                counts[i] = oldCounts[j];
                size++;
                oldest = Math.min(oldest, oldIssued[j]);
            }
        }
    }
}
