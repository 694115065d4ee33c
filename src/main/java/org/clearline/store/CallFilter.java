package org.clearline.store;

/**
 * What a call log listing selects: only failed calls (final code 300 or above),
 * calls of one account (as caller or callee, null for all), calls since a time
 * (epoch ms, 0 for all), calls that ended with one status code (null for any);
 * newest first, at most {@code limit}.
 */
public record CallFilter(boolean failedOnly, String account, long sinceMillis, Integer code, int limit) {
    public static final CallFilter ALL = new CallFilter(false, null, 0, null, 100);

    /** Any final code. */
    public CallFilter(boolean failedOnly, String account, long sinceMillis, int limit) {
        this(failedOnly, account, sinceMillis, null, limit);
    }
}
