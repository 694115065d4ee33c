package org.clearline.core.proxy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.clearline.core.LocalIdentity;
import org.clearline.core.RequestChecks;
import org.clearline.core.auth.AuthResult;
import org.clearline.core.auth.DigestAuthenticator;
import org.clearline.core.auth.DigestCredentials;
import org.clearline.core.routing.Router;
import org.clearline.core.routing.Routing;
import org.clearline.core.routing.RoutingRequest;
import org.clearline.failures.FailureResponses;
import org.clearline.failures.Situation;
import org.clearline.store.Account;
import org.clearline.syntax.Header;
import org.clearline.syntax.HeaderNames;
import org.clearline.syntax.Methods;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipResponse;
import org.clearline.syntax.SipUri;
import org.clearline.syntax.TelUri;
import org.clearline.syntax.Via;
import org.clearline.time.Clock;
import org.clearline.transaction.ServerTransaction;
import org.clearline.transaction.TransactionLayer;

/**
 * The stateful proxy core (§16): request validation (§16.3), route
 * preprocessing (§16.4), authentication of local callers (§22.3), the routing
 * decision (delegated to a {@link Router}), forking (§16.6) and CANCEL (§16.10).
 * Response handling lives in {@link ResponseContext}; stateless forwarding of
 * ACKs and stray responses in {@link StatelessRelay}.
 */
public final class ProxyCore {
    static final Set<String> KNOWN_METHODS = Set.of(Methods.INVITE, Methods.ACK, Methods.BYE, Methods.CANCEL,
            Methods.OPTIONS, Methods.REGISTER, Methods.INFO, Methods.UPDATE, Methods.PRACK, Methods.SUBSCRIBE,
            Methods.NOTIFY, Methods.REFER, Methods.MESSAGE, Methods.PUBLISH);
    private static final Set<String> DIALOG_CREATING = Set.of(Methods.INVITE, Methods.SUBSCRIBE, Methods.REFER);

    final LocalIdentity identity;
    final Forwarder forwarder;
    final TransactionLayer transactions;
    final ProxyConfig config;
    private final DigestAuthenticator auth;
    private final Router router;
    private final Clock clock;
    private final CallOutcomes outcomes;
    private final Forking forking;
    final StatelessRelay relay;
    private final ConcurrentHashMap<ServerTransaction, ResponseContext> contexts = new ConcurrentHashMap<>();

    public ProxyCore(ProxyConfig config, LocalIdentity identity, DigestAuthenticator auth, Router router,
                     TransactionLayer transactions, org.clearline.transport.TransportLayer transport,
                     org.clearline.transport.Resolver resolver, Clock clock, CallOutcomes outcomes) {
        this.config = config;
        this.identity = identity;
        this.auth = auth;
        this.router = router;
        this.transactions = transactions;
        this.clock = clock;
        this.outcomes = outcomes;
        this.forwarder = new Forwarder(identity, transport, resolver, config);
        this.forking = new Forking(this);
        this.relay = new StatelessRelay(identity, forwarder, transport);
    }

