package org.clearline.calllog;

import java.util.List;

/**
 * One registration attempt in progress: the messages of one Call-ID from one
 * source, from the first REGISTER through a 401 challenge and the REGISTER
 * with credentials to the final response (§10.2, §22.4). Synchronized like
 * {@link CallTrace}.
 */
final class RegistrationTrace {
    private final long startedAt;
    private final Ladder ladder = new Ladder();
    /** The last final response we sent (401 included), 0 before. */
    private int lastCode;
    /** What the registrar said about its last challenge, and to which account. */
    private String challengeSituation;
    private String challengedSipId;
    /** The highest CSeq of its REGISTERs. */
    private long cseq;

    RegistrationTrace(long startedAt) {
        this.startedAt = startedAt;
    }

    synchronized void add(WireMessage m, Ladder.Limits limits, LogQueue budget) {
        ladder.add(m, limits, budget);
    }

    synchronized void requested(long number) {
        if (number > cseq) cseq = number;
    }

    synchronized long cseq() {
        return cseq;
    }

    synchronized void responded(int status) {
        if (status >= 200) lastCode = status;
    }

    synchronized int lastCode() {
        return lastCode;
    }

    synchronized void challenged(String situation, String sipId) {
        challengeSituation = situation;
        challengedSipId = sipId;
    }

    synchronized String challengeSituation() {
        return challengeSituation;
    }

    synchronized String challengedSipId() {
        return challengedSipId;
    }

    synchronized List<WireMessage> entries() {
        return ladder.messages();
    }

    synchronized int dropped() {
        return ladder.dropped();
    }

    synchronized long heldBytes() {
        return ladder.bytes();
    }

    /** Ends the trace's ladder (see {@link Ladder#close}). */
    synchronized Ladder.Closed close() {
        return ladder.close();
    }

    long startedAt() {
        return startedAt;
    }
}
