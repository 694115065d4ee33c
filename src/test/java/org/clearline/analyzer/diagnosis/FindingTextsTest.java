package org.clearline.analyzer.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clearline.failures.Explanation;
import org.clearline.failures.Language;
import org.junit.jupiter.api.Test;

/** Every finding is told in every language, with exactly the facts it has. */
class FindingTextsTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    private static Properties bundle(Language language) throws IOException {
        String name = language == Language.GERMAN ? "findings_de.properties" : "findings.properties";
        Properties p = new Properties();
        try (InputStream in = FindingTexts.class.getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void eachLanguageDefinesEveryKeyAndNoOther() throws IOException {
        for (Language language : Language.values()) {
            Properties p = bundle(language);
            assertThat(p.stringPropertyNames()).as(language.tag()).containsExactlyInAnyOrderElementsOf(FindingTexts.keys());
            for (String key : p.stringPropertyNames()) {
                assertThat(p.getProperty(key).strip()).as(language.tag() + " " + key).isNotEmpty();
            }
        }
    }

    @Test
    void textsNameOnlyFactsTheirFindingHas() throws IOException {
        for (Language language : Language.values()) {
            Properties p = bundle(language);
            for (FindingKind k : FindingKind.values()) {
                for (String key : p.stringPropertyNames()) {
                    if (!key.startsWith(k.id() + ".")) continue;
                    Matcher m = PLACEHOLDER.matcher(p.getProperty(key));
                    while (m.find()) {
                        assertThat(k.facts().contains(m.group(1)) || k.optional().contains(m.group(1)))
                                .as(language.tag() + " " + key + " names {" + m.group(1) + "}").isTrue();
                    }
                }
            }
        }
    }

    @Test
    void aFindingIsToldWithItsFactsAndItsOptionalSentences() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("copies", "11");
        facts.put("receiver", "192.0.2.10:5060");
        Explanation without = FindingTexts.load(Language.ENGLISH).explain(new Finding(FindingKind.ACK_MISSING, null, facts));
        assertThat(without.what()).isEqualTo("The 2xx answer to the INVITE was sent 11 time(s) to 192.0.2.10:5060 and no ACK came back.");
        facts.put("bye", "32.0");
        Explanation with = FindingTexts.load(Language.GERMAN).explain(new Finding(FindingKind.ACK_MISSING, null, facts));
        assertThat(with.title()).isEqualTo("Angenommen, aber das ACK kam nie an");
        assertThat(with.what()).endsWith("Die annehmende Seite gab auf und sendete 32.0 s nach ihrer ersten 2xx ein BYE.");
    }

    @Test
    void aFindingWithoutItsFactsCannotBeMade() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new Finding(FindingKind.NO_RESPONSE, null, Map.of("method", "INVITE")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trace.no-response needs the fact target");
    }

    @Test
    void unknownPlaceholdersStayVisible() {
        assertThat(FindingTexts.fill("a {x} b {y}", Map.of("x", "1"))).isEqualTo("a 1 b {y}");
        assertThat(FindingTexts.fill("no braces", Map.of())).isEqualTo("no braces");
        assertThat(FindingTexts.fill("open { only", Map.of())).isEqualTo("open { only");
    }
}
