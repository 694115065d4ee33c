package org.clearline.failures;

import org.clearline.syntax.HeaderNames;
import org.clearline.syntax.Responses;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipResponse;

/**
 * The one place failure responses are made: a {@link Situation} plus the
 * request gives the response with the catalogue's code and reason. Callers add
 * situation-specific headers (WWW-Authenticate, Min-Expires, Unsupported,
 * Retry-After...) to the result.
 */
public final class FailureResponses {
    private FailureResponses() {}

    /** The response for {@code situation}, with {@code toTag} added to To if the request had none. */
    public static SipResponse create(SipRequest request, Situation situation, String toTag) {
        return Responses.create(request, situation.code(), situation.reason(), toTag);
    }

    /**
     * Like {@link #create} but with a more precise reason phrase, for the
     * situations where the phrase should name what is wrong (400 naming the bad
     * header). The status code still comes from the catalogue.
     */
    public static SipResponse create(SipRequest request, Situation situation, String reason, String toTag) {
        return Responses.create(request, situation.code(), reason == null ? situation.reason() : printable(reason), toTag);
    }

    /** A reason phrase may hold no control characters (§25.1 Reason-Phrase); we also keep it short. */
    private static String printable(String reason) {
        StringBuilder sb = new StringBuilder(Math.min(reason.length(), 120));
        for (int i = 0; i < reason.length() && sb.length() < 120; i++) {
            char c = reason.charAt(i);
            sb.append(c < 0x20 || c == 0x7f ? ' ' : c);
        }
        return sb.toString();
    }

    /** Adds {@code Retry-After} (§20.33) in seconds. */
    public static SipResponse withRetryAfter(SipResponse response, int seconds) {
        response.setHeader(HeaderNames.RETRY_AFTER, Integer.toString(seconds));
        return response;
    }
}
