package org.clearline.failures;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.clearline.failures.ExplanationKeys.CodePart;
import org.clearline.failures.ExplanationKeys.Part;
import org.clearline.syntax.Responses;

/**
 * The catalogue's texts in one language: each {@link Situation} explained to
 * each {@link Audience}, and each status code in everyday words.
 *
 * <p>The bundles are read as plain UTF-8 properties files, one set per language,
 * rather than through {@link java.util.ResourceBundle}: its parent chain would
 * quietly fill a missing German text with the English one. Here each language
 * stands alone, and {@code ExplanationsBundleTest} proves each is complete. A
 * text that is missing all the same shows as its key in brackets, never as an
 * exception.
 */
public final class Explanations {
    private static final String BUNDLE_DIR = "explanations/";

    private final Language language;
    private final Map<String, String> texts;

    private Explanations(Language language, Map<String, String> texts) {
        this.language = language;
        this.texts = Map.copyOf(texts);
    }

    /** The texts for {@code locale}'s language: German for "de", English for everything else. */
    public static Explanations load(Locale locale) {
        return load(Language.of(locale));
    }

    public static Explanations load(Language language) {
        Map<String, String> texts = new HashMap<>();
        for (String bundle : ExplanationKeys.BUNDLES) {
            Properties p = read(bundleResource(bundle, language));
            for (String key : p.stringPropertyNames()) texts.put(key, p.getProperty(key).strip());
        }
        return new Explanations(language, texts);
    }

    public Language language() {
        return language;
    }

    /** {@code situation} as told to {@code audience}. */
    public Explanation explain(Situation situation, Audience audience) {
        return new Explanation(text(ExplanationKeys.title(situation, audience)),
                text(ExplanationKeys.text(situation, audience, Part.WHAT)),
                text(ExplanationKeys.text(situation, audience, Part.CAUSES)),
                text(ExplanationKeys.text(situation, audience, Part.CHECK)));
    }

    /**
     * What {@code code} means and which situations send it; empty when
     * {@code code} is no SIP status code (outside 100..699). A code without a
     * text of its own is explained by its class.
     */
    public Optional<CodeExplanation> explainCode(int code) {
        if (!ExplainedCodes.isStatusCode(code)) return Optional.empty();
        boolean own = ExplainedCodes.ALL.contains(code);
        return Optional.of(new CodeExplanation(code, Responses.reasonPhrase(code),
                text(own ? ExplanationKeys.code(code, CodePart.TITLE) : ExplanationKeys.codeClass(code, CodePart.TITLE)),
                text(own ? ExplanationKeys.code(code, CodePart.MEANING) : ExplanationKeys.codeClass(code, CodePart.MEANING)),
                text(own ? ExplanationKeys.code(code, CodePart.CHECK) : ExplanationKeys.codeClass(code, CodePart.CHECK)),
                situationsWithCode(code)));
    }

    /** The situations that end with {@code code}, in catalogue order. */
    public static List<Situation> situationsWithCode(int code) {
        List<Situation> found = new ArrayList<>();
        for (Situation s : Situation.values()) {
            if (s.code() == code) found.add(s);
        }
        return found;
    }

    /** A framing word such as "What happened". */
    public String heading(Heading heading) {
        return text(heading.key());
    }

    /** The audience's name, e.g. "for the administrator". */
    public String name(Audience audience) {
        return text(ExplanationKeys.audience(audience));
    }

    private String text(String key) {
        String t = texts.get(key);
        return t == null || t.isEmpty() ? "[" + key + "]" : t;
    }

    /** The classpath name of one bundle file, e.g. "explanations/callee_de.properties". */
    static String bundleResource(String bundle, Language language) {
        return BUNDLE_DIR + bundle + language.bundleSuffix() + ".properties";
    }

    /** Reads a bundle as UTF-8; a missing or unreadable file reads as empty (its texts show as keys). */
    static Properties read(String resource) {
        Properties p = new Properties();
        try (InputStream in = Explanations.class.getResourceAsStream(resource)) {
            if (in == null) return p;
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        } catch (IOException | IllegalArgumentException e) {
            return new Properties();
        }
        return p;
    }
}
