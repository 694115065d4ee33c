package org.clearline.analyzer.diagnosis;

import java.util.ArrayList;
import java.util.List;
import org.clearline.analyzer.calls.TraceMessage;

/**
 * The messages of one transaction as the trace shows them (§17): its request
 * with any retransmissions, and its responses in order.
 */
final class Transaction {
    final String key;
    final String method;
    final long cseq;
    final String branch;
    final List<TraceMessage> requests = new ArrayList<>(1);
    final List<TraceMessage> responses = new ArrayList<>(2);

    Transaction(TraceMessage first) {
        this.key = first.transactionKey();
        this.method = first.method();
        this.cseq = first.cseq();
        this.branch = first.branch();
    }

    /** The first copy of the request, or null when the trace only holds responses. */
    TraceMessage request() {
        return requests.isEmpty() ? null : requests.getFirst();
    }

    /** The first final response, or null. */
    TraceMessage finalResponse() {
        for (TraceMessage r : responses) {
            if (r.isFinal()) return r;
        }
        return null;
    }

    /** The first 2xx, or null. */
    TraceMessage success() {
        for (TraceMessage r : responses) {
            if (r.status() >= 200 && r.status() < 300) return r;
        }
        return null;
    }

    boolean hasProvisional() {
        return responses.stream().anyMatch(r -> r.status() < 200);
    }
}
