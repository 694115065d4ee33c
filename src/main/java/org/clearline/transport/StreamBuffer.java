package org.clearline.transport;

import io.netty.buffer.ByteBuf;

/**
 * The bytes of one TCP connection not yet framed, in a plain byte[] so the
 * framer and parser read them in place (one copy out of Netty's buffers, no
 * more). The array grows by doubling (a peer dribbling one byte per read costs
 * amortised O(1) per byte) and is dropped whenever it empties, so an idle
 * connection holds no buffer at all.
 */
final class StreamBuffer {
    private static final int MIN_CAPACITY = 1024;

    private byte[] array;
    private int start;
    private int end;

    /** Appends every readable byte of {@code in} (does not release it). */
    void append(ByteBuf in) {
        int n = in.readableBytes();
        if (n == 0) return;
        ensureRoom(n);
        in.readBytes(array, end, n);
        end += n;
    }

    /** Appends {@code n} bytes of {@code src} (tests and direct feeding). */
    void append(byte[] src, int offset, int n) {
        if (n == 0) return;
        ensureRoom(n);
        System.arraycopy(src, offset, array, end, n);
        end += n;
    }

    byte[] array() {
        return array;
    }

    int start() {
        return start;
    }

    int readable() {
        return end - start;
    }

    boolean isEmpty() {
        return end == start;
    }

    /** Consumes {@code n} bytes; releases the array once nothing is left. */
    void skip(int n) {
        if (n < 0 || n > readable()) throw new IllegalArgumentException("cannot skip " + n + " of " + readable());
        start += n;
        if (start == end) clear();
    }

    void clear() {
        array = null;
        start = 0;
        end = 0;
    }

    private void ensureRoom(int n) {
        if (array == null) {
            array = new byte[Math.max(n, MIN_CAPACITY)];
            return;
        }
        if (end + n <= array.length) return;
        int live = end - start;
        if (live + n <= array.length && start >= live) {
            // Plenty of consumed space in front: slide the live bytes down.
            System.arraycopy(array, start, array, 0, live);
        } else {
            byte[] bigger = new byte[Math.max(array.length * 2, live + n)];
            System.arraycopy(array, start, bigger, 0, live);
            array = bigger;
        }
        start = 0;
        end = live;
    }
}
