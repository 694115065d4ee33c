package org.clearline.transaction;

import java.util.HashMap;
import org.clearline.syntax.CSeq;
import org.clearline.syntax.HeaderNames;
import org.clearline.syntax.Methods;
import org.clearline.syntax.ParseError;
import org.clearline.syntax.ParseResult;
import org.clearline.syntax.SipMessage;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipResponse;
import org.clearline.syntax.SipSyntaxException;
import org.clearline.syntax.Via;
import org.clearline.time.FixedDelayQueue;
import org.clearline.time.Scheduler;
import org.clearline.transport.Inbound;
import org.clearline.transport.Malformed;
import org.clearline.transport.Peer;
import org.clearline.transport.TransportLayer;

/**
 * One shard of the transaction layer: the transactions of the calls whose Call-ID
 * hashes here, matched as §17.1.3 and §17.2.3 say. Everything but {@link #active()}
 * runs on {@link #scheduler}'s executor, so the tables need no locks.
 */
final class Shard {
    final int index;
    final Scheduler scheduler;
    final TransportLayer transport;
    final TransactionUser tu;
    final TimerValues timers;
    /**
     * Finished transactions waiting out their last timer, one queue per delay:
     * Timers J, L and M (64*T1), Timer D, and Timers I and K (T4). Each is one of
     * thousands that all wait the same time, so a FIFO serves them (see {@link FixedDelayQueue}).
     */
    final FixedDelayQueue<Lingering> after64T1;
    final FixedDelayQueue<Lingering> afterTimerD;
    final FixedDelayQueue<Lingering> afterT4;

    private final HashMap<ServerTransactionKey, AbstractServerTransaction> servers = new HashMap<>();
    private final HashMap<ClientTransactionKey, AbstractClientTransaction> clients = new HashMap<>();
    /** Written only by this shard's executor; read by metrics from anywhere. */
    private volatile int active;
    /** Server transactions started, and request retransmissions absorbed: same writer, same readers. */
    private volatile long serversStarted;
    private volatile long requestsRepeated;
    /** Bytes of messages the transactions keep to send again (responses, ACKs): same writer, same readers. */
    private volatile long keptBytes;

    Shard(int index, Scheduler scheduler, TransportLayer transport, TransactionUser tu, TimerValues timers) {
        this.index = index;
        this.scheduler = scheduler;
        this.transport = transport;
        this.tu = tu;
        this.timers = timers;
        this.after64T1 = new FixedDelayQueue<>(scheduler, timers.sixtyFourT1, Lingering::lingerExpired);
        this.afterTimerD = timers.timerD.equals(timers.sixtyFourT1) ? after64T1
                : new FixedDelayQueue<>(scheduler, timers.timerD, Lingering::lingerExpired);
        this.afterT4 = new FixedDelayQueue<>(scheduler, timers.t4, Lingering::lingerExpired);
    }

    int active() {
        return active;
    }

    long serversStarted() {
        return serversStarted;
    }

    long requestsRepeated() {
        return requestsRepeated;
    }

    long keptBytes() {
        return keptBytes;
    }

    /** A transaction of this shard now keeps {@code delta} more bytes to send again (fewer when negative). */
    void keptChanged(long delta) {
        if (delta != 0) keptBytes += delta;  // one writer: this shard's executor
    }

    // ---------------------------------------------------------------- inbound

    void onMessage(Inbound inbound) {
        SipMessage message = inbound.message();
        ParseResult.Failure bad = checkMatchingHeaders(message);
        if (bad != null) {
            tu.onMalformed(new Malformed(bad, inbound.source(), inbound.local(), inbound.wireBytes()));
        } else if (message instanceof SipRequest request) {
            onRequest(request, inbound);
        } else {
            onResponse((SipResponse) message, inbound);
        }
    }

    /**
     * A message that did not parse. A response whose partial names one of our client
     * transactions is that transaction's invalid response; everything else is the TU's.
     */
    void onMalformed(Malformed malformed) {
        if (!offerInvalidResponse(malformed)) tu.onMalformed(malformed);
    }

    /**
     * §17.1.3 on the partial of a malformed response: the top Via branch and the CSeq
     * method find the client transaction (the CSeq number and any Call-ID must agree,
     * see {@link AbstractClientTransaction#sameRequestAs}). True when one took it.
     */
    boolean offerInvalidResponse(Malformed malformed) {
        if (!(malformed.failure().partial() instanceof SipResponse partial)) return false;
        ClientTransactionKey key = keyOfInvalid(partial);
        AbstractClientTransaction tx = key == null ? null : clients.get(key);
        if (tx == null || !tx.sameRequestAs(partial)) return false;
        tx.onInvalidResponse(partial, malformed.failure());
        return true;
    }

    /** The client key a malformed response's partial names, or null when it names none. */
    static ClientTransactionKey keyOfInvalid(SipResponse partial) {
        try {
            Via top = partial.topVia();
            CSeq cseq = partial.cseq();
            if (top == null || top.branch() == null || cseq == null) return null;
            return new ClientTransactionKey(top.branch(), cseq.method());
        } catch (SipSyntaxException e) {
            return null; // a partial built outside the parser: it names nothing we can trust
        }
    }

