package org.clearline.failures;

import java.util.Locale;
import java.util.Optional;

/** The languages the explanations are written in; every text exists in each of them. */
public enum Language {
    ENGLISH("en", ""),
    GERMAN("de", "_de");

    private final String tag;
    private final String bundleSuffix;

    Language(String tag, String bundleSuffix) {
        this.tag = tag;
        this.bundleSuffix = bundleSuffix;
    }

    /** The BCP 47 language tag: "en", "de". */
    public String tag() {
        return tag;
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    /** The resource bundle suffix: "" for the base (English) files, "_de" for German. */
    String bundleSuffix() {
        return bundleSuffix;
    }

    /** The language for {@code locale}: German for any "de" locale, English for everything else. */
    public static Language of(Locale locale) {
        return locale != null && GERMAN.tag.equals(locale.getLanguage()) ? GERMAN : ENGLISH;
    }

    /** The language with tag {@code tag} ("en", "de", case-insensitive), or empty; for --lang. */
    public static Optional<Language> byTag(String tag) {
        if (tag == null) return Optional.empty();
        String t = tag.strip().toLowerCase(Locale.ROOT);
        for (Language l : values()) {
            if (l.tag.equals(t)) return Optional.of(l);
        }
        return Optional.empty();
    }
}
