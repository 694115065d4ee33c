package org.clearline.syntax;

import java.util.ArrayList;
import java.util.List;

/** Building responses from requests (§8.2.6.2). */
public final class Responses {
    private Responses() {}

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
