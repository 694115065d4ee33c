package org.clearline.core.routing;

import java.util.List;
import org.clearline.syntax.Uri;

/**
 * One branch to fork to.
 *
 * @param requestUri the new Request-URI (a registered contact, a trunk address...)
 * @param routeSet   Route header values to push before forwarding (a binding's Path, RFC 3327), may be empty
 * @param label      what this branch is, for logs and explanations ("bob: contact 1", "trunk carrier")
 */
public record Target(Uri requestUri, List<String> routeSet, String label) {
    public Target {
        routeSet = List.copyOf(routeSet);
    }
}
