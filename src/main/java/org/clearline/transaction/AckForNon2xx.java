package org.clearline.transaction;

import java.util.ArrayList;
import java.util.List;
import org.clearline.syntax.Header;
import org.clearline.syntax.HeaderNames;
import org.clearline.syntax.Methods;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipResponse;

/**
 * The ACK a client INVITE transaction sends for a 300-699 response (§17.1.1.3).
 * It is part of the INVITE transaction, hop by hop, so it goes where the INVITE
 * went and carries the INVITE's branch.
 */
final class AckForNon2xx {
    private AckForNon2xx() {}

    static SipRequest build(SipRequest invite, SipResponse response) {
        List<Header> headers = new ArrayList<>(8);
        // §17.1.1.3: one Via, equal to the top Via of the original request.
        headers.add(new Header(HeaderNames.VIA, invite.topVia().toString()));
        // §17.1.1.3: the Route header fields of the original request, so the ACK follows the INVITE.
        for (Header h : invite.headers()) {
            if (h.is(HeaderNames.ROUTE)) headers.add(new Header(HeaderNames.ROUTE, h.value()));
        }
        // §8.1.1.6: every request carries Max-Forwards; reuse the INVITE's (already decremented by a proxy).
        String maxForwards = invite.header(HeaderNames.MAX_FORWARDS);
        if (maxForwards != null) headers.add(new Header(HeaderNames.MAX_FORWARDS, maxForwards));
        // §17.1.1.3: Call-ID and From as in the request, To as in the response (it carries the tag).
        headers.add(new Header(HeaderNames.FROM, invite.header(HeaderNames.FROM)));
        headers.add(new Header(HeaderNames.TO, response.header(HeaderNames.TO)));
        headers.add(new Header(HeaderNames.CALL_ID, invite.header(HeaderNames.CALL_ID)));
        // §17.1.1.3: the CSeq number of the request, the method ACK.
        headers.add(new Header(HeaderNames.CSEQ, invite.cseq().number() + " " + Methods.ACK));
        headers.add(new Header(HeaderNames.CONTENT_LENGTH, "0"));
        // §17.1.1.3: the Request-URI of the request being acknowledged.
        return new SipRequest(Methods.ACK, invite.requestUri(), headers, null);
    }
}
