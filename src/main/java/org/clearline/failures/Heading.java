package org.clearline.failures;

/**
 * Headings that frame explanations wherever they are shown (CLI, dashboard);
 * they live in the same bundles so every language is complete in one place.
 */
public enum Heading {
    /** Before {@link Explanation#what()}. */
    WHAT("what"),
    /** Before {@link Explanation#causes()}. */
    CAUSES("causes"),
    /** Before {@link Explanation#check()}. */
    CHECK("check"),
    /** Before {@link CodeExplanation#check()}. */
    FIRST_CHECKS("first-checks"),
    /** Before the list of situations that produce a code. */
    SITUATIONS("situations"),
    /** When no situation of Clearline produces a code. */
    NO_SITUATIONS("no-situations"),
    /** Before an RFC reference. */
    RFC("rfc");

    private final String key;

    Heading(String key) {
        this.key = key;
    }

    String key() {
        return "heading." + key;
    }
}
