package org.clearline.admin.server;

import org.clearline.transport.Inbound;
import org.clearline.transport.Malformed;
import org.clearline.transport.MessageHandler;

/**
 * The transport's handler during start-up: messages that arrive in the moment
 * between binding the sockets and plugging in the transaction layer are dropped
 * (the sender retransmits), never handled half-wired.
 */
final class HandlerHolder implements MessageHandler {
    private volatile MessageHandler target;

    void set(MessageHandler handler) {
        this.target = handler;
    }

    @Override
    public void onMessage(Inbound inbound) {
        MessageHandler t = target;
        if (t != null) t.onMessage(inbound);
    }

    @Override
    public void onMalformed(Malformed malformed) {
        MessageHandler t = target;
        if (t != null) t.onMalformed(malformed);
    }
}
