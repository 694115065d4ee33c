package org.clearline.store;

/**
 * What a call log listing selects: only failed calls, calls of one account (as
 * caller or callee), calls since a time (epoch ms, 0 for all); newest first, at most {@code limit}.
 */
public record CallFilter(boolean failedOnly, String account, long sinceMillis, int limit) {
    public static final CallFilter ALL = new CallFilter(false, null, 0, 100);
}
