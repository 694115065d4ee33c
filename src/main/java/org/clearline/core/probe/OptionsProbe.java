package org.clearline.core.probe;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.clearline.syntax.HeaderNames;
import org.clearline.syntax.ParseResult;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipResponse;
import org.clearline.time.Scheduler;
import org.clearline.transaction.ClientTransaction;
import org.clearline.transaction.ClientTransactionListener;
import org.clearline.transaction.TransactionLayer;
import org.clearline.transport.Inbound;
import org.clearline.transport.Peer;

/**
 * One OPTIONS in flight: a non-INVITE client transaction (§17.1.2) whose first
 * final outcome completes {@link #result}. Everything here runs on the shard of
 * the request's Call-ID, so the fields need no lock. The wait is cut short at
 * the probe's limit: the transaction is then terminated (nothing more is sent)
 * and the probe reports a timeout, without waiting out Timer F.
 */
final class OptionsProbe implements ClientTransactionListener {
    final CompletableFuture<Reachability> result = new CompletableFuture<>();

    private final Scheduler shard;
    private final Peer destination;
    private long sentNanos;
    private ClientTransaction transaction;
    private Scheduler.Cancellable limit;

    OptionsProbe(Scheduler shard, Peer destination) {
        this.shard = shard;
        this.destination = destination;
    }

    /** Sends {@code request} (its Via already on top) and starts the wait. Call on the shard. */
    void start(TransactionLayer transactions, SipRequest request, Duration wait) {
        sentNanos = shard.clock().nanoTime();
        limit = shard.schedule(wait, () -> {
            if (transaction != null) transaction.terminate();
            finish(new Reachability.TimedOut(destination, wait.toMillis()));
        });
        // a failed send is reported later, on this shard, through onTransportError
        transaction = transactions.sendRequest(request, destination, this);
    }

    @Override
    public void onResponse(ClientTransaction tx, SipResponse response, Inbound inbound) {
        if (response.isProvisional()) return; // §11.2: the answer to OPTIONS is a final response
        finish(new Reachability.Answered(destination, response.status(), response.reason(), elapsedMillis(),
                response.header(HeaderNames.ALLOW), response.header(HeaderNames.USER_AGENT),
                response.header(HeaderNames.SERVER)));
    }

    @Override
    public void onTimeout(ClientTransaction tx) {
        // Timer F (64*T1) came before our own limit
        finish(new Reachability.TimedOut(destination, elapsedMillis()));
    }

    @Override
    public void onTransportError(ClientTransaction tx, Throwable cause) {
        finish(new Reachability.Unsendable(destination, describe(cause)));
    }

    @Override
    public void onInvalidResponse(ClientTransaction tx, ParseResult.Failure failure) {
        finish(new Reachability.Malformed(destination, failure.reasonPhrase(), elapsedMillis()));
    }

    private void finish(Reachability r) {
        if (result.isDone()) return;
        if (limit != null) limit.cancel();
        result.complete(r);
    }

    private long elapsedMillis() {
        return Duration.ofNanos(shard.clock().nanoTime() - sentNanos).toMillis();
    }

    /** The cause in one line: "connection refused" rather than a class name when there is a message. */
    static String describe(Throwable cause) {
        Throwable t = cause;
        while (t.getCause() != null && t.getCause() != t && t.getMessage() == null) t = t.getCause();
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m.strip().lines().findFirst().orElse(m);
    }
}
