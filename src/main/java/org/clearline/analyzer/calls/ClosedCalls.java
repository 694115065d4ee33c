package org.clearline.analyzer.calls;

/** Receives each call the grouper closes, with what the trace knew at that moment. */
@FunctionalInterface
public interface ClosedCalls {
    /**
     * @param call     the closed call
     * @param traceNow the latest time seen in the trace, or -1
     * @param invites  the trace's recent INVITE targets
     */
    void closed(CallTrace call, long traceNow, RecentInvites invites);
}
