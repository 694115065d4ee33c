package org.clearline.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.concurrent.atomic.LongAdder;

/**
 * Makes {@link OffHeapBytes}: copies of message bytes in the direct memory pool
 * the transport's sockets use, for bytes that outlive the message they came
 * with (a call's ladder until the call ends). One pool per owner, so the owner
 * and its tests can see what it holds: {@link #live} counts copies not yet
 * released, {@link #doubleReleases} the bookkeeping errors.
 */
public final class OffHeapPool {
    private final LongAdder live = new LongAdder();
    private final LongAdder doubleReleases = new LongAdder();

    /**
     * A copy of {@code length} bytes of {@code source} from {@code offset}, or null
     * when direct memory is exhausted (the caller counts the message as not kept).
     */
    public OffHeapBytes copyOf(byte[] source, int offset, int length) {
        ByteBuf buffer;
        try {
            buffer = ByteBufAllocator.DEFAULT.directBuffer(length, length);
        } catch (OutOfMemoryError e) {  // Netty's OutOfDirectMemoryError: direct memory is at its limit
            return null;
        }
        buffer.writeBytes(source, offset, length);
        live.increment();
        return new OffHeapBytes(this, buffer, length);
    }

    /** A copy of all of {@code source}. */
    public OffHeapBytes copyOf(byte[] source) {
        return copyOf(source, 0, source.length);
    }

    void released() {
        live.decrement();
    }

    void releasedTwice() {
        doubleReleases.increment();
    }

    /** Copies made here and not yet released. */
    public long live() {
        return live.sum();
    }

    /** Releases of a copy already released: a bug in its holder's bookkeeping. */
    public long doubleReleases() {
        return doubleReleases.sum();
    }
}
