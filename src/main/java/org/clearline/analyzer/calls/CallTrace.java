package org.clearline.analyzer.calls;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The messages of one Call-ID while it is open. At most {@code maxMessages}
 * are kept: the first ones (the call's set-up) and a window of the latest (its
 * end); the ones between are only counted.
 */
public final class CallTrace {
    private final String callId;
    private final boolean continuation;
    private final int headLimit;
    private final int tailLimit;
    private final List<TraceMessage> head = new ArrayList<>();
    private final ArrayDeque<TraceMessage> tail = new ArrayDeque<>();
    /** 64-bit hashes of transaction, direction and status of the messages seen. */
    private final Set<Long> seen = new HashSet<>();
    private int dropped;
    private long firstMicros = -1;
    private long lastMicros = -1;
    private long textChars;
    private int count;
    private boolean settled;
    private int inviteFinal;

    CallTrace(String callId, boolean continuation, int maxMessages) {
        this.callId = callId;
        this.continuation = continuation;
        this.tailLimit = Math.max(1, maxMessages / 4);
        this.headLimit = Math.max(1, maxMessages - tailLimit);
    }

    public String callId() {
        return callId;
    }

    /** True when this Call-ID was seen before and its earlier messages were already closed as a call. */
    public boolean continuation() {
        return continuation;
    }

    /**
     * True when a message with the same transaction, direction and start
     * line was already seen: a retransmission (§17.1.1.2, §17.2.1, §13.3.1.4).
     */
    boolean isCopy(TraceMessage m) {
        long key = Hashes.of(m.transactionKey() + '|' + m.source() + '>' + m.destination() + '|' + m.status());
        if (seen.size() > 4 * (headLimit + tailLimit)) return false; // bounded; beyond it copies go unnoticed
        return !seen.add(key);
    }

    void add(TraceMessage m) {
        count++;
        settle(m);
        if (m.micros() >= 0) {
            if (firstMicros < 0 || m.micros() < firstMicros) firstMicros = m.micros();
            lastMicros = Math.max(lastMicros, m.micros());
        }
        if (m.text() != null) textChars += m.text().length();
        if (head.size() < headLimit) {
            head.add(m);
            return;
        }
        tail.addLast(m);
        if (tail.size() > tailLimit) {
            TraceMessage gone = tail.removeFirst();
            if (gone.text() != null) textChars -= gone.text().length();
            dropped++;
        }
    }

    /**
     * Whether the call's last transaction has ended, so nothing but stray
     * retransmissions will follow: a BYE or a request outside a dialog got its
     * final answer, or a refused INVITE its ACK (§17.1.1.3). An answered
     * INVITE is not settled: its dialog goes on until a BYE.
     */
    boolean settled() {
        return settled;
    }

    private void settle(TraceMessage m) {
        if (m.isRequest()) {
            settled = m.isMethod("ACK") && inviteFinal >= 300;
        } else if (m.isFinal() && !m.isMethod("CANCEL")) {
            if (m.isMethod("INVITE")) {
                inviteFinal = m.status();
                settled = m.status() >= 300 && m.reliable(); // over UDP the ACK is still to come
            } else {
                settled = true;
            }
        }
    }

    /** The kept messages in time order (trace order where times are missing or equal). */
    public List<TraceMessage> messages() {
        List<TraceMessage> all = new ArrayList<>(head.size() + tail.size());
        all.addAll(head);
        all.addAll(tail);
        boolean timed = all.stream().allMatch(m -> m.micros() >= 0);
        if (timed) all.sort(Comparator.comparingLong(TraceMessage::micros).thenComparingLong(TraceMessage::seq));
        return all;
    }

    /** Messages seen but not kept. */
    public int dropped() {
        return dropped;
    }

    /** Every message seen. */
    public int count() {
        return count;
    }

    public long firstMicros() {
        return firstMicros;
    }

    public long lastMicros() {
        return lastMicros;
    }

    /** Characters of message text this call holds (for the grouper's budget). */
    long textChars() {
        return textChars;
    }
}
