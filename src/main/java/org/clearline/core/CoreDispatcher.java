package org.clearline.core;

import java.util.concurrent.atomic.AtomicLong;
import org.clearline.core.proxy.CallOutcomes;
import org.clearline.core.proxy.ProxyCore;
import org.clearline.core.registrar.Registrar;
import org.clearline.failures.FailureResponses;
import org.clearline.failures.Situation;
import org.clearline.syntax.Methods;
import org.clearline.syntax.ParseResult;
import org.clearline.syntax.SipMessage;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipResponse;
import org.clearline.transaction.ServerTransaction;
import org.clearline.transaction.TransactionUser;
import org.clearline.transport.Inbound;
import org.clearline.transport.Malformed;
import org.clearline.transport.SendListener;
import org.clearline.transport.TransportLayer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transaction user: sends REGISTER to the registrar and everything else to
 * the proxy core; answers malformed requests statelessly (400 naming the header,
 * 505, 513); refuses new work with 503 while draining; and turns any unexpected
 * failure while handling one request into 500, so one bad request never stops
 * the server. The requests it answers itself reach the same outcome hooks as
 * the proxy's and the registrar's (call log, metrics, summaries), with their
 * situation, at once.
 */
public final class CoreDispatcher implements TransactionUser {
    private static final Logger log = LoggerFactory.getLogger(CoreDispatcher.class);
    /** Seconds a client should wait before retrying after a 500 or a 503 while draining (or stopping). */
    public static final int RETRY_AFTER_SECONDS = 5;

    private final Registrar registrar;
    private final ProxyCore proxy;
    private final TransportLayer transport;
    private final CallOutcomes callOutcomes;
    private final Registrar.Outcomes registrationOutcomes;
    private volatile boolean draining;
    private volatile boolean maintenance;
    private volatile java.util.function.BooleanSupplier overloaded = () -> false;
    /** Seconds a phone should wait during maintenance before it tries again. */
    static final int MAINTENANCE_RETRY_AFTER_SECONDS = 60;
    private final AtomicLong malformedCount = new AtomicLong();
    private final AtomicLong internalErrors = new AtomicLong();

    /**
     * {@code callOutcomes} and {@code registrationOutcomes}: the hooks the proxy and the
     * registrar report to, told of the requests refused here (503 while draining, in
     * maintenance or overloaded, 500 after a defect).
     */
    public CoreDispatcher(Registrar registrar, ProxyCore proxy, TransportLayer transport, CallOutcomes callOutcomes,
                          Registrar.Outcomes registrationOutcomes) {
        this.registrar = registrar;
        this.proxy = proxy;
        this.transport = transport;
        this.callOutcomes = callOutcomes;
        this.registrationOutcomes = registrationOutcomes;
    }

    /** From now on new calls and registrations get 503 with Retry-After; dialogs keep working. */
    public void startDraining() {
        draining = true;
    }

    public boolean draining() {
        return draining;
    }

    /** Maintenance: new calls and registrations get 503 with Retry-After; dialogs keep working. */
    public void maintenance(boolean on) {
        maintenance = on;
    }

    public boolean maintenance() {
        return maintenance;
    }

    /** The overload guard: while it says true, new calls and registrations get 503 with Retry-After. */
    public void overloadGuard(java.util.function.BooleanSupplier guard) {
        this.overloaded = guard;
    }

    @Override
    public void onRequest(ServerTransaction tx) {
        SipRequest req = tx.request();
        try {
            boolean initial = req.to() == null || req.to().tag() == null;
            if (draining && initial && !req.isMethod(Methods.CANCEL)) {
                refuse(tx, Situation.SERVER_SHUTTING_DOWN, RETRY_AFTER_SECONDS);
                return;
            }
            boolean newWork = initial && (req.isMethod(Methods.INVITE) || req.isMethod(Methods.REGISTER));
            if (newWork && maintenance) {
                refuse(tx, Situation.SERVER_MAINTENANCE, MAINTENANCE_RETRY_AFTER_SECONDS);
                return;
            }
            if (newWork && overloaded.getAsBoolean()) {
                refuse(tx, Situation.SERVER_OVERLOADED, RETRY_AFTER_SECONDS);
                return;
            }
            if (req.isMethod(Methods.REGISTER)) {
                registrar.onRegister(tx);
            } else {
                proxy.onRequest(tx);
            }
        } catch (RuntimeException e) {
            internalErrors.incrementAndGet();
            log.error("internal error handling {} (Call-ID {}) from {}", req.method(), req.callId(),
                    tx.source(), e);
            if (!tx.finalSent()) refuse(tx, Situation.SERVER_INTERNAL_ERROR, RETRY_AFTER_SECONDS);
        }
    }

