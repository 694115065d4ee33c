package org.clearline.store;

import java.util.Optional;
import java.util.regex.Pattern;

/** ITU-T E.164 numbers in their international form: "+" then 1 to 15 digits. */
public final class E164 {
    private static final Pattern FORM = Pattern.compile("\\+[0-9]{1,15}");

    private E164() {}

    public static boolean isValid(String number) {
        return number != null && FORM.matcher(number).matches();
    }

    /** What is wrong with {@code number}, or empty if it is a valid E.164 number. */
    public static Optional<String> problem(String number) {
        if (isValid(number)) return Optional.empty();
        return Optional.of("number '" + number + "' is not E.164: expected '+' and 1 to 15 digits, e.g. +493012345001");
    }

    /** Returns {@code number} or throws a {@link StoreException} naming the problem. */
    static String require(String number) {
        problem(number).ifPresent(p -> { throw new StoreException(p); });
        return number;
    }
}
