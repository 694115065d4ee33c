package org.clearline.analyzer.calls;

/**
 * How much the grouper keeps while reading (named limits with units, so a trace
 * of any size needs bounded memory).
 *
 * @param maxOpenCalls       calls kept open at once; beyond it the least recently active is closed early
 * @param maxMessagesPerCall messages kept per call (the first ones and the latest)
 * @param idleMicros         a call quiet for this long is closed: longer than any SIP timer (64*T1 = 32 s)
 *                           waits between two messages of a call, except a phone that rings
 * @param ringingIdleMicros  a call whose INVITE has a provisional answer and no final one waits this long
 *                           (Timer C is at least 3 minutes, §16.6 step 11)
 * @param settledIdleMicros  a call whose last transaction has ended (a BYE answered, a refusal ACKed, a
 *                           REGISTER answered) waits only this long for stray retransmissions (T4, §17.1.2.2)
 * @param maxTextChars       message text kept for all open calls together; beyond it new messages keep none
 * @param maxRememberedIds   Call-IDs of closed calls remembered, so a late message is known as a continuation
 */
public record GroupingLimits(int maxOpenCalls, int maxMessagesPerCall, long idleMicros, long ringingIdleMicros,
                             long settledIdleMicros, long maxTextChars, int maxRememberedIds) {
    public static final GroupingLimits DEFAULT = new GroupingLimits(50_000, 200, 64_000_000L, 200_000_000L,
            5_000_000L, 16_000_000L, 50_000);
}
