package org.clearline.admin.server;

import org.clearline.core.proxy.CallOutcomes;
import org.clearline.core.registrar.Registrar;
import org.clearline.failures.Situation;
import org.clearline.syntax.Methods;
import org.clearline.syntax.SipRequest;
import org.clearline.transaction.ServerTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One INFO line per failed call attempt (INVITE outcome) and per failed
 * registration; answered calls and everything else at DEBUG. Every call is in
 * the structured call log (which hooks into the same two interfaces), so the
 * server log names only what needs attention: at thousands of calls a second
 * a line per answered call would cost the I/O threads a write each and bury
 * the failures.
 */
final class CallSummaryLog implements CallOutcomes, Registrar.Outcomes {
    private static final Logger calls = LoggerFactory.getLogger("org.clearline.calls");
    private static final Logger registrations = LoggerFactory.getLogger("org.clearline.registrations");
    private static final String CALL = "call {} {} -> {}: {}{}";

    @Override
    public void finished(ServerTransaction tx, int status, Situation situation) {
        SipRequest r = tx.request();
        if (r.isMethod(Methods.INVITE) && (r.to() == null || r.to().tag() == null)) {
            if (status == 407) return;  // a challenge: the caller goes on with credentials
            if (status >= 300 && !serverWide(situation) && calls.isInfoEnabled()) {
                calls.info(CALL, r.callId(), user(r), r.requestUri(), status, tag(situation));
            } else if (status < 300 && calls.isDebugEnabled()) {
                calls.debug(CALL, r.callId(), user(r), r.requestUri(), status, tag(situation));
            }
        } else if (calls.isDebugEnabled()) {
            calls.debug("{} {} -> {}: {}{}", r.method(), r.callId(), r.requestUri(), status, tag(situation));
        }
    }

    @Override
    public void registered(SipRequest request, String source, int code, Situation situation, String sipId) {
        if (code >= 300 && code != 401 && !serverWide(situation) && registrations.isInfoEnabled()) {
            registrations.info("REGISTER {} from {} for {}: {} [{}]", request.callId(), source,
                    sipId == null ? "?" : sipId, code, situation == null ? "" : situation.id());
        } else if (registrations.isDebugEnabled()) {
            registrations.debug("REGISTER {} from {} for {}: {}", request.callId(), source, sipId, code);
        }
    }

    /**
     * A refusal of new work while the whole server is overloaded, in maintenance or
     * stopping: said once, when it begins and ends, not once per refused attempt (an
     * overloaded server would otherwise write thousands of lines a second).
     */
    private static boolean serverWide(Situation situation) {
        return situation == Situation.SERVER_OVERLOADED || situation == Situation.SERVER_MAINTENANCE
                || situation == Situation.SERVER_SHUTTING_DOWN;
    }

    private static String tag(Situation situation) {
        return situation == null ? "" : " [" + situation.id() + "]";
    }

    private static String user(SipRequest r) {
        return r.from() == null ? "?" : String.valueOf(r.from().uri());
    }
}
