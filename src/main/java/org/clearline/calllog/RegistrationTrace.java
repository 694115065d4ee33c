package org.clearline.calllog;

/**
 * One registration attempt in progress: the messages of one Call-ID from one
 * source, from the first REGISTER through a 401 challenge and the REGISTER
 * with credentials to the final response (§10.2, §22.4). Synchronized like
 * {@link CallTrace}.
 */
final class RegistrationTrace extends Exchange {
    private final long startedAt;
    /** The last final response we sent (401 included), 0 before. */
    private int lastCode;
    /** What the registrar said about its last challenge, and to which account. */
    private String challengeSituation;
    private String challengedSipId;
    /** The highest CSeq of its REGISTERs. */
    private long cseq;

    /** {@code keepsMessages} false: the attempt began while the log was lean, it keeps its summary only. */
    RegistrationTrace(long startedAt, boolean keepsMessages) {
        super(4, keepsMessages);  // REGISTER, 401, REGISTER with credentials, the final response (§22.4)
        this.startedAt = startedAt;
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

    long startedAt() {
        return startedAt;
    }
}
