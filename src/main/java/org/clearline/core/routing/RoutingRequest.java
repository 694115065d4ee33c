package org.clearline.core.routing;

import org.clearline.store.Account;
import org.clearline.syntax.SipRequest;
import org.clearline.transport.Inbound;

/**
 * An initial request to route.
 *
 * @param request   the request as received (after our own Route was removed); do not modify
 * @param inbound   where it came from
 * @param caller    the authenticated local account, or null for a caller from another domain
 * @param nowMillis wall-clock time of the decision
 */
public record RoutingRequest(SipRequest request, Inbound inbound, Account caller, long nowMillis) {}
