package org.clearline.failures;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The keys of the explanation bundles, made in one place so that the loader
 * and the completeness test agree on them:
 * <pre>
 *   callee.dnd.title              headline for the owner and the administrator
 *   callee.dnd.caller.title       headline for the caller (may not reveal private facts)
 *   callee.dnd.owner.what         what happened / .causes / .check, per audience
 *   code.486.title                everyday name, .meaning, .check
 *   class.4xx.title               the same for codes without a text of their own
 *   heading.what, audience.admin  framing words
 * </pre>
 */
final class ExplanationKeys {
    private ExplanationKeys() {}

    /** The bundle files under {@code org/clearline/failures/explanations/}, grouped by area. */
    static final List<String> BUNDLES = List.of("request", "auth", "register", "callee", "routing", "server", "codes");

    /** The three parts of an audience's text. */
    enum Part {
        WHAT("what"), CAUSES("causes"), CHECK("check");

        final String key;

        Part(String key) {
            this.key = key;
        }
    }

    /** The three texts of a status code or class. */
    enum CodePart {
        TITLE("title"), MEANING("meaning"), CHECK("check");

        final String key;

        CodePart(String key) {
            this.key = key;
        }
    }

    static String title(Situation s, Audience audience) {
        return audience == Audience.CALLER ? s.id() + ".caller.title" : s.id() + ".title";
    }

    static String text(Situation s, Audience audience, Part part) {
        return s.id() + "." + audience.key() + "." + part.key;
    }

    static String code(int code, CodePart part) {
        return "code." + code + "." + part.key;
    }

    /** For a code without a text of its own: "class.4xx.meaning". */
    static String codeClass(int code, CodePart part) {
        return "class." + (code / 100) + "xx." + part.key;
    }

    static String audience(Audience audience) {
        return "audience." + audience.key();
    }

    /** Every key each language must define, and the only keys it may define. */
    static Set<String> all() {
        Set<String> keys = new LinkedHashSet<>();
        for (Situation s : Situation.values()) {
            keys.add(title(s, Audience.OWNER));
            keys.add(title(s, Audience.CALLER));
            for (Audience a : Audience.values()) {
                for (Part p : Part.values()) keys.add(text(s, a, p));
            }
        }
        for (int code : ExplainedCodes.ALL) {
            for (CodePart p : CodePart.values()) keys.add(code(code, p));
        }
        for (int cls = 1; cls <= 6; cls++) {
            for (CodePart p : CodePart.values()) keys.add(codeClass(cls * 100, p));
        }
        for (Heading h : Heading.values()) keys.add(h.key());
        for (Audience a : Audience.values()) keys.add(audience(a));
        return keys;
    }
}
