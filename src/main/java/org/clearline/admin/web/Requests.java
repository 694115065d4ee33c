package org.clearline.admin.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.clearline.failures.Language;

/** Reading what a page request asks for: its language and plain values. Bad input never throws. */
final class Requests {
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

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** {@code s} stripped, or null when absent or blank. */
    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
