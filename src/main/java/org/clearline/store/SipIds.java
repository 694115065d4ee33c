package org.clearline.store;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rules for SIP IDs: the user part of an account's AOR and its digest username.
 * We accept the unescaped characters of §25.1 {@code user} (unreserved and
 * user-unreserved) so an ID can be written into a SIP URI without escaping,
 * minus the characters that would be ambiguous in listings or shells.
 */
public final class SipIds {
    /** Longest SIP ID we accept; a limit, not an RFC value. */
    public static final int MAX_LENGTH = 64;

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_.!~*'()&=+$,;?/-]+");

    private SipIds() {}

    /** What is wrong with {@code sipId}, or empty if it is acceptable. */
    public static Optional<String> problem(String sipId) {
        if (sipId == null || sipId.isEmpty()) return Optional.of("SIP ID must not be empty");
        if (sipId.length() > MAX_LENGTH) {
            return Optional.of("SIP ID '" + sipId + "' is longer than " + MAX_LENGTH + " characters");
        }
        if (!FORM.matcher(sipId).matches()) {
            return Optional.of("SIP ID '" + sipId + "' may only contain letters, digits and - _ . ! ~ * ' ( ) & = + $ , ; ? /");
        }
        return Optional.empty();
    }

    static String require(String sipId) {
        problem(sipId).ifPresent(p -> { throw new StoreException(p); });
        return sipId;
    }
}
