package org.clearline.features;

import org.clearline.core.routing.RoutingRequest;
import org.clearline.store.Account;

/**
 * What the routing chain has learnt about one call so far. Steps read the
 * request and fill in what they decide (the callee account, for one).
 */
public final class CallState {
    private final RoutingRequest request;
    private Account callee;
    private String dialed;

    public CallState(RoutingRequest request) {
        this.request = request;
    }

    public RoutingRequest request() {
        return request;
    }

    /** The local account being called, once a step found it. */
    public Account callee() {
        return callee;
    }

    public void callee(Account account) {
        this.callee = account;
    }

    /** The user part as dialled (before normalisation), for logs and explanations. */
    public String dialed() {
        return dialed;
    }

    public void dialed(String d) {
        this.dialed = d;
    }
}
