package org.clearline.analyzer.textlog;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time stamps as logs write them, read as UTC (logs rarely name their zone, and
 * the analysis only needs the differences): "2024-01-10 10:00:00.123456",
 * "2024/01/10 10:00:00", ISO "2024-01-10T10:00:00.123Z", syslog "Jan 10
 * 10:00:00" (no year: 1970 is assumed), and seconds since 1970 "1704880800.123".
 */
final class LogTimes {
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4})[-/](\\d{2})[-/](\\d{2})[ T\\t](\\d{2}):(\\d{2}):(\\d{2})(?:[.,](\\d{1,9}))?");
    private static final Pattern SYSLOG = Pattern.compile(
            "\\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +(\\d{1,2}) (\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?");
    private static final Pattern EPOCH = Pattern.compile("^(\\d{9,11})(?:\\.(\\d{1,9}))?$");
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    private LogTimes() {}

    /** The first time stamp in {@code text}, in microseconds since 1970, or -1. */
    static long find(String text) {
        Matcher m = DATE_TIME.matcher(text);
        if (m.find()) {
            return micros(num(m, 1), num(m, 2), num(m, 3), num(m, 4), num(m, 5), num(m, 6), m.group(7));
        }
        m = SYSLOG.matcher(text);
        if (m.find()) {
            int month = MONTHS.indexOf(m.group(1)) / 3 + 1;
            return micros(1970, month, num(m, 2), num(m, 3), num(m, 4), num(m, 5), m.group(6));
        }
        return -1;
    }

    /** "1704880800.123456" (sipdump's "time:" line) in microseconds, or -1. */
    static long epoch(String text) {
        Matcher m = EPOCH.matcher(text.strip());
        if (!m.matches()) return -1;
        return Long.parseLong(m.group(1)) * 1_000_000L + fraction(m.group(2));
    }

    private static long micros(int y, int mo, int d, int h, int mi, int s, String fraction) {
        if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return -1;
        try {
            long seconds = LocalDateTime.of(y, mo, d, h, mi, Math.min(s, 59)).toEpochSecond(ZoneOffset.UTC);
            return seconds * 1_000_000L + fraction(fraction);
        } catch (java.time.DateTimeException e) {
            return -1; // 31 February and the like: no time rather than a wrong one
        }
    }

    private static long fraction(String digits) {
        if (digits == null || digits.isEmpty()) return 0;
        String six = digits.length() >= 6 ? digits.substring(0, 6) : digits + "000000".substring(digits.length());
        return Long.parseLong(six);
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
