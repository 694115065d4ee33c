package org.clearline.store;

import java.util.List;

/**
 * One call attempt as the call log keeps it. {@code situation} is the catalogue
 * id of the failure, null when the final response was relayed from a callee
 * (or the call was answered). Timings are milliseconds, -1 when the call never
 * got that far: post-dial delay (INVITE to first 18x), ring time (first 18x to
 * the final response) and, for answered calls, duration (2xx to BYE).
 */
public record CallRecord(String callId, long startedAt, String source, String caller, String callerUser,
                         String callee, String calleeE164, int code, String situation, long postDialMillis,
                         long ringMillis, long durationMillis, int messagesDropped, List<LoggedMessage> messages) {
    public CallRecord {
        messages = List.copyOf(messages);
    }

    public boolean failed() {
        return code >= 300;
    }

    /** The same call without its ladder (what a listing reads). */
    public CallRecord withoutMessages() {
        return new CallRecord(callId, startedAt, source, caller, callerUser, callee, calleeE164, code, situation,
                postDialMillis, ringMillis, durationMillis, messagesDropped, List.of());
    }
}
