package org.clearline.calllog;

import java.util.ArrayList;
import java.util.List;
import org.clearline.syntax.SipMessage;
import org.clearline.syntax.SipRequest;
import org.clearline.transport.Peer;

/**
 * The messages of one call in progress, in the order the transport saw them.
 * Only references are kept here (the hot path); text is made by the writer.
 * Messages arrive on I/O threads and shards, so the few methods synchronize
 * (uncontended: one call's messages mostly stay on one thread).
 */
final class CallTrace {
    /**
     * One message: {@code encoded} is null for inbound ones (encoded later by the writer);
     * {@code message} is null for a repeat sent from kept bytes ({@code MessageTap.outboundAgain}).
     */
    record Entry(SipMessage message, byte[] encoded, boolean inbound, Peer peer, long atMillis) {}

    private final SipRequest invite;
    private final Peer source;
    private final long startedAt;
    private final int maxMessages;
    private final List<Entry> entries = new ArrayList<>();
    private int dropped;
    private long refusedAt = -1;
    private long refusedCSeq;
    private boolean acknowledged;
    private long answeredAt = -1;
    private int answerCode;
    private int lastCode;
    private String lastSituation;

    CallTrace(SipRequest invite, Peer source, long startedAt, int maxMessages) {
        this.invite = invite;
        this.source = source;
        this.startedAt = startedAt;
        this.maxMessages = maxMessages;
    }

    synchronized void add(Entry e) {
        if (entries.size() < maxMessages) entries.add(e);
        else dropped++;
    }

    /** The call failed with this final response at {@code at}; it waits for the ACK of INVITE {@code cseq}. */
    synchronized void refused(int code, String situation, long at, long cseq) {
        refusedAt = at;
        refusedCSeq = cseq;
        lastCode = code;
        lastSituation = situation;
    }

    synchronized boolean isRefused() {
        return refusedAt >= 0;
    }

    synchronized long refusedAt() {
        return refusedAt;
    }

    synchronized long refusedCSeq() {
        return refusedCSeq;
    }

    synchronized void acknowledged() {
        acknowledged = true;
    }

    synchronized boolean isAcknowledged() {
        return acknowledged;
    }

    synchronized void answered(int code, long at) {
        if (answeredAt < 0) {
            answeredAt = at;
            answerCode = code;
        }
    }

    /** A challenge was sent; remembered in case the caller gives up. */
    synchronized void challenged(int code, String situation) {
        lastCode = code;
        lastSituation = situation;
    }

    synchronized int lastCode() {
        return lastCode;
    }

    synchronized String lastSituation() {
        return lastSituation;
    }

    synchronized boolean isAnswered() {
        return answeredAt >= 0;
    }

    synchronized int answerCode() {
        return answerCode;
    }

    synchronized long answeredAt() {
        return answeredAt;
    }

    synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    synchronized int dropped() {
        return dropped;
    }

    SipRequest invite() {
        return invite;
    }

    Peer source() {
        return source;
    }

    long startedAt() {
        return startedAt;
    }
}
