package org.clearline.core.proxy;

import java.util.List;
import org.clearline.core.routing.Target;
import org.clearline.failures.Situation;
import org.clearline.syntax.CSeq;
import org.clearline.syntax.Header;
import org.clearline.syntax.HeaderNames;
import org.clearline.syntax.Methods;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipResponse;
import org.clearline.time.Scheduler;
import org.clearline.transaction.ClientTransaction;
import org.clearline.transaction.ClientTransactionListener;
import org.clearline.transport.Inbound;
import org.clearline.transport.Peer;

/** Sending the branches of a response context (§16.6), Timer C (§16.6 step 11) and CANCELs (§9.1). */
final class Forking {
    private final ProxyCore core;

    Forking(ProxyCore core) {
        this.core = core;
    }

    /** Creates one branch per target and sends each as soon as its next hop is known. */
    void start(ResponseContext ctx, List<Target> targets) {
        List<Branch> fresh = new java.util.ArrayList<>(targets.size());
        for (Target t : targets) fresh.add(new Branch(ctx, t));
        ctx.branches.addAll(fresh);
        for (Branch b : fresh) launch(ctx, b, null);
    }

    /**
     * Sends the request of branch {@code b}; {@code credentials} is an Authorization or
     * Proxy-Authorization line to add (the answer to a trunk's challenge), or null.
     */
    private void launch(ResponseContext ctx, Branch b, org.clearline.syntax.Header credentials) {
        String hash = LoopDetection.hash(ctx.working);
        Forwarder.Prepared p = core.forwarder.prepare(ctx.working, b.target, ctx.recordRoute,
                ctx.server.source().protocol());
        if (p == null) {
            ctx.synthesise(b, Situation.CALLEE_UNREACHABLE);
            return;
        }
        if (credentials != null) p.request().addHeader(credentials.name(), credentials.value());
        var future = core.forwarder.resolve(p.nextHop());
        Scheduler shard = ctx.server.scheduler();
        if (future.isDone() && !future.isCompletedExceptionally()) {
            send(ctx, b, p.request(), future.join(), hash);
        } else {
            future.whenComplete((peer, err) -> shard.execute(() -> {
                if (err != null) ctx.synthesise(b, Situation.CALLEE_UNREACHABLE);
                else send(ctx, b, p.request(), peer, hash);
            }));
        }
    }

    /** A trunk challenged branch {@code challenged}: the same target again, with our answer (§22.2). */
    void retryWithCredentials(ResponseContext ctx, Branch challenged, org.clearline.syntax.Header answer) {
        Branch retry = new Branch(ctx, challenged.target);
        retry.authenticated = true;
        ctx.branches.add(retry);
        launch(ctx, retry, answer);
    }

    private void send(ResponseContext ctx, Branch b, SipRequest out, Peer peer, String hash) {
        if (b.done) return;
        if (ctx.cancelled()) {
            ctx.synthesise(b, Situation.CALL_CANCELLED);
            return;
        }
        core.forwarder.addVia(out, peer, LoopDetection.branch(hash));
        b.sent = out;
        b.peer = peer;
        b.transaction = core.transactions.sendRequest(out, peer, ctx);
        if (ctx.invite && !b.done) restartTimerC(ctx, b);
    }

    void restartTimerC(ResponseContext ctx, Branch b) {
        b.stopTimerC();
        b.timerC = ctx.server.scheduler().schedule(core.config.timerC(), () -> ctx.timerC(b));
    }

    /**
     * Sends a CANCEL for branch {@code b} (§9.1): same Request-URI, Call-ID, From,
     * To, CSeq number and top Via as the INVITE it cancels, and the same Route set.
     * If the callee never answers it, the branch is closed after 64*T1 anyway.
     */
    void sendCancel(Branch b, String reason) {
        if (b.cancelSent || b.sent == null || b.done) return;
        b.cancelSent = true;
        SipRequest invite = b.sent;
        List<Header> hs = new java.util.ArrayList<>(8);
        hs.add(new Header(HeaderNames.VIA, invite.topVia().toString()));
        for (Header h : invite.headers()) {
            String n = h.name();
            if (n == HeaderNames.ROUTE || n == HeaderNames.FROM || n == HeaderNames.TO || n == HeaderNames.CALL_ID) {
                hs.add(h);
            }
        }
        CSeq cseq = invite.cseq();
        hs.add(new Header(HeaderNames.CSEQ, cseq.number() + " " + Methods.CANCEL));
        hs.add(new Header(HeaderNames.MAX_FORWARDS, Integer.toString(core.config.defaultMaxForwards())));
        if (reason != null) hs.add(new Header(HeaderNames.REASON, reason));
        SipRequest cancel = new SipRequest(Methods.CANCEL, invite.requestUri(), hs, null);
        core.transactions.sendRequest(cancel, b.peer, IGNORE_RESPONSES);
        b.cancelGuard = b.context.server.scheduler().schedule(core.transactions.timers().sixtyFourT1(), () -> {
            if (b.done) return;
            if (b.transaction != null) b.transaction.terminate();
            b.context.synthesise(b, b.timedOut ? Situation.CALLEE_NO_ANSWER : Situation.CALL_CANCELLED);
        });
    }

    /** The CANCEL's own response carries nothing the proxy needs (§9.1). */
    private static final ClientTransactionListener IGNORE_RESPONSES = new ClientTransactionListener() {
        @Override public void onResponse(ClientTransaction tx, SipResponse r, Inbound in) {}
        @Override public void onTimeout(ClientTransaction tx) {}
        @Override public void onTransportError(ClientTransaction tx, Throwable cause) {}
    };
}
