package org.clearline.failures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each language's bundles, read file by file with no fallback between languages:
 * every key the catalogue needs is there, non-empty, exactly once, and no key is
 * there that nothing reads.
 */
class ExplanationsBundleTest {
    /** Keys whose German text may equal the English one (the same word in both languages). */
    private static final Set<String> SAME_IN_BOTH = Set.of("code.200.title");

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyKeyIsPresentOnceNonEmptyAndNothingElse(Language language) throws Exception {
        Map<String, String> texts = readAll(language);
        Set<String> expected = ExplanationKeys.all();
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(texts.keySet());
        Set<String> orphans = new TreeSet<>(texts.keySet());
        orphans.removeAll(expected);
        assertThat(missing).as("keys missing in " + language).isEmpty();
        assertThat(orphans).as("keys nothing reads in " + language).isEmpty();
        List<String> empty = texts.entrySet().stream().filter(e -> e.getValue().isBlank()).map(Map.Entry::getKey).toList();
        assertThat(empty).as("empty texts in " + language).isEmpty();
        // 54 situations x 11 texts, 36 codes and 6 classes x 3, 7 headings, 3 audiences
        assertThat(texts).hasSize(Situation.values().length * 11 + (ExplainedCodes.ALL.size() + 6) * 3
                + Heading.values().length + Audience.values().length);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void textsAreWholeSentencesAndTitlesAreNot(Language language) throws Exception {
        List<String> bad = new ArrayList<>();
        for (Map.Entry<String, String> e : readAll(language).entrySet()) {
            String key = e.getKey();
            String text = e.getValue();
            if (!text.equals(text.strip()) || text.contains("  ")) bad.add(key + ": stray spaces");
            boolean sentence = !key.startsWith("heading.") && (key.endsWith(".what") || key.endsWith(".causes")
                    || key.endsWith(".check") || key.endsWith(".meaning"));
            if (sentence && !(text.endsWith(".") || text.endsWith("?"))) bad.add(key + ": no full stop");
            if (key.endsWith(".title") && text.endsWith(".")) bad.add(key + ": title ends with a full stop");
        }
        assertThat(bad).isEmpty();
    }

    @Test
    void germanIsTranslatedNotCopied() throws Exception {
        Map<String, String> en = readAll(Language.ENGLISH);
        Map<String, String> de = readAll(Language.GERMAN);
        List<String> copied = new ArrayList<>();
        for (String key : ExplanationKeys.all()) {
            if (en.get(key).equals(de.get(key)) && !SAME_IN_BOTH.contains(key)) copied.add(key);
        }
        assertThat(copied).isEmpty();
    }

    @Test
    void everyCodeTheCatalogueSendsHasATextOfItsOwn() {
        for (Situation s : Situation.values()) {
            assertThat(ExplainedCodes.ALL).as(s.id()).contains(s.code());
        }
        assertThat(ExplainedCodes.ALL).isSorted().doesNotHaveDuplicates()
                .allMatch(ExplainedCodes::isStatusCode)
                .contains(100, 180, 183, 200); // the normal steps of a call, never a situation
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theLoadedTextsNeverShowAKeyInsteadOfAText(Language language) {
        Explanations texts = Explanations.load(language);
        List<String> shown = new ArrayList<>();
        for (Situation s : Situation.values()) {
            for (Audience a : Audience.values()) {
                Explanation e = texts.explain(s, a);
                shown.addAll(List.of(e.title(), e.what(), e.causes(), e.check()));
            }
        }
        for (int code = ExplainedCodes.LOWEST; code <= ExplainedCodes.HIGHEST; code++) {
            CodeExplanation c = texts.explainCode(code).orElseThrow();
            shown.addAll(List.of(c.title(), c.meaning(), c.check()));
        }
        for (Heading h : Heading.values()) shown.add(texts.heading(h));
        for (Audience a : Audience.values()) shown.add(texts.name(a));
        assertThat(shown).noneMatch(t -> t.startsWith("[") && t.endsWith("]"));
    }

    @Test
    void aMissingTextShowsAsItsKeyNotAsAnException() {
        // a bundle that does not exist reads as empty; the key then stands in for the text
        assertThat(Explanations.read("explanations/no-such-bundle.properties")).isEmpty();
    }

    /** All bundle files of one language, checked to be strict UTF-8 and free of duplicate keys. */
    static Map<String, String> readAll(Language language) throws IOException {
        Map<String, String> all = new LinkedHashMap<>();
        for (String bundle : ExplanationKeys.BUNDLES) {
            String resource = Explanations.bundleResource(bundle, language);
            List<String> duplicates = new ArrayList<>();
            java.util.Properties p = new java.util.Properties() {
                @Override
                public synchronized Object put(Object key, Object value) {
                    if (containsKey(key) || all.containsKey((String) key)) duplicates.add((String) key);
                    return super.put(key, value);
                }
            };
            p.load(new StringReader(strictUtf8(resource)));
            assertThat(duplicates).as("keys defined twice, last in " + resource).isEmpty();
            for (String key : p.stringPropertyNames()) all.put(key, p.getProperty(key));
        }
        return all;
    }

    private static String strictUtf8(String resource) throws IOException {
        try (InputStream in = Explanations.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(in.readAllBytes())).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError(resource + " is not UTF-8", e);
        }
    }

    @Test
    void theLanguageFollowsTheLocale() {
        assertThat(Explanations.load(Locale.GERMAN).language()).isEqualTo(Language.GERMAN);
        assertThat(Explanations.load(Locale.forLanguageTag("de-AT")).language()).isEqualTo(Language.GERMAN);
        assertThat(Explanations.load(Locale.ENGLISH).language()).isEqualTo(Language.ENGLISH);
        assertThat(Explanations.load(Locale.FRENCH).language()).isEqualTo(Language.ENGLISH);
        assertThat(Explanations.load((Locale) null).language()).isEqualTo(Language.ENGLISH);
        assertThat(Explanations.load(Locale.GERMAN).explain(Situation.CALLEE_DND, Audience.OWNER).title())
                .isEqualTo("„Nicht stören“ ist eingeschaltet");
        assertThat(Explanations.load(Locale.ENGLISH).explain(Situation.CALLEE_DND, Audience.OWNER).title())
                .isEqualTo("Do-not-disturb is on");
    }
}
