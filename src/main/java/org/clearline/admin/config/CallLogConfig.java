package org.clearline.admin.config;

/**
 * The {@code callLog} section.
 *
 * @param enabled          false: nothing is logged and the log costs nothing (no tap, no recorder, no writer)
 * @param ladders          which attempts keep their messages: {@code all}, {@code failed} or {@code none}
 * @param retentionDays    entries older than this many days are purged
 * @param maxCalls         at most this many calls are kept
 * @param maxRegistrations at most this many registration attempts are kept
 */
public record CallLogConfig(boolean enabled, Ladders ladders, int retentionDays, int maxCalls,
                            int maxRegistrations) {
    public static final int MAX_RETENTION_DAYS = 3_650;
    public static final CallLogConfig DEFAULT = new CallLogConfig(true, Ladders.ALL, 30, 1_000_000, 1_000_000);

    /** Which call and registration attempts keep their messages (every attempt keeps its summary). */
    public enum Ladders {
        ALL("all"), FAILED("failed"), NONE("none");

        private final String key;

        Ladders(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        static Ladders byKey(String key) {
            for (Ladders l : values()) {
                if (l.key.equals(key)) return l;
            }
            return null;
        }
    }
}
