package org.clearline.admin.server;

import org.clearline.transaction.ServerTransaction;
import org.clearline.transaction.TransactionUser;
import org.clearline.transport.Inbound;
import org.clearline.transport.Malformed;

/** Breaks the construction cycle between the transaction layer and the core that uses it. */
final class TuHolder implements TransactionUser {
    private volatile TransactionUser target;

    void set(TransactionUser tu) {
        this.target = tu;
    }

    @Override
    public void onRequest(ServerTransaction transaction) {
        target.onRequest(transaction);
    }

    @Override
    public void onAck(Inbound ack) {
        target.onAck(ack);
    }

    @Override
    public void onStrayResponse(Inbound response) {
        target.onStrayResponse(response);
    }

    @Override
    public void onMalformed(Malformed malformed) {
        target.onMalformed(malformed);
    }
}
