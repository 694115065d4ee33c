package org.clearline.calllog;

import org.clearline.transport.OffHeapBytes;
import org.clearline.transport.OffHeapPool;
import org.clearline.transport.Peer;

/**
 * One message of an exchange in progress as it went over the wire: a copy of
 * its bytes (received, or encoded for sending) outside the heap, never a parsed
 * message. An exchange lives a second or more, long enough for heap bytes to
 * survive young collections and be copied and promoted; off the heap they cost
 * the collector nothing.
 *
 * <p>Whoever holds one releases it exactly once: the ladder when it drops the
 * message, the queue when it drops the entry, the writer when it has stored it.
 */
record WireMessage(OffHeapBytes wire, boolean inbound, Peer peer, long atMillis) {
    /** A copy of {@code length} bytes of {@code bytes} from {@code offset}; null when there is no memory for it. */
    static WireMessage copyOf(OffHeapPool pool, byte[] bytes, int offset, int length, boolean inbound, Peer peer,
                              long atMillis) {
        OffHeapBytes copy = pool.copyOf(bytes, offset, length);
        return copy == null ? null : new WireMessage(copy, inbound, peer, atMillis);
    }

    int length() {
        return wire.length();
    }

    void release() {
        wire.release();
    }

    static void releaseAll(Iterable<WireMessage> messages) {
        for (WireMessage m : messages) m.release();
    }
}
