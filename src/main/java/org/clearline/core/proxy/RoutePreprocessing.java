package org.clearline.core.proxy;

import java.util.List;
import org.clearline.core.LocalIdentity;
import org.clearline.syntax.HeaderNames;
import org.clearline.syntax.NameAddr;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipSyntaxException;

/** §16.4: undoing a strict router's rewrite and removing our own Route entries. */
final class RoutePreprocessing {
    private RoutePreprocessing() {}

    /**
     * Applies §16.4 to {@code r} in place. Returns false when a Route header
     * could not be parsed (the caller answers 400).
     */
    static boolean apply(SipRequest r, LocalIdentity identity) {
        try {
            List<NameAddr> routes = r.addressList(HeaderNames.ROUTE);
            // a strict router upstream put our Record-Route URI into the Request-URI
            // and the real target into the last Route
            if (!routes.isEmpty() && identity.isThisServer(r.requestUri()) && isOurRecordRoute(r.requestUri())) {
                NameAddr last = routes.get(routes.size() - 1);
                r.setRequestUri(last.uri());
                removeLastRoute(r);
            }
            // our own entries on top (two when we record-routed across transports)
            for (int i = 0; i < 2; i++) {
                List<NameAddr> now = r.addressList(HeaderNames.ROUTE);
                if (now.isEmpty() || !identity.isThisServer(now.get(0).uri())) break;
                r.removeFirstValue(HeaderNames.ROUTE);
            }
            return true;
        } catch (SipSyntaxException e) {
            return false;
        }
    }

    private static boolean isOurRecordRoute(org.clearline.syntax.Uri uri) {
        return uri instanceof org.clearline.syntax.SipUri s && s.user() == null && s.looseRouting();
    }

    private static void removeLastRoute(SipRequest r) {
        List<NameAddr> routes = r.addressList(HeaderNames.ROUTE);
        r.removeHeader(HeaderNames.ROUTE);
        for (int i = 0; i < routes.size() - 1; i++) r.addHeader(HeaderNames.ROUTE, routes.get(i).toString());
    }
}