    private void onRequest(SipRequest request, Inbound inbound) {
        ServerTransactionKey key = ServerTransactionKey.of(request);
        AbstractServerTransaction existing = servers.get(key);
        if (request.isMethod(Methods.ACK)) {
            if (existing == null) existing = rfc2543InviteFor(request);
            // §17.2.3: an ACK matching no transaction acknowledges a 2xx and goes to the TU;
            // one matching in Accepted does too (RFC 6026 §7.1); otherwise the transaction absorbs it.
            if (existing == null || existing.onAck(inbound)) tu.onAck(inbound);
            return;
        }
        if (existing != null) {
            requestsRepeated++; // single writer: this shard's executor
            existing.onRequestRetransmission(inbound);
            return;
        }
        AbstractServerTransaction created = request.isMethod(Methods.INVITE)
                ? new ServerInviteTransaction(this, inbound, key)
                : new ServerNonInviteTransaction(this, inbound, key);
        servers.put(key, created);
        active++;
        serversStarted++;
        created.start();
        tu.onRequest(created);
    }

    /**
     * §17.2.3, RFC 2543 rules: the ACK of an initial INVITE carries the To tag our
     * response added, so it is looked up with no To tag and the tag is checked
     * against the final response the transaction sent.
     */
    private AbstractServerTransaction rfc2543InviteFor(SipRequest ack) {
        ServerTransactionKey untagged = ServerTransactionKey.untaggedInviteFor(ack);
        if (untagged == null) return null;
        AbstractServerTransaction tx = servers.get(untagged);
        if (tx == null) return null;
        String tag = ack.to().tag();
        return tag.equals(tx.finalResponseToTag()) ? tx : null;
    }

    private void onResponse(SipResponse response, Inbound inbound) {
        String branch = response.topVia().branch();
        AbstractClientTransaction tx = branch == null ? null
                : clients.get(new ClientTransactionKey(branch, response.cseq().method()));
        if (tx == null) {
            tu.onStrayResponse(inbound); // §16.7 step 1 for a proxy; §8.1.3.3 says a UA drops it
        } else {
            tx.onResponse(response, inbound);
        }
    }

    /**
     * The layer matches on Via, CSeq, Call-ID, From and To; a message from the parser
     * has them valid, but one built elsewhere may not. Touching them here turns a
     * bad one into a value that names it, before any transaction is involved.
     */
    private static ParseResult.Failure checkMatchingHeaders(SipMessage message) {
        String header = HeaderNames.VIA;
        try {
            Via top = message.topVia();
            if (top == null) return missing(message, header);
            header = HeaderNames.CSEQ;
            if (message.cseq() == null) return missing(message, header);
            header = HeaderNames.CALL_ID;
            if (message.callId() == null) return missing(message, header);
            header = HeaderNames.FROM;
            if (message.from() == null) return missing(message, header);
            header = HeaderNames.TO;
            if (message.to() == null) return missing(message, header);
            return null;
        } catch (SipSyntaxException e) {
            return new ParseResult.Failure(ParseError.BAD_HEADER, header, e.getMessage(), message);
        }
    }

    private static ParseResult.Failure missing(SipMessage message, String header) {
        return new ParseResult.Failure(ParseError.BAD_HEADER, header, "missing", message);
    }

    // ----------------------------------------------------------------- TU calls

    /** §9.2: the INVITE server transaction with the CANCEL's key but for the method. */
    ServerTransaction findInviteFor(SipRequest cancel) {
        if (checkMatchingHeaders(cancel) != null) return null;
        AbstractServerTransaction tx = servers.get(ServerTransactionKey.inviteFor(cancel));
        return tx instanceof ServerInviteTransaction ? tx : null;
    }

    ClientTransaction startClient(SipRequest request, Peer destination, ClientTransactionListener listener) {
        ClientTransactionKey key = new ClientTransactionKey(request.topVia().branch(), request.method());
        AbstractClientTransaction tx = request.isMethod(Methods.INVITE)
                ? new ClientInviteTransaction(this, request, destination, key, listener)
                : new ClientNonInviteTransaction(this, request, destination, key, listener);
        if (scheduler.inExecutor()) {
            if (clients.containsKey(key)) {
                throw new IllegalArgumentException("branch " + key.branch() + " already has a " + key.method()
                        + " client transaction (§8.1.1.7: branches must be unique)");
            }
            register(tx);
        } else {
            scheduler.execute(() -> {
                if (clients.containsKey(key)) {
                    listener.onTransportError(tx, new IllegalArgumentException("duplicate branch " + key.branch()));
                } else {
                    register(tx);
                }
            });
        }
        return tx;
    }

    private void register(AbstractClientTransaction tx) {
        clients.put(tx.key, tx);
        active++;
        tx.start();
    }

    // ------------------------------------------------------------- termination

    void remove(AbstractServerTransaction tx) {
        if (servers.remove(tx.key, tx)) active--;
    }

    void remove(AbstractClientTransaction tx) {
        if (clients.remove(tx.key, tx)) active--;
    }

    int serverCount() {
        return servers.size();
    }

    int clientCount() {
        return clients.size();
    }
}
