package org.clearline.admin.calls;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.clearline.admin.Refusal;
import org.clearline.failures.Audience;
import org.clearline.failures.Language;

/**
 * The reader's choices when an explanation is asked for: in which language and
 * for whom. Shared by {@code explain --lang/--audience} and the REST API's
 * {@code lang}/{@code audience} parameters; messages start with the parameter name.
 */
public final class ExplainChoices {
    private ExplainChoices() {}

    /** "en" or "de" (case-insensitive); null means English. */
    public static Language language(String tag) {
        if (tag == null) return Language.ENGLISH;
        return Language.byTag(tag).orElseThrow(() -> Refusal.invalid("lang", "lang must be "
                + String.join(" or ", Arrays.stream(Language.values()).map(Language::tag).toList()) + ", got '" + tag + "'"));
    }

    /**
     * The language an HTTP {@code Accept-Language} header (RFC 9110 §12.5.4)
     * prefers among ours; English when it names none of them or cannot be read.
     */
    public static Language preferred(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) return Language.ENGLISH;
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            List<String> ours = Arrays.stream(Language.values()).map(Language::tag).toList();
            String best = Locale.lookupTag(ranges, ours);
            return best == null ? Language.ENGLISH : Language.byTag(best).orElse(Language.ENGLISH);
        } catch (IllegalArgumentException unreadable) {
            return Language.ENGLISH;
        }
    }

    /** "caller", "owner" or "admin"; null means the administrator. */
    public static Audience audience(String key) {
        if (key == null) return Audience.ADMIN;
        return Audience.byKey(key).orElseThrow(() -> Refusal.invalid("audience",
                "audience must be caller, owner or admin, got '" + key + "'"));
    }
}
