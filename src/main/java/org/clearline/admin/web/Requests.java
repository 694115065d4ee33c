package org.clearline.admin.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clearline.failures.Language;

/** Reading what a page request asks for: its language and its filter values. Bad input never throws. */
final class Requests {
    private static final Pattern AGE = Pattern.compile("([0-9]{1,9})\\s*(s|m|min|h|d)");

    private Requests() {}

    /**
     * The language of the explanations: {@code ?lang=} when it names one, else the
     * first of English and German in {@code Accept-Language} (RFC 9110 §12.5.4, by
     * weight), else English.
     */
    static Language language(String langParam, String acceptLanguage) {
        Optional<Language> chosen = Language.byTag(langParam);
        if (chosen.isPresent()) return chosen.get();
        if (acceptLanguage == null || acceptLanguage.isBlank()) return Language.ENGLISH;
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException malformed) {
            return Language.ENGLISH;
        }
        for (Locale.LanguageRange r : ranges) { // parse() sorts by weight, highest first
            if (r.getWeight() <= 0) continue;
            String primary = r.getRange().split("-", 2)[0];
            Optional<Language> l = Language.byTag(primary);
            if (l.isPresent()) return l.get();
        }
        return Language.ENGLISH;
    }

    /**
     * A "since" filter: an age back from now ("90s", "30m", "2h", "7d") or an ISO
     * time or date (UTC when it names no zone); empty when it is neither.
     */
    static Optional<Long> since(String text, long nowMillis) {
        String t = text.strip();
        Matcher m = AGE.matcher(t);
        if (m.matches()) {
            long unit = switch (m.group(2)) {
                case "s" -> 1_000L;
                case "m", "min" -> 60_000L;
                case "h" -> 3_600_000L;
                default -> 86_400_000L;
            };
            return Optional.of(nowMillis - Long.parseLong(m.group(1)) * unit);
        }
        try {
            return Optional.of(Instant.parse(t).toEpochMilli());
        } catch (DateTimeParseException notAnInstant) {
            // a local date-time or a date, read as UTC
        }
        try {
            return Optional.of(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC).toEpochMilli());
        } catch (DateTimeParseException notADateTime) {
            // maybe a date
        }
        try {
            return Optional.of(LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** {@code s} stripped, or null when absent or blank. */
    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
