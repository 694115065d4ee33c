package org.clearline.syntax;

import java.util.ArrayList;
import java.util.List;

/** Building responses from requests (§8.2.6.2). */
public final class Responses {
    private Responses() {}

    /** {@link #create(SipRequest, int, String, String)} with the standard reason phrase and no To tag. */
    public static SipResponse create(SipRequest request, int status) {
        return create(request, status, reasonPhrase(status), null);
    }

    /**
     * The reason phrase §21 (and the RFCs that add codes) gives a status code;
     * for an unknown code, the phrase of its class (§21: "x00" of the class).
     */
    public static String reasonPhrase(int status) {
        return switch (status) {
            case 100 -> "Trying";
            case 180 -> "Ringing";
            case 181 -> "Call Is Being Forwarded";
            case 182 -> "Queued";
            case 183 -> "Session Progress";
            case 200 -> "OK";
            case 202 -> "Accepted";
            case 300 -> "Multiple Choices";
            case 301 -> "Moved Permanently";
            case 302 -> "Moved Temporarily";
            case 305 -> "Use Proxy";
            case 380 -> "Alternative Service";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 402 -> "Payment Required";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 407 -> "Proxy Authentication Required";
            case 408 -> "Request Timeout";
            case 410 -> "Gone";
            case 413 -> "Request Entity Too Large";
            case 414 -> "Request-URI Too Long";
            case 415 -> "Unsupported Media Type";
            case 416 -> "Unsupported URI Scheme";
            case 420 -> "Bad Extension";
            case 421 -> "Extension Required";
            case 423 -> "Interval Too Brief";
            case 480 -> "Temporarily Unavailable";
            case 481 -> "Call/Transaction Does Not Exist";
            case 482 -> "Loop Detected";
            case 483 -> "Too Many Hops";
            case 484 -> "Address Incomplete";
            case 485 -> "Ambiguous";
            case 486 -> "Busy Here";
            case 487 -> "Request Terminated";
            case 488 -> "Not Acceptable Here";
            case 489 -> "Bad Event";
            case 491 -> "Request Pending";
            case 493 -> "Undecipherable";
            case 500 -> "Server Internal Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Server Time-out";
            case 505 -> "Version Not Supported";
            case 513 -> "Message Too Large";
            case 600 -> "Busy Everywhere";
            case 603 -> "Decline";
            case 604 -> "Does Not Exist Anywhere";
            case 606 -> "Not Acceptable";
            default -> switch (status / 100) {
                case 1 -> "Trying";
                case 2 -> "OK";
                case 3 -> "Multiple Choices";
                case 4 -> "Bad Request";
                case 5 -> "Server Internal Error";
                default -> "Busy Everywhere";
            };
        };
    }

    /**
     * A provisional or success response (1xx, 2xx) made by us. Failures (3xx-6xx)
     * are made only from the failure catalogue ({@code FailureResponses}), so every
     * one of them has a situation that explains it; ArchitectureTest keeps it so.
     *
     * @throws IllegalArgumentException for a status of 300 or more
     */
    public static SipResponse success(SipRequest request, int status, String reason, String toTag) {
        if (status < 100 || status >= 300) {
            throw new IllegalArgumentException("status " + status + " is not 1xx/2xx: use the failure catalogue");
        }
        return create(request, status, reason, toTag);
    }

    /**
     * A response to {@code request}: Via lines, From, To, Call-ID and CSeq copied
     * (§8.2.6.2), Content-Length 0. {@code toTag}, when non-null and the To has no
     * tag yet, is added to the To header.
     */
    public static SipResponse create(SipRequest request, int status, String reason, String toTag) {
        List<Header> hs = new ArrayList<>(8);
        for (Header h : request.headers()) {
            String n = h.name();
            if (n == HeaderNames.VIA || n == HeaderNames.FROM || n == HeaderNames.CALL_ID
                    || n == HeaderNames.CSEQ) {
                hs.add(h);
            } else if (n == HeaderNames.TO) {
                if (toTag != null && request.to() != null && request.to().tag() == null) {
                    hs.add(new Header(n, h.value() + ";tag=" + toTag));
                } else {
                    hs.add(h);
                }
            }
        }
        hs.add(new Header(HeaderNames.CONTENT_LENGTH, "0"));
        return new SipResponse(status, reason, hs, null);
    }
}
