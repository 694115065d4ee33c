package org.clearline.transport;

import java.net.InetSocketAddress;
import org.clearline.syntax.HeaderNames;
import org.clearline.syntax.Params;
import org.clearline.syntax.SipMessage;
import org.clearline.syntax.Via;

/**
 * What the server transport writes into the top Via of a request it receives,
 * so that the response finds its way back through NATs:
 * <ul>
 *   <li>§18.2.1: {@code received=<source ip>} when the sent-by host is a name or
 *       an address other than the packet source;</li>
 *   <li>RFC 3581 §4: an empty {@code rport} is filled with the source port, and
 *       then {@code received} is added even when the address matches.</li>
 * </ul>
 */
final class ReceivedStamp {
    private ReceivedStamp() {}

    /**
     * Stamps the top Via of {@code request}; leaves the message untouched when
     * nothing needs adding (the common case without rport and without NAT).
     *
     * @return true when the top Via was rewritten
     */
    static boolean apply(SipMessage request, InetSocketAddress source) {
        Via top = request.topVia();
        if (top == null) return false;
        Params params = top.params();
        boolean fillRport = "".equals(params.get("rport"));
        boolean addReceived = fillRport || !IpLiterals.sameAddress(top.host(), source.getAddress());
        if (!addReceived) return false;
        params = params.with("received", IpLiterals.text(source.getAddress()));
        if (fillRport) params = params.with("rport", Integer.toString(source.getPort()));
        request.removeFirstValue(HeaderNames.VIA);
        request.addHeaderFirst(HeaderNames.VIA, top.withParams(params).toString());
        return true;
    }
}
