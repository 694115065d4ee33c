package org.clearline.analyzer.diagnosis;

import java.util.Locale;
import org.clearline.analyzer.calls.TraceMessage;
import org.clearline.failures.Situation;

/**
 * Which catalogue situation a failure response stands for, judged from what
 * the trace shows. Nothing on the wire names the situation, so each code is
 * matched to the situation its evidence supports (credentials in the request,
 * stale=true in the challenge, a repeated Via, a number as the dialled user,
 * Retry-After...); a dialled telephone number stands for a trunk where a name
 * stands for a phone (404, 408, 503). A code whose situations the trace cannot tell apart, or that
 * the catalogue only knows as relayed (486 from a phone, 403 to a
 * registration), gets none: the report then explains the code in general,
 * exactly as {@code clearline explain} does for a relayed answer.
 */
final class SituationMatcher {
    /** The shortest dialled number told apart from a name (RFC 3966 digits, optionally with "+"). */
    private static final int MIN_NUMBER_DIGITS = 3;

    private SituationMatcher() {}

    /**
     * @param request the request the final response answered, or null when the trace lacks it
     * @param answer  the final response
     * @param viaLoop the trace shows the request's Via repeating a hop (§16.3 step 4)
     */
    static Situation forFailure(TraceMessage request, TraceMessage answer, boolean viaLoop) {
        boolean credentials = request != null && request.facts().authUser() != null;
        String method = answer.method();
        return switch (answer.status()) {
            case 301 -> Situation.CALLEE_MOVED_PERMANENTLY;
            case 302 -> Situation.CALLEE_MOVED_TEMPORARILY;
            case 400 -> "REGISTER".equals(method) && mentions(answer.reason(), "contact")
                    ? Situation.REGISTER_BAD_CONTACT : Situation.REQUEST_MALFORMED;
            case 401 -> !credentials ? Situation.AUTH_REQUIRED
                    : answer.facts().staleChallenge() ? Situation.AUTH_STALE_NONCE : Situation.AUTH_WRONG_CREDENTIALS;
            case 407 -> !credentials ? Situation.AUTH_PROXY_REQUIRED
                    : answer.facts().staleChallenge() ? Situation.AUTH_PROXY_STALE_NONCE
                    : Situation.AUTH_PROXY_WRONG_CREDENTIALS;
            case 403 -> "INVITE".equals(method) ? Situation.CALL_NOT_PERMITTED : null;
            case 404 -> request != null && dialsNumber(request) ? Situation.NUMBER_NO_ROUTE : Situation.CALLEE_UNKNOWN;
            case 405 -> Situation.REQUEST_METHOD_NOT_ALLOWED;
            case 408 -> request != null && dialsNumber(request) ? Situation.TRUNK_NO_ANSWER : Situation.CALLEE_NO_ANSWER;
            case 416 -> Situation.REQUEST_UNSUPPORTED_SCHEME;
            case 420 -> Situation.REQUEST_BAD_EXTENSION;
            case 423 -> Situation.REGISTER_INTERVAL_TOO_BRIEF;
            case 480 -> Situation.CALLEE_OFFLINE;
            case 481 -> Situation.DIALOG_UNKNOWN;
            case 482 -> viaLoop ? Situation.REQUEST_LOOP : Situation.FORWARD_LOOP;
            case 483 -> Situation.REQUEST_TOO_MANY_HOPS;
            case 487 -> Situation.CALL_CANCELLED;
            case 488 -> media(request, answer);
            case 500 -> Situation.SERVER_INTERNAL_ERROR;
            case 501 -> Situation.REQUEST_METHOD_NOT_IMPLEMENTED;
            case 502 -> Situation.CALLEE_INVALID_RESPONSE;
            case 503 -> answer.facts().retryAfter() ? Situation.SERVER_OVERLOADED
                    : request != null && dialsNumber(request) ? Situation.TRUNK_UNREACHABLE : Situation.CALLEE_UNREACHABLE;
            case 505 -> Situation.REQUEST_BAD_VERSION;
            case 513 -> Situation.REQUEST_TOO_LARGE;
            case 603 -> Situation.CALLEE_REJECTED;
            default -> null;
        };
    }

    /** 488: an offer that could not be read, SRTP asked for, or else no acceptable codec (§21.4.26). */
    static Situation media(TraceMessage request, TraceMessage answer) {
        if (request != null && request.facts().sdp() != null && request.facts().sdp().problem() != null) {
            return Situation.MEDIA_UNREADABLE;
        }
        String warning = answer.facts().warning();
        if (warning != null && mentions(warning, "srtp")) return Situation.MEDIA_SRTP_REQUIRED;
        return Situation.MEDIA_CODEC_NOT_ALLOWED;
    }

    /** The dialled user is a telephone number: digits, perhaps a leading "+" and visual separators. */
    static boolean dialsNumber(TraceMessage request) {
        String uri = request.facts().requestUri();
        if (uri == null) return false;
        if (uri.startsWith("tel:")) return true;
        int colon = uri.indexOf(':');
        int at = uri.indexOf('@');
        if (colon < 0 || at <= colon + 1) return false;
        String user = uri.substring(colon + 1, at);
        int semi = user.indexOf(';');
        if (semi >= 0) user = user.substring(0, semi);
        int digits = 0;
        for (int i = 0; i < user.length(); i++) {
            char c = user.charAt(i);
            if (c >= '0' && c <= '9') digits++;
            else if (!(c == '+' && i == 0) && c != '-' && c != '.' && c != '(' && c != ')') return false;
        }
        return digits >= MIN_NUMBER_DIGITS;
    }

    private static boolean mentions(String text, String word) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(word);
    }
}
