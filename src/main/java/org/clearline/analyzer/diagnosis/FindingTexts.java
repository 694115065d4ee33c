package org.clearline.analyzer.diagnosis;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.clearline.failures.Explanation;
import org.clearline.failures.Language;

/**
 * The findings told in one language, in the catalogue's own shape
 * ({@link Explanation}: title, what happened, likely causes, what to check), so
 * findings and situations print alike. Read like the catalogue's bundles: plain
 * UTF-8 properties, one file per language, no fall-back between languages
 * ({@code FindingTextsTest} proves each complete). Facts are put into the texts
 * by name ({@code {target}}); an optional fact adds its own sentence.
 */
public final class FindingTexts {
    private static final String BUNDLE = "findings";

    private final Map<String, String> texts;

    private FindingTexts(Map<String, String> texts) {
        this.texts = Map.copyOf(texts);
    }

    public static FindingTexts load(Language language) {
        String suffix = language == Language.GERMAN ? "_de" : "";
        Properties p = new Properties();
        try (InputStream in = FindingTexts.class.getResourceAsStream(BUNDLE + suffix + ".properties")) {
            if (in != null) {
                try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            p.clear(); // every text then shows as its key: visible, never an exception
        }
        Map<String, String> texts = new HashMap<>();
        for (String key : p.stringPropertyNames()) texts.put(key, p.getProperty(key).strip());
        return new FindingTexts(texts);
    }

    /** The finding told with its facts filled in. */
    public Explanation explain(Finding f) {
        String id = f.kind().id();
        StringBuilder what = new StringBuilder(fill(text(id + ".what"), f.facts()));
        for (String optional : f.kind().optional()) {
            if (f.facts().containsKey(optional)) what.append(' ').append(fill(text(id + "." + optional), f.facts()));
        }
        return new Explanation(text(id + ".title"), what.toString(), fill(text(id + ".causes"), f.facts()),
                fill(text(id + ".check"), f.facts()));
    }

    /** The finding's headline alone. */
    public String title(FindingKind kind) {
        return text(kind.id() + ".title");
    }

    /** A word of the report's frame ("report.findings"...). */
    public String word(String key) {
        return text("report." + key);
    }

    /** Every key a language must define (and the only ones it may). */
    static Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        for (FindingKind k : FindingKind.values()) {
            for (String part : new String[] {"title", "what", "causes", "check"}) keys.add(k.id() + "." + part);
            for (String optional : k.optional()) keys.add(k.id() + "." + optional);
        }
        for (String word : REPORT_WORDS) keys.add("report." + word);
        return keys;
    }

    /** The words the reports frame their content with. */
    static final String[] REPORT_WORDS = {"title", "summary", "findings", "ladder", "problems", "no-problems",
            "call", "registration", "other", "in-dialog", "result", "diagnosis", "messages", "more-calls",
            "read", "explanation", "catalogue", "reference", "calls", "registrations", "others", "with-problem",
            "time", "kind", "from", "to"};

    private String text(String key) {
        String t = texts.get(key);
        return t == null || t.isEmpty() ? "[" + key + "]" : t;
    }

    /** Replaces each {name} with the fact's value; unknown names stay as written. */
    static String fill(String template, Map<String, String> facts) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (open < 0 || close < 0) {
                out.append(template, i, template.length());
                break;
            }
            String value = facts.get(template.substring(open + 1, close));
            out.append(template, i, open).append(value != null ? value : template.substring(open, close + 1));
            i = close + 1;
        }
        return out.toString();
    }
}
