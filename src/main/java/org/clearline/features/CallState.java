package org.clearline.features;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.clearline.core.routing.RoutingRequest;
import org.clearline.store.Account;

/**
 * What the routing chain has learnt about one call so far: the line being
 * called, the lines a followed forward already passed (for loop detection), and
 * the History-Info entries those forwards produced (RFC 7044).
 */
public final class CallState {
    private final RoutingRequest request;
    private Account callee;
    private String dialed;
    private String number;
    private final Set<String> visited = new LinkedHashSet<>();
    private final List<String> history = new ArrayList<>(2);

    public CallState(RoutingRequest request) {
        this.request = request;
    }

    public RoutingRequest request() {
        return request;
    }

    public String callId() {
        return request.request().callId();
    }

    /** The local line being called now, once a step found it (changes when a forward is followed). */
    public Account callee() {
        return callee;
    }

    /** Makes {@code account} the line being called; returns false if the call was already there (a loop). */
    public boolean callee(Account account) {
        this.callee = account;
        return visited.add(account.sipId());
    }

    /** The lines this call has been routed to, in order. */
    public Set<String> visited() {
        return visited;
    }

    /** The user part as dialled (before normalisation), for logs and explanations. */
    public String dialed() {
        return dialed;
    }

    public void dialed(String d) {
        this.dialed = d;
    }

    /** The dialled destination as E.164, or null when a SIP ID (or another domain) was called. */
    public String number() {
        return number;
    }

    public void number(String e164) {
        this.number = e164;
    }

    /** History-Info entries (RFC 7044) so far, oldest first, each a complete header value. */
    public List<String> history() {
        return history;
    }
}
