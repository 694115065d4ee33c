package org.clearline.admin.calls;

import java.util.List;
import org.clearline.admin.Refusal;
import org.clearline.failures.ExplainedCodes;
import org.clearline.store.CallFilter;
import org.clearline.store.CallLogStore;
import org.clearline.store.CallRecord;
import org.clearline.store.RegistrationRecord;
import org.clearline.store.SipIds;
import org.clearline.time.Clock;

/**
 * Questions to the call and registration log, with the checks the CLI ({@code
 * calls}, {@code explain CALL-ID}) and the REST API share. Messages name the
 * option or parameter first ("since must be ..."): the CLI puts "--" before them.
 */
public final class CallLogQuery {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 10_000;

    private final CallLogStore log;
    private final Clock clock;

    public CallLogQuery(CallLogStore log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /**
     * Calls newest first, without their messages.
     *
     * @param account a SIP ID or number (as caller or callee), or null for all
     * @param since   an age ("2h") or ISO time, or null for all
     * @param code    a final status code, or null for any
     */
    public List<CallRecord> calls(boolean failedOnly, String account, String since, Integer code, int limit) {
        checkLimit(limit);
        if (account != null) checkAccount("account", account);
        if (code != null) checkCode(code);
        long from = since(since);
        return log.list(new CallFilter(failedOnly, account, from, code, limit));
    }

    /** The latest logged attempt with this Call-ID, with its messages. */
    public CallRecord call(String callId) {
        if (callId == null || callId.isBlank()) throw Refusal.invalid("callId", "callId must not be empty");
        return log.find(callId.strip()).orElseThrow(
                () -> Refusal.notFound("callId", "no call with Call-ID '" + callId.strip() + "' in the call log"));
    }

    /** The latest logged registration attempt with this Call-ID, with its messages. */
    public RegistrationRecord registration(String callId) {
        if (callId == null || callId.isBlank()) throw Refusal.invalid("callId", "callId must not be empty");
        return log.findRegistration(callId.strip()).orElseThrow(() -> Refusal.notFound("callId",
                "no registration attempt with Call-ID '" + callId.strip() + "' in the log"));
    }

    /** Registration attempts newest first (a challenge answered in the same exchange is part of that attempt, not one of its own). */
    public List<RegistrationRecord> registrations(String sipId, boolean failedOnly, String since, int limit) {
        checkLimit(limit);
        if (sipId != null) checkAccount("account", sipId);
        long from = since(since);
        return log.registrations(sipId, from, failedOnly, limit);
    }

    /** Epoch millis of a {@code since} value; 0 (everything) when null. */
    public long since(String text) {
        if (text == null) return 0;
        return Since.parse(text, clock.epochMillis()).orElseThrow(() -> Refusal.invalid("since",
                "since must be an age such as 30m, 2h, 7d or an ISO time such as 2026-01-01T08:00:00Z, got '"
                        + text + "'"));
    }

    public static void checkLimit(int limit) {
        if (limit < 1) throw Refusal.invalid("limit", "limit must be at least 1, got " + limit);
        if (limit > MAX_LIMIT) throw Refusal.invalid("limit", "limit must be at most " + MAX_LIMIT + ", got " + limit);
    }

    public static void checkCode(int code) {
        if (!ExplainedCodes.isStatusCode(code)) {
            throw Refusal.invalid("code", "code must be a SIP status code " + ExplainedCodes.LOWEST + ".."
                    + ExplainedCodes.HIGHEST + ", got " + code);
        }
    }

    private static void checkAccount(String field, String account) {
        SipIds.problem(account).ifPresent(p -> { throw Refusal.invalid(field, field + ": " + p); });
    }
}
