package org.clearline.analyzer.packet;

/**
 * Source and destination address of a packet as numbers, for table keys (an
 * IPv4 address is the low 32 bits of {@code lo}).
 */
record HostPair(long srcHi, long srcLo, long dstHi, long dstLo) {
    static HostPair of(byte[] src, byte[] dst, int addressLength) {
        return new HostPair(high(src, addressLength), low(src, addressLength), high(dst, addressLength),
                low(dst, addressLength));
    }

    private static long high(byte[] a, int len) {
        return len == 16 ? word(a, 0) : 0;
    }

    private static long low(byte[] a, int len) {
        return len == 16 ? word(a, 8) : word4(a);
    }

    private static long word(byte[] a, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) v = v << 8 | (a[off + i] & 0xff);
        return v;
    }

    private static long word4(byte[] a) {
        return (a[0] & 0xffL) << 24 | (a[1] & 0xffL) << 16 | (a[2] & 0xffL) << 8 | (a[3] & 0xffL);
    }
}
