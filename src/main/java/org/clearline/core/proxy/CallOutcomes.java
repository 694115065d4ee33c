package org.clearline.core.proxy;

import org.clearline.core.routing.Routing;
import org.clearline.failures.Situation;
import org.clearline.transaction.ServerTransaction;

/**
 * Told when the proxy has sent the final response to a request (the call log
 * and per-call summaries hook in here). {@code situation} is null when the
 * response was relayed from a callee rather than made by us.
 */
@FunctionalInterface
public interface CallOutcomes {
    CallOutcomes NONE = (tx, status, situation) -> {};

    void finished(ServerTransaction transaction, int status, Situation situation);

    /**
     * The router decided where the initial request of {@code transaction} goes:
     * once at first, and again each time a failed fork continues (a busy or
     * no-answer forward, a trunk failover). The call log learns the route from
     * it; called on the call's shard, so it must only keep references.
     */
    default void routed(ServerTransaction transaction, Routing decision) {}
}