    private void refuse(ServerTransaction tx, Situation s, int retryAfterSeconds) {
        SipRequest req = tx.request();
        // §8.2.7: a refusal keeps nothing for 64*T1 (an INVITE's still absorbs its ACK). Refusing is
        // what the server does when it is short of room; a REGISTER flood's 503s held 32 s each would
        // fill the heap the refusals are there to protect, and a repeat is simply refused again
        SipResponse r = FailureResponses.create(req, s, RequestChecks.statelessToTag(req));
        tx.respondStatelessly(FailureResponses.withRetryAfter(r, retryAfterSeconds));
        // without this the call log would learn the outcome only from the response it saw
        // go out, and close the call 32 s later without its situation; under overload those
        // waiting calls would fill its room for calls in progress, and later calls go unlogged
        try {
            if (req.isMethod(Methods.REGISTER)) {
                registrationOutcomes.registered(req, tx.source().toString(), r.status(), s, null);
            } else {
                callOutcomes.finished(tx, r.status(), s);
            }
        } catch (RuntimeException e) {
            internalErrors.incrementAndGet();
            log.error("internal error reporting the outcome of {} (Call-ID {})", req.method(), req.callId(), e);
        }
    }

    @Override
    public void onAck(Inbound ack) {
        try {
            proxy.onAck(ack);
        } catch (RuntimeException e) {
            internalErrors.incrementAndGet();
            log.error("internal error relaying ACK (Call-ID {})", ack.message().callId(), e);
        }
    }

    @Override
    public void onStrayResponse(Inbound response) {
        try {
            proxy.onStrayResponse(response);
        } catch (RuntimeException e) {
            internalErrors.incrementAndGet();
            log.error("internal error relaying a response (Call-ID {})", response.message().callId(), e);
        }
    }

    /** §8.2.2 / §16.3: a request we cannot parse is answered without a transaction, if at all possible. */
    @Override
    public void onMalformed(Malformed m) {
        malformedCount.incrementAndGet();
        ParseResult.Failure f = m.failure();
        SipMessage partial = f.partial();
        if (log.isDebugEnabled()) log.debug("malformed message from {}: {}", m.source(), f.reasonPhrase());
        if (!(partial instanceof SipRequest req) || req.method() == null || req.isMethod(Methods.ACK)
                || !req.hasHeader(org.clearline.syntax.HeaderNames.VIA)) {
            return; // responses and ACKs are never answered; without a Via nobody can be answered
        }
        boolean viaReadable;
        try {
            viaReadable = req.topVia() != null;
        } catch (org.clearline.syntax.SipSyntaxException e) {
            viaReadable = false; // the Via itself is what is wrong
        }
        Situation s = switch (f.error()) {
            case BAD_VERSION -> Situation.REQUEST_BAD_VERSION;
            case TOO_LARGE -> Situation.REQUEST_TOO_LARGE;
            default -> Situation.REQUEST_MALFORMED;
        };
        String reason = s == Situation.REQUEST_MALFORMED ? f.reasonPhrase() : null;
        try {
            SipResponse r = FailureResponses.create(req, s, reason, RequestChecks.toTag(req));
            if (viaReadable) {
                transport.sendResponse(r, m.source(), SendListener.IGNORE);
            } else {
                // §18.2.2 needs the Via we could not read: answer where the packet came from
                transport.send(r, m.source(), SendListener.IGNORE);
            }
        } catch (RuntimeException e) {
            // the salvaged headers were not enough to build a response: drop, as §18.3 allows
            log.debug("could not answer malformed request from {}: {}", m.source(), e.toString());
        }
    }

    public long malformedCount() {
        return malformedCount.get();
    }

    public long internalErrors() {
        return internalErrors.get();
    }
}
