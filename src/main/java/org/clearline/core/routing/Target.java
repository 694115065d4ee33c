package org.clearline.core.routing;

import java.util.List;
import org.clearline.syntax.Header;
import org.clearline.syntax.Uri;

/**
 * One branch to fork to.
 *
 * @param requestUri the new Request-URI (a registered contact, a trunk address...)
 * @param routeSet   Route header values to push before forwarding (a binding's Path, RFC 3327), may be empty
 * @param label      what this branch is, for logs and explanations ("bob: contact 1", "trunk carrier")
 * @param headers    extra headers for this branch only (History-Info of a followed forward, RFC 7044)
 * @param credentials answers for a 401/407 challenge from this next hop (a carrier trunk), or null
 * @param kind       what is at the other end
 */
public record Target(Uri requestUri, List<String> routeSet, String label, List<Header> headers,
                     Credentials credentials, Kind kind) {
    public Target {
        routeSet = List.copyOf(routeSet);
        headers = List.copyOf(headers);
    }

    public Target(Uri requestUri, List<String> routeSet, String label) {
        this(requestUri, routeSet, label, List.of(), null, Kind.CONTACT);
    }

    /** What is at the other end: it decides how a silent or broken branch is explained. */
    public enum Kind {
        /** A registered phone of one of our lines. */
        CONTACT,
        /** A SIP trunk (gateway) to another network. */
        TRUNK,
        /** Another domain's server, for an authenticated local caller. */
        RELAY,
        /** The next hop of a request inside a dialog. */
        DIALOG
    }

    /** Username and password we present when the next hop challenges us. */
    public record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[" + username + ", ***]";
        }
    }
}
