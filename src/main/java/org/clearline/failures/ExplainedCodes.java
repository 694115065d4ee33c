package org.clearline.failures;

import java.util.List;

/**
 * The status codes with a text of their own: every code of the catalogue, the
 * normal steps of a call (100, 180, 183, 200) and the failures phones and
 * trunks commonly send that Clearline relays unchanged. Any other code from
 * 100 to 699 is explained by its class (§7.2: the first digit defines it).
 */
public final class ExplainedCodes {
    private ExplainedCodes() {}

    /** Ascending; a test keeps every {@link Situation#code()} in it. */
    public static final List<Integer> ALL = List.of(
            100, 180, 183, 200,
            301, 302,
            400, 401, 403, 404, 405, 407, 408, 415, 416, 420, 423,
            480, 481, 482, 483, 484, 486, 487, 488,
            500, 501, 502, 503, 504, 505, 513,
            600, 603, 604, 606);

    /** The lowest and highest status codes §21 allows (three digits, classes 1 to 6). */
    public static final int LOWEST = 100;
    public static final int HIGHEST = 699;

    /** Whether {@code code} is a SIP status code at all. */
    public static boolean isStatusCode(int code) {
        return code >= LOWEST && code <= HIGHEST;
    }
}