    /** Every request but REGISTER and ACK arrives here, on its call's shard. */
    public void onRequest(ServerTransaction tx) {
        SipRequest req = tx.request();
        if (req.isMethod(Methods.CANCEL)) {
            onCancel(tx);
            return;
        }
        // §16.3 step 2: a scheme we can route
        if (!(req.requestUri() instanceof SipUri) && !(req.requestUri() instanceof TelUri)) {
            reject(tx, Situation.REQUEST_UNSUPPORTED_SCHEME, null);
            return;
        }
        SipRequest working = req.copy();
        if (!RoutePreprocessing.apply(working, identity)) {
            reject(tx, Situation.REQUEST_MALFORMED, "Bad Route header");
            return;
        }
        boolean toUs = working.requestUri() instanceof SipUri s && s.user() == null && identity.isThisServer(s)
                && !working.hasHeader(HeaderNames.ROUTE);
        // §16.3 step 3: Max-Forwards (an OPTIONS to us is answered, RFC 3261 §11)
        if (working.maxForwards() == 0 && !(toUs && req.isMethod(Methods.OPTIONS))) {
            reject(tx, Situation.REQUEST_TOO_MANY_HOPS, null);
            return;
        }
        // §16.3 step 4: loop detection by our branch hash
        if (isLoop(working)) {
            reject(tx, Situation.REQUEST_LOOP, null);
            return;
        }
        // §16.3 step 5: Proxy-Require
        SipResponse bad = RequestChecks.unsupportedOptions(req, HeaderNames.PROXY_REQUIRE, RequestChecks.SUPPORTED_PROXY);
        if (bad != null) {
            respond(tx, bad, Situation.REQUEST_BAD_EXTENSION);
            return;
        }
        boolean inDialog = req.to() != null && req.to().tag() != null;
        if (inDialog) {
            routeInDialog(tx, working, toUs);
        } else if (toUs) {
            answerOurselves(tx); // as a UAS, an unknown method gets 501 there (§8.2.1)
        } else {
            // §16.3 step 1: "An element MUST NOT refuse to proxy a request because it contains
            // a method or header field it does not know about."
            routeInitial(tx, working);
        }
    }

    /** §16.12-style routing of a request inside a dialog: by the Route set we recorded. */
    private void routeInDialog(ServerTransaction tx, SipRequest working, boolean toUs) {
        // the next hop is the next Route, else the Request-URI; a phone on this very host
        // (another port) is somebody else, so compare host and port, not just the host
        boolean routed = working.hasHeader(HeaderNames.ROUTE) || !identity.isThisServer(working.requestUri());
        // §12.2.1.1, §16.4: a request inside a dialog we record-routed reaches us through our
        // own Route entry, which route preprocessing just removed. Without one it belongs to
        // no dialog of ours, and relaying it would make us an open relay for anyone who adds
        // a To tag (in-dialog requests are not authenticated)
        boolean viaOurRoute = tx.request().addressList(HeaderNames.ROUTE).size()
                > working.addressList(HeaderNames.ROUTE).size();
        if (!routed || toUs || !viaOurRoute) {
            // a mid-dialog request that is addressed to us but belongs to no dialog of ours. §8.2.7:
            // the same request always gets this 481 (its To tag is its own), so nothing is kept for
            // 64*T1; a stray BYE (a phone after our restart, a caller aborting on a 503, a scanner)
            // then holds no memory, and a retransmission is answered anew
            SipRequest req = tx.request();
            respondStatelessly(tx, FailureResponses.create(req, Situation.DIALOG_UNKNOWN, null,
                    RequestChecks.statelessToTag(req)), Situation.DIALOG_UNKNOWN);
            return;
        }
        ResponseContext ctx = new ResponseContext(this, tx, working, false);
        contexts.put(tx, ctx);
        ctx.fork(new Routing.Fork(java.util.List.of(new org.clearline.core.routing.Target(
                working.requestUri(), java.util.List.of(), "in-dialog"))));
    }

