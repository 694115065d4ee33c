package org.clearline.calllog;

import org.clearline.failures.Situation;

/** Which 401/407 answers are the first half of a digest exchange (§22.2, §22.4) rather than its end. */
final class Challenges {
    /**
     * A client answers a challenge at once and retransmits a request for at most
     * 64*T1 (Timers B and F, §17.1.1.2, §17.1.2.2): an exchange challenged this
     * long ago and not answered since was given up.
     */
    static final long ANSWERED_WITHIN_MILLIS = 32_000;

    private Challenges() {}

    /**
     * True for a challenge the client answers under the same Call-ID: the first one,
     * a stale nonce (RFC 2617 §3.2.1), or one relayed from further on (null: not ours).
     * Wrong credentials, an unknown user or a replayed nonce end the attempt.
     */
    static boolean goesOn(Situation s) {
        return s == null || s == Situation.AUTH_REQUIRED || s == Situation.AUTH_PROXY_REQUIRED
                || s == Situation.AUTH_STALE_NONCE || s == Situation.AUTH_PROXY_STALE_NONCE;
    }
}
