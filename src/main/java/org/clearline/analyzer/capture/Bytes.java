package org.clearline.analyzer.capture;

/** Unsigned integers from byte arrays in either byte order (capture files use the writer's). */
public final class Bytes {
    private Bytes() {}

    public static int u16(byte[] b, int off, boolean littleEndian) {
        int b0 = b[off] & 0xff;
        int b1 = b[off + 1] & 0xff;
        return littleEndian ? b0 | b1 << 8 : b0 << 8 | b1;
    }

    public static long u32(byte[] b, int off, boolean littleEndian) {
        long b0 = b[off] & 0xff;
        long b1 = b[off + 1] & 0xff;
        long b2 = b[off + 2] & 0xff;
        long b3 = b[off + 3] & 0xff;
        return littleEndian ? b0 | b1 << 8 | b2 << 16 | b3 << 24 : b0 << 24 | b1 << 16 | b2 << 8 | b3;
    }

    /** Network byte order (big endian), as in IP, UDP and TCP headers. */
    public static int u16(byte[] b, int off) {
        return (b[off] & 0xff) << 8 | (b[off + 1] & 0xff);
    }

    public static long u32(byte[] b, int off) {
        return u32(b, off, false);
    }
}
