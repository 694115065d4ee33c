package org.clearline.calllog;

/**
 * What the call and registration log does (the {@code callLog} section of the
 * configuration, validated there).
 *
 * @param enabled   false: no message tap, no recorder, no writer, the log database is not opened
 * @param ladders   which attempts keep their messages
 * @param retention how long and how much the log keeps
 */
public record CallLogSettings(boolean enabled, Ladders ladders, Retention retention) {
    public static final CallLogSettings DEFAULT = new CallLogSettings(true, Ladders.ALL, Retention.DEFAULT);

    /** Which calls and registration attempts keep their messages; every attempt keeps its summary. */
    public enum Ladders {
        /** Every message of every call and registration attempt (issue 5). */
        ALL,
        /** Messages only of attempts that failed (final code 300 or above). */
        FAILED,
        /** No messages: summaries, timings and routes only. */
        NONE;

        /** Whether an attempt that ended with {@code code} keeps its messages. */
        boolean keeps(int code) {
            return this == ALL || (this == FAILED && code >= 300);
        }
    }

    /**
     * Retention, applied by housekeeping in bounded chunks.
     *
     * @param days             entries older than this many days go
     * @param maxCalls         at most this many calls are kept (the oldest go first)
     * @param maxRegistrations at most this many registration attempts are kept
     */
    public record Retention(int days, int maxCalls, int maxRegistrations) {
        public static final Retention DEFAULT = new Retention(30, 1_000_000, 1_000_000);

        public long maxAgeMillis() {
            return days * 86_400_000L;
        }
    }
}
