package org.clearline.transaction;

import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipResponse;
import org.clearline.time.Scheduler;
import org.clearline.transport.Inbound;

/**
 * A server transaction as the proxy reports it once its final response went out:
 * for tests of what the TU's outcome hooks do with it, only its request matters.
 */
public record Finished(SipRequest request) implements ServerTransaction {
    @Override public Inbound inbound() { return null; }
    @Override public boolean isInvite() { return request.isInvite(); }
    @Override public void respond(SipResponse response) { throw new UnsupportedOperationException(); }
    @Override public boolean finalSent() { return true; }
    @Override public Scheduler scheduler() { throw new UnsupportedOperationException(); }
    @Override public void setListener(ServerTransactionListener listener) { throw new UnsupportedOperationException(); }
}
