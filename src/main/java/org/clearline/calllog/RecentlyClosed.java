package org.clearline.calllog;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exchanges closed a moment ago, with the highest CSeq they had. Over UDP a
 * client retransmits its request until a response arrives (at most every T2 =
 * 4 s, §17.1.2.2) and the transaction answers a late copy again; without this
 * a copy arriving after the close would start a new, phantom attempt in the
 * log. A request of a recently closed key with a CSeq not above the closed one
 * is such a copy.
 *
 * <p>Two generations of {@link #GENERATION_MILLIS} each, the older dropped
 * whole when a new one starts: no sweep, and memory bounded by the close rate
 * times two generations (and by {@code max} per generation).
 */
final class RecentlyClosed {
    /** Each generation spans this long; a key is remembered for one to two of them (2 T2). */
    static final long GENERATION_MILLIS = 8_000;

    private final int max;
    private volatile Map<String, Long> current = new ConcurrentHashMap<>();
    private volatile Map<String, Long> previous = new ConcurrentHashMap<>();
    private long currentSince = Long.MIN_VALUE;

    RecentlyClosed(int max) {
        this.max = max;
    }

    void remember(String key, long cseq, long nowMillis) {
        Map<String, Long> now = generation(nowMillis);
        if (now.size() < max) now.put(key, cseq);
    }

    /** True when a request with {@code cseq} repeats one of an exchange closed a moment ago. */
    boolean isRetransmission(String key, long cseq) {
        Long c = current.get(key);
        if (c == null) c = previous.get(key);
        return c != null && cseq <= c;
    }

    private synchronized Map<String, Long> generation(long nowMillis) {
        if (currentSince == Long.MIN_VALUE) currentSince = nowMillis;
        if (nowMillis - currentSince >= GENERATION_MILLIS) {
            previous = current;
            // sized for as many as the last generation had: growing from empty, the table would be
            // copied a dozen times over under load, on the threads that close calls
            current = new ConcurrentHashMap<>(Math.min(previous.size(), max));
            currentSince = nowMillis;
        }
        return current;
    }

    int size() {
        return current.size() + previous.size();
    }
}
