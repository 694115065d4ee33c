package org.clearline.analyzer.diagnosis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clearline.analyzer.calls.RecentInvites;
import org.clearline.analyzer.calls.TraceMessage;

/**
 * A closed call prepared for the rules: its messages in time order, its
 * transactions in order of appearance, and the request that opened it.
 */
final class CallView {
    final List<TraceMessage> messages;
    final Map<String, Transaction> transactions = new LinkedHashMap<>();
    /** The first request without a To tag (§12.1: it opens a dialog or stands alone), else the first request. */
    final TraceMessage initial;
    /** The latest time of the whole trace when the call was closed, or -1. */
    final long traceNow;
    final RecentInvites invites;

    CallView(List<TraceMessage> messages, long traceNow, RecentInvites invites) {
        this.messages = List.copyOf(messages);
        this.traceNow = traceNow;
        this.invites = invites;
        TraceMessage opening = null;
        TraceMessage firstRequest = null;
        for (TraceMessage m : messages) {
            Transaction t = transactions.computeIfAbsent(m.transactionKey(), k -> new Transaction(m));
            if (m.isRequest()) {
                t.requests.add(m);
                if (firstRequest == null) firstRequest = m;
                if (opening == null && m.toTag() == null && !m.isMethod("ACK") && !m.isMethod("CANCEL")) opening = m;
            } else {
                t.responses.add(m);
            }
        }
        this.initial = opening != null ? opening : firstRequest;
    }

    /**
     * The attempts of the opening request: the initial requests of its method
     * from the same sender, in order (a request answered 401/407 or 3xx is sent
     * again as a new transaction, §22.2, §8.1.3.4).
     */
    List<Transaction> attempts() {
        List<Transaction> out = new ArrayList<>(2);
        if (initial == null) return out;
        for (Transaction t : transactions.values()) {
            TraceMessage r = t.request();
            if (r != null && r.method().equals(initial.method()) && r.toTag() == null
                    && r.source().equals(initial.source())) {
                out.add(t);
            }
        }
        return out;
    }

    /** Transactions of {@code method} in order of appearance. */
    List<Transaction> transactions(String method) {
        List<Transaction> out = new ArrayList<>(2);
        for (Transaction t : transactions.values()) {
            if (t.method.equals(method)) out.add(t);
        }
        return out;
    }

    Transaction transactionOf(TraceMessage m) {
        return transactions.get(m.transactionKey());
    }
}
