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

    /**
     * Whether message texts are still of use (only calls told whole show them):
     * once every detailed call is taken, the grouper stops keeping text, which
     * is most of a call's memory.
     */
    default boolean wantsText() {
        return true;
    }
}
