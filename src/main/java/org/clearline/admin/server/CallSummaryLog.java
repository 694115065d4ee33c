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
 * One INFO line per call attempt (INVITE outcome) and per failed registration;
 * everything else at DEBUG. The structured call log of the explanations work
 * hooks into the same two interfaces.
 */
final class CallSummaryLog implements CallOutcomes, Registrar.Outcomes {
    private static final Logger calls = LoggerFactory.getLogger("org.clearline.calls");
    private static final Logger registrations = LoggerFactory.getLogger("org.clearline.registrations");

    @Override
    public void finished(ServerTransaction tx, int status, Situation situation) {
        SipRequest r = tx.request();
        if (r.isMethod(Methods.INVITE) && (r.to() == null || r.to().tag() == null)) {
            if (calls.isInfoEnabled() && status != 407) {
                calls.info("call {} {} -> {}: {}{}", r.callId(), user(r), r.requestUri(), status,
                        situation == null ? "" : " [" + situation.id() + "]");
            }
        } else if (calls.isDebugEnabled()) {
            calls.debug("{} {} -> {}: {}{}", r.method(), r.callId(), r.requestUri(), status,
                    situation == null ? "" : " [" + situation.id() + "]");
        }
    }

    @Override
    public void registered(SipRequest request, String source, int code, Situation situation, String sipId) {
        if (code >= 300 && code != 401 && registrations.isInfoEnabled()) {
            registrations.info("REGISTER {} from {} for {}: {} [{}]", request.callId(), source,
                    sipId == null ? "?" : sipId, code, situation == null ? "" : situation.id());
        } else if (registrations.isDebugEnabled()) {
            registrations.debug("REGISTER {} from {} for {}: {}", request.callId(), source, sipId, code);
        }
    }

    private static String user(SipRequest r) {
        return r.from() == null ? "?" : String.valueOf(r.from().uri());
    }
}