    private void routeInitial(ServerTransaction tx, SipRequest working) {
        SipRequest req = tx.request();
        Account caller = null;
        if (isLocalCaller(req)) {
            // §22.3: callers of our own domain prove who they are
            AuthResult result = auth.authenticate(req, true);
            if (result instanceof AuthResult.Challenge c) {
                // §8.2.7, §26.1.5: a request without credentials keeps no state 64*T1 (an INVITE's
                // transaction still absorbs its ACK)
                respondStatelessly(tx, auth.challenge(req, c, RequestChecks.statelessToTag(req)), c.situation());
                return;
            }
            if (result instanceof AuthResult.Refused r) {
                reject(tx, r.situation(), null);
                return;
            }
            caller = ((AuthResult.Authenticated) result).account();
            SipUri from = req.from().sipUri();
            if (!caller.sipId().equals(from.userUnescaped())) {
                reject(tx, Situation.AUTH_IDENTITY_MISMATCH, null);
                return;
            }
            // §22.3, §20.28: we consume the credentials for our realm; those for another
            // realm (a carrier's proxy further on) must travel on untouched
            removeOurCredentials(working);
        } else if (working.hasHeader(HeaderNames.ROUTE)) {
            // §16.6 step 7 would send the request to the top Route, a host the caller chose:
            // for a caller who did not authenticate that is relaying (§26.4), which we do not do
            reject(tx, Situation.REQUEST_PRELOADED_ROUTE, null);
            return;
        }
        Routing decision = router.route(new RoutingRequest(working, tx.inbound(), caller, clock.epochMillis()));
        outcomes.routed(tx, decision);
        if (decision instanceof Routing.Reject r) {
            SipResponse resp = FailureResponses.create(req, r.situation(), RequestChecks.toTag(req));
            for (Header h : r.headers()) resp.addHeader(h.name(), h.value());
            respond(tx, resp, r.situation());
            return;
        }
        Routing.Fork fork = (Routing.Fork) decision;
        ResponseContext ctx = new ResponseContext(this, tx, working, DIALOG_CREATING.contains(req.method()));
        contexts.put(tx, ctx);
        ctx.fork(fork);
    }

    /** OPTIONS to the server itself (keep-alive pings of phones) gets 200 (§11.2), statelessly. */
    private void answerOurselves(ServerTransaction tx) {
        SipRequest req = tx.request();
        if (!req.isMethod(Methods.OPTIONS)) {
            reject(tx, KNOWN_METHODS.contains(req.method()) ? Situation.CALLEE_UNKNOWN
                    : Situation.REQUEST_METHOD_NOT_IMPLEMENTED, null);
            return;
        }
        SipResponse bad = RequestChecks.unsupportedRequire(req, RequestChecks.SUPPORTED_PROXY);
        if (bad != null) {
            respond(tx, bad, Situation.REQUEST_BAD_EXTENSION);
            return;
        }
        // §8.2.7: the same request always gets the same answer, so it goes statelessly (its To tag from
        // the request): phones ping every few seconds, and a flood of pings keeps nothing for 64*T1
        SipResponse ok = org.clearline.syntax.Responses.success(req, 200, "OK", RequestChecks.statelessToTag(req));
        ok.setHeader(HeaderNames.ALLOW, String.join(", ", Methods.INVITE, Methods.ACK, Methods.BYE,
                Methods.CANCEL, Methods.OPTIONS, Methods.REGISTER, Methods.INFO, Methods.UPDATE,
                Methods.SUBSCRIBE, Methods.NOTIFY, Methods.REFER, Methods.MESSAGE));
        ok.setHeader(HeaderNames.ACCEPT, "application/sdp");
        ok.setHeader(HeaderNames.SUPPORTED, "path");
        respondStatelessly(tx, ok, null);
    }

    /** An ACK for a 2xx (no transaction): relayed along its Route set (§16.11). */
    public void onAck(org.clearline.transport.Inbound ack) {
        relay.relayAck(ack);
    }

    /** A response no client transaction matched (§16.7 step 1): relayed statelessly. */
    public void onStrayResponse(org.clearline.transport.Inbound response) {
        relay.relayResponse(response);
    }

    /** §16.10: a CANCEL finds the INVITE's response context, gets 200, and cancels the branches. */
    private void onCancel(ServerTransaction cancelTx) {
        ServerTransaction invite = transactions.findInviteFor(cancelTx.request());
        ResponseContext ctx = invite == null ? null : contexts.get(invite);
        if (ctx == null) {
            reject(cancelTx, Situation.DIALOG_UNKNOWN, null);
            return;
        }
        respond(cancelTx, org.clearline.syntax.Responses.success(cancelTx.request(), 200, "OK",
                RequestChecks.toTag(cancelTx.request())), null);
        ctx.cancel();
    }

