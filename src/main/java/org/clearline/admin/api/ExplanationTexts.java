package org.clearline.admin.api;

import java.util.EnumMap;
import java.util.Map;
import org.clearline.failures.Explanations;
import org.clearline.failures.Language;

/** The explanation texts of each language, read from the bundles once and kept (they ship with the program). */
final class ExplanationTexts {
    private final Map<Language, Explanations> byLanguage = new EnumMap<>(Language.class);

    ExplanationTexts() {
        for (Language l : Language.values()) byLanguage.put(l, Explanations.load(l));
    }

    Explanations in(Language language) {
        return byLanguage.get(language);
    }
}
