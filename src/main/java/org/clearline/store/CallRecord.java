package org.clearline.store;

import java.util.List;

/**
 * One call attempt as the call log keeps it. {@code situation} is the catalogue
 * id of the failure, null when the final response was relayed from a callee
 * (or the call was answered). Timings are milliseconds, -1 when the call never
 * got that far: post-dial delay (INVITE to first 18x), ring time (first 18x to
 * the final response) and, for answered calls, duration (2xx to BYE).
 *
 * @param messages      the ladder, in order; empty when it was not kept (the log's
 *                      {@code ladders} policy), not read (listings) or unreadable
 * @param route         the route the call took, in order; empty when it was never routed
 * @param ladderProblem null, or why the stored ladder could not be read (the
 *                      rest of the record is still good)
 */
public record CallRecord(String callId, long startedAt, String source, String caller, String callerUser,
                         String callee, String calleeE164, int code, String situation, long postDialMillis,
                         long ringMillis, long durationMillis, int messagesDropped, List<LoggedMessage> messages,
                         List<RouteStep> route, String ladderProblem) {
    public CallRecord {
        messages = List.copyOf(messages);
        route = route == null ? List.of() : List.copyOf(route);
    }

    /** A record without route (as before routes were logged). */
    public CallRecord(String callId, long startedAt, String source, String caller, String callerUser,
                      String callee, String calleeE164, int code, String situation, long postDialMillis,
                      long ringMillis, long durationMillis, int messagesDropped, List<LoggedMessage> messages) {
        this(callId, startedAt, source, caller, callerUser, callee, calleeE164, code, situation, postDialMillis,
                ringMillis, durationMillis, messagesDropped, messages, List.of(), null);
    }

    public boolean failed() {
        return code >= 300;
    }

    /** The same call without its ladder (what a listing reads). */
    public CallRecord withoutMessages() {
        return withMessages(List.of(), null);
    }

    /** The same call with {@code steps} as its route. */
    public CallRecord withRoute(List<RouteStep> steps) {
        return new CallRecord(callId, startedAt, source, caller, callerUser, callee, calleeE164, code, situation,
                postDialMillis, ringMillis, durationMillis, messagesDropped, messages, steps, ladderProblem);
    }

    /** The same call with {@code ladder}, or with none and the reason it could not be read. */
    public CallRecord withMessages(List<LoggedMessage> ladder, String problem) {
        return new CallRecord(callId, startedAt, source, caller, callerUser, callee, calleeE164, code, situation,
                postDialMillis, ringMillis, durationMillis, messagesDropped, ladder, route, problem);
    }
}
