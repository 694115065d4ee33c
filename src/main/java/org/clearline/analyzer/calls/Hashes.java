package org.clearline.analyzer.calls;

/**
 * 64-bit FNV-1a hashes of strings: sets of keys kept per call or per trace
 * hold 8-byte numbers instead of the strings (at 64 bits a collision within a
 * trace is not to be expected).
 */
final class Hashes {
    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private Hashes() {}

    static long of(String s) {
        long h = OFFSET;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            h = (h ^ (c & 0xff)) * PRIME;
            h = (h ^ (c >>> 8)) * PRIME;
        }
        return h;
    }
}
