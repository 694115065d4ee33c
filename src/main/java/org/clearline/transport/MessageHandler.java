package org.clearline.transport;

/**
 * Upcall from the transport layer. Called on a transport I/O thread; the
 * implementation (the transaction layer) hands work to the shard that owns the
 * call and returns quickly.
 */
public interface MessageHandler {
    void onMessage(Inbound inbound);

    void onMalformed(Malformed malformed);
}
