package org.clearline.admin.calls;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code --since}: an age (90s, 30m, 2h, 7d) back from now, or an ISO time (UTC when it names no zone). */
public final class Since {
    private static final Pattern AGE = Pattern.compile("([0-9]{1,9})(s|m|h|d)");

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private Since() {}

    public static Optional<Long> parse(String text, long nowMillis) {
        String t = text.strip();
        Matcher m = AGE.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            long unit = switch (m.group(2)) {
                case "s" -> 1_000L;
                case "m" -> 60_000L;
                case "h" -> 3_600_000L;
                default -> 86_400_000L;
            };
            return Optional.of(nowMillis - n * unit);
        }
        try {
            return Optional.of(Instant.parse(t).toEpochMilli());
        } catch (DateTimeParseException notAnInstant) {
            // a local date-time or a date, read as UTC
        }
        try {
            return Optional.of(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC).toEpochMilli());
        } catch (DateTimeParseException notADateTime) {
            // maybe just a date
        }
        try {
            return Optional.of(LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** "2026-01-01 00:00:00" in UTC, as listings print times. */
    public static String format(long epochMillis) {
        return FORMAT.format(Instant.ofEpochMilli(epochMillis));
    }
}
