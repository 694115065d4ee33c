package org.clearline.analyzer.report;

import org.clearline.analyzer.diagnosis.Diagnosis;

/**
 * One line of the summary: a call, registration or other request.
 *
 * @param callId          the Call-ID
 * @param startMicros     time of its first message (µs since 1970, UTC), or -1
 * @param endMicros       time of its last message, or -1
 * @param from            the From URI of its opening request, or empty
 * @param to              the To URI, or empty
 * @param requestUri      the Request-URI of the opening request, or empty
 * @param diagnosis       the verdict
 * @param messages        messages seen (retransmissions included)
 * @param retransmissions copies among them
 * @param continuation    its Call-ID was seen before in the trace, long enough ago to be closed in between
 */
public record CallSummary(String callId, long startMicros, long endMicros, String from, String to, String requestUri,
                          Diagnosis diagnosis, int messages, int retransmissions, boolean continuation) {

    /** The user part of {@link #from} ("alice" of "sip:alice@example.com"), or the whole URI. */
    public String fromUser() {
        return user(from);
    }

    public String toUser() {
        return user(to);
    }

    static String user(String uri) {
        if (uri == null || uri.isEmpty()) return "";
        int colon = uri.indexOf(':');
        int at = uri.indexOf('@');
        if (colon >= 0 && at > colon + 1) return uri.substring(colon + 1, at);
        return uri;
    }
}
