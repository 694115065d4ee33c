package org.clearline.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte array for {@link LadderEncoder}'s plains and blobs, without the
 * locking of ByteArrayOutputStream (the writer encodes every call). Its array and
 * size are the encoder's to read and set.
 */
final class LadderBytes {
    byte[] data;
    int size;

    LadderBytes(int capacity) {
        data = new byte[Math.max(16, capacity)];
    }

    void grow(int needed) {
        if (needed > data.length) data = Arrays.copyOf(data, Math.max(needed, data.length * 2));
    }

    void add(int b) {
        grow(size + 1);
        data[size++] = (byte) b;
    }

    void varLong(long v) {
        grow(size + 10);
        while ((v & ~0x7fL) != 0) {
            data[size++] = (byte) ((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        data[size++] = (byte) v;
    }

    void string(String s) {
        byte[] b = (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
        raw(b, b.length);
    }

    /** The first {@code length} bytes of {@code b}, length first. */
    void raw(byte[] b, int length) {
        raw(b, 0, length);
    }

    /** {@code b[offset, offset + length)}, length first. */
    void raw(byte[] b, int offset, int length) {
        varLong(length);
        grow(size + length);
        System.arraycopy(b, offset, data, size, length);
        size += length;
    }
}
