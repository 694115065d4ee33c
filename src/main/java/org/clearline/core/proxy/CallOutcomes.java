package org.clearline.core.proxy;

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
}