    private void removeOurCredentials(SipRequest r) {
        java.util.List<String> all = r.headerValues(HeaderNames.PROXY_AUTHORIZATION);
        r.removeHeader(HeaderNames.PROXY_AUTHORIZATION);
        for (String v : all) {
            DigestCredentials c = DigestCredentials.parse(v);
            if (c == null || !auth.realm().equals(c.realm())) r.addHeader(HeaderNames.PROXY_AUTHORIZATION, v);
        }
    }

    private boolean isLoop(SipRequest working) {
        String hash = null;
        for (Via v : working.vias()) {
            String h = LoopDetection.hashOf(v.branch());
            if (h == null || !forwarder.isOurVia(v)) continue;
            if (hash == null) hash = LoopDetection.hash(working);
            if (h.equals(hash)) return true;
        }
        return false;
    }

    private boolean isLocalCaller(SipRequest req) {
        SipUri from = req.from() == null ? null : req.from().sipUri();
        return from != null && identity.isLocalHost(from.host());
    }

    private static String hostOf(SipRequest r) {
        return r.requestUri() instanceof SipUri s ? s.host() : null;
    }

    // ------------------------------------------------------------ helpers for contexts

    void reject(ServerTransaction tx, Situation s, String reason) {
        SipRequest req = tx.request();
        respond(tx, FailureResponses.create(req, s, reason, RequestChecks.toTag(req)), s);
    }

    private void respond(ServerTransaction tx, SipResponse r, Situation s) {
        tx.respond(r);
        outcomes.finished(tx, r.status(), s);
    }

    /** The same, sent as a stateless UAS does (§8.2.7): nothing of it is kept for 64*T1. */
    private void respondStatelessly(ServerTransaction tx, SipResponse r, Situation s) {
        tx.respondStatelessly(r);
        outcomes.finished(tx, r.status(), s);
    }

    /** A failed fork of a context continues with {@code decision}. */
    void routed(ResponseContext ctx, Routing decision) {
        outcomes.routed(ctx.server, decision);
    }

    /** A context sent its final response upstream. */
    void finished(ResponseContext ctx, int status, Situation situation) {
        outcomes.finished(ctx.server, status, situation);
    }

    /** Drops a context once the caller has its final answer and every branch is over. */
    void maybeRelease(ResponseContext ctx) {
        if (ctx.finalSent() && ctx.allDone() && contexts.remove(ctx.server, ctx)) ctx.release();
    }

    void startBranches(ResponseContext ctx, java.util.List<org.clearline.core.routing.Target> targets) {
        forking.start(ctx, targets);
    }

    void retryWithCredentials(ResponseContext ctx, Branch challenged, org.clearline.syntax.Header answer) {
        forking.retryWithCredentials(ctx, challenged, answer);
    }

    void restartTimerC(ResponseContext ctx, Branch b) {
        forking.restartTimerC(ctx, b);
    }

    void sendCancel(Branch b, String reason) {
        forking.sendCancel(b, reason);
    }

    /**
     * The server is stopping: every proxied request still waiting for its final answer
     * gets {@code situation} with Retry-After, and its pending branches CANCEL (see
     * {@link ResponseContext#abandon}). Each runs on its call's shard; returns how many
     * contexts were asked (one that got its answer meanwhile ignores it).
     */
    public int abandonUnanswered(Situation situation, int retryAfterSeconds) {
        int n = 0;
        for (ResponseContext ctx : contexts.values()) {
            if (ctx.finalSent()) continue;  // read off the shard: a stale view only adds a no-op task
            ctx.server.scheduler().execute(() -> ctx.abandon(situation, retryAfterSeconds));
            n++;
        }
        return n;
    }

    /** Response contexts alive now (a metrics figure). */
    public int activeContexts() {
        return contexts.size();
    }
}
