package org.clearline.core.routing;

/**
 * Decides where an initial request goes once the proxy core has validated and
 * authenticated it. The core knows only this interface; the telephony features
 * (dial plan, forwards, DND, limits, trunks) implement it as one chain of steps
 * in {@code org.clearline.features}. Runs on the call's shard: must not block.
 */
public interface Router {
    Routing route(RoutingRequest request);
}
