package org.clearline.core.proxy;

import java.util.concurrent.ThreadLocalRandom;
import org.clearline.syntax.HeaderNames;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.Via;

/**
 * Branch values that make loops detectable (§16.6 step 8, §16.3 step 4): our
 * branch is {@code z9hG4bK<hash>.<random>}, where the hash covers the request
 * fields that a loop leaves unchanged and a spiral (a request that comes back
 * with a new Request-URI) changes. A request that arrives carrying a Via of ours
 * whose hash equals the hash of the request now is a loop.
 */
final class LoopDetection {
    private static final String PREFIX = Via.MAGIC_COOKIE + "cl";

    private LoopDetection() {}

    /** The loop-relevant hash of a request, after our own Route entries were removed. */
    static String hash(SipRequest r) {
        long h = 0xcbf29ce484222325L;
        h = mix(h, r.requestUri().toString());
        h = mix(h, r.to() == null ? null : r.to().tag());
        h = mix(h, r.from() == null ? null : r.from().tag());
        h = mix(h, r.callId());
        h = mix(h, r.cseq() == null ? null : Long.toString(r.cseq().number()));
        h = mix(h, r.header(HeaderNames.PROXY_REQUIRE));
        h = mix(h, r.header(HeaderNames.PROXY_AUTHORIZATION));
        for (String route : r.headerValues(HeaderNames.ROUTE)) h = mix(h, route);
        return Long.toHexString(h);
    }

    /** A new branch for forwarding a request with loop hash {@code hash}. */
    static String branch(String hash) {
        return PREFIX + hash + '.' + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    }

    /** The loop hash inside one of our branches, or null if the branch is not ours. */
    static String hashOf(String branch) {
        if (branch == null || !branch.startsWith(PREFIX)) return null;
        int dot = branch.indexOf('.', PREFIX.length());
        return dot < 0 ? null : branch.substring(PREFIX.length(), dot);
    }

    /** FNV-1a over the characters, with a separator so that field boundaries count. */
    private static long mix(long h, String s) {
        if (s != null) {
            for (int i = 0; i < s.length(); i++) {
                h ^= s.charAt(i);
                h *= 0x100000001b3L;
            }
        }
        h ^= 0x1f;
        h *= 0x100000001b3L;
        return h;
    }
}
