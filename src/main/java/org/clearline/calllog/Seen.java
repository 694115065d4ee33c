package org.clearline.calllog;

import org.clearline.transport.OffHeapPool;
import org.clearline.transport.Peer;

/**
 * A message as the tap saw it pass: {@code length} bytes of {@code bytes} from
 * {@code offset}, valid only during the tap's call (a stream buffer is reused
 * for the next frame). A ladder that keeps it copies the bytes off the heap
 * ({@link WireMessage}); one that does not never copies them.
 */
record Seen(byte[] bytes, int offset, int length, boolean inbound, Peer peer, long atMillis) {
    static Seen whole(byte[] bytes, boolean inbound, Peer peer, long atMillis) {
        return new Seen(bytes, 0, bytes.length, inbound, peer, atMillis);
    }

    /** The kept copy, or null when direct memory is exhausted. */
    WireMessage copy(OffHeapPool pool) {
        return WireMessage.copyOf(pool, bytes, offset, length, inbound, peer, atMillis);
    }
}
