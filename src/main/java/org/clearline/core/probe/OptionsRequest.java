package org.clearline.core.probe;

import java.util.ArrayList;
import java.util.List;
import org.clearline.store.Registration;
import org.clearline.syntax.Header;
import org.clearline.syntax.HeaderNames;
import org.clearline.syntax.Methods;
import org.clearline.syntax.NameAddr;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipSyntaxException;
import org.clearline.syntax.SipUri;
import org.clearline.syntax.Uri;

/**
 * The OPTIONS request of a probe (§11.1, built as §8.1.1 asks of a UAC) and the
 * next hop it goes to. It takes the path a call to the binding takes (§16.6
 * steps 6-7, as the proxy forwards to a contact): the binding's Path (RFC 3327)
 * as Route set on top, else straight to the Contact. The caller adds the Via.
 */
final class OptionsRequest {
    /** §8.1.1.6: a UAC starts Max-Forwards at 70. */
    static final int MAX_FORWARDS = 70;
    /** The user part of our From: the server itself asks, not one of its accounts. */
    static final String FROM_USER = "clearline";

    private OptionsRequest() {}

    /** A request ready for its Via, and the URI whose host and port decide where it goes. */
    record Prepared(SipRequest request, SipUri nextHop) {}

    /**
     * The OPTIONS for {@code binding}, or null when its Contact (or Path) is not a
     * sip/sips URI we can send to; {@code problem} then receives why.
     */
    static Prepared prepare(Registration binding, String domain, String callId, String fromTag,
                            StringBuilder problem) {
        Uri contact;
        List<NameAddr> path;
        try {
            contact = Uri.parse(binding.contact());
            path = binding.path().isEmpty() ? List.of() : NameAddr.parseList(binding.path());
        } catch (SipSyntaxException e) {
            problem.append("the registered contact or path does not parse: ").append(e.getMessage());
            return null;
        }
        if (!(contact instanceof SipUri contactUri)) {
            problem.append("the contact ").append(binding.contact()).append(" is not a sip: or sips: URI");
            return null;
        }
        List<Header> headers = new ArrayList<>(10);
        for (NameAddr route : path) headers.add(new Header(HeaderNames.ROUTE, route.toString()));
        headers.add(new Header(HeaderNames.MAX_FORWARDS, Integer.toString(MAX_FORWARDS)));
        // §8.1.1.2-3: To names the target (the account's address of record), From names us
        headers.add(new Header(HeaderNames.TO, "<sip:" + binding.sipId() + "@" + domain + ">"));
        headers.add(new Header(HeaderNames.FROM, "<sip:" + FROM_USER + "@" + domain + ">;tag=" + fromTag));
        headers.add(new Header(HeaderNames.CALL_ID, callId));
        headers.add(new Header(HeaderNames.CSEQ, "1 " + Methods.OPTIONS));
        // §11.1: say what we would accept in the answer's body
        headers.add(new Header(HeaderNames.ACCEPT, "application/sdp"));
        SipRequest request = new SipRequest(Methods.OPTIONS, contactUri, headers, null);
        SipUri next = nextHop(request, path);
        if (next == null) {
            problem.append("the top Path entry is not a sip: or sips: URI");
            return null;
        }
        return new Prepared(request, next);
    }

    /**
     * §16.6 steps 6-7: the top Route when there is one, else the Request-URI; a
     * strict router (no ;lr) takes the Request-URI's place and the contact moves to
     * the end of the Route set.
     */
    private static SipUri nextHop(SipRequest request, List<NameAddr> path) {
        if (path.isEmpty()) return (SipUri) request.requestUri();
        SipUri top = path.get(0).sipUri();
        if (top == null) return null;
        if (!top.looseRouting()) {
            request.addHeader(HeaderNames.ROUTE, "<" + request.requestUri() + ">");
            request.removeFirstValue(HeaderNames.ROUTE);
            request.setRequestUri(top);
        }
        return top;
    }
}
