package org.clearline.transport;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * A copy of a message's bytes kept outside the Java heap ({@link OffHeapPool}).
 * On the heap, bytes that live a second or more survive young collections and
 * are copied and promoted; here the garbage collector never sees them.
 *
 * <p>Whoever holds one must {@link #release} it exactly once, on every path,
 * and must not read it afterwards. A second release does nothing and is counted
 * by the pool.
 */
public final class OffHeapBytes {
    private static final AtomicIntegerFieldUpdater<OffHeapBytes> RELEASED =
            AtomicIntegerFieldUpdater.newUpdater(OffHeapBytes.class, "released");

    private final OffHeapPool pool;
    private final ByteBuf buffer;
    private final int length;
    private volatile int released;

    OffHeapBytes(OffHeapPool pool, ByteBuf buffer, int length) {
        this.pool = pool;
        this.buffer = buffer;
        this.length = length;
    }

    public int length() {
        return length;
    }

    /** The bytes as a read-only buffer from its position to its limit; valid until {@link #release}. */
    public ByteBuffer view() {
        checkLive();
        return buffer.nioBuffer(buffer.readerIndex(), length).asReadOnlyBuffer();
    }

    /** The bytes copied back onto the heap. */
    public byte[] toArray() {
        checkLive();
        byte[] out = new byte[length];
        buffer.getBytes(buffer.readerIndex(), out);
        return out;
    }

    /** Gives the memory back to the pool; the first call does, later ones are counted and ignored. */
    public void release() {
        if (RELEASED.compareAndSet(this, 0, 1)) {
            buffer.release();
            pool.released();
        } else {
            pool.releasedTwice();
        }
    }

    public boolean isReleased() {
        return released != 0;
    }

    private void checkLive() {
        if (released != 0) throw new IllegalStateException("message bytes read after they were released");
    }
}
