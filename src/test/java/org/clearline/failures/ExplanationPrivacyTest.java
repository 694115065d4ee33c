package org.clearline.failures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 5, privacy: what a caller reads says no more than the SIP answer the
 * caller got. A declined caller is not told about a reject list, a caller who
 * meets do-not-disturb or a call limit is not told so, and nobody learns
 * whether a SIP ID exists.
 */
class ExplanationPrivacyTest {
    /** The situations whose causes are private to the callee (or to the server). */
    private static final List<Situation> PRIVATE = List.of(Situation.CALLEE_REJECTED, Situation.CALLEE_DND,
            Situation.CALLEE_CALL_LIMIT, Situation.AUTH_UNKNOWN_USER, Situation.AUTH_PROXY_UNKNOWN_USER);

    /** Words that would give a private fact away, per language; compared case-insensitively. */
    private static final Map<Language, List<String>> GIVEAWAYS = Map.of(
            Language.ENGLISH, List.of("block", "reject rule", "rule", "list", "do-not-disturb", "do not disturb",
                    "dnd", "limit", "maximum", "unknown user", "unknown", "does not exist", "no account"),
            Language.GERMAN, List.of("sperr", "blockier", "regel", "liste", "nicht stören", "nicht-stören", "dnd",
                    "limit", "grenze", "höchst", "gleichzeitig", "unbekannt", "existiert nicht", "gibt es nicht",
                    "kein konto"));

    @ParameterizedTest
    @EnumSource(Language.class)
    void callerTextsOfPrivateSituationsGiveNothingAway(Language language) {
        Explanations texts = Explanations.load(language);
        for (Situation s : PRIVATE) {
            String caller = all(texts.explain(s, Audience.CALLER)).toLowerCase(Locale.ROOT);
            for (String word : GIVEAWAYS.get(language)) {
                assertThat(caller).as(s.id() + " caller text (" + language + ") contains '" + word + "'")
                        .doesNotContain(word);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theWordListWouldCatchALeak(Language language) {
        // the owner and admin texts do name the private cause; the caller check above is not vacuous
        Explanations texts = Explanations.load(language);
        for (Situation s : PRIVATE) {
            String admin = all(texts.explain(s, Audience.ADMIN)) + " " + all(texts.explain(s, Audience.OWNER));
            assertThat(GIVEAWAYS.get(language)).as(s.id() + " (" + language + ")")
                    .anyMatch(word -> admin.toLowerCase(Locale.ROOT).contains(word));
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void callersCannotTellDndFromOffline(Language language) {
        // both send 480; the explanation must not be the difference
        Explanations texts = Explanations.load(language);
        assertThat(texts.explain(Situation.CALLEE_DND, Audience.CALLER))
                .isEqualTo(texts.explain(Situation.CALLEE_OFFLINE, Audience.CALLER));
        assertThat(texts.explain(Situation.CALLEE_DND, Audience.OWNER))
                .isNotEqualTo(texts.explain(Situation.CALLEE_OFFLINE, Audience.OWNER));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void callersCannotTellAnUnknownSipIdFromAWrongPassword(Language language) {
        // RFC 3261 §22.4 answer is the same for both; so is what the caller reads
        Explanations texts = Explanations.load(language);
        assertThat(texts.explain(Situation.AUTH_UNKNOWN_USER, Audience.CALLER))
                .isEqualTo(texts.explain(Situation.AUTH_WRONG_CREDENTIALS, Audience.CALLER));
        assertThat(texts.explain(Situation.AUTH_PROXY_UNKNOWN_USER, Audience.CALLER))
                .isEqualTo(texts.explain(Situation.AUTH_PROXY_WRONG_CREDENTIALS, Audience.CALLER));
        assertThat(texts.explain(Situation.AUTH_UNKNOWN_USER, Audience.ADMIN))
                .isNotEqualTo(texts.explain(Situation.AUTH_WRONG_CREDENTIALS, Audience.ADMIN));
    }

    @Test
    void aDeclinedCallerReadsAPlainDecline() {
        assertThat(Explanations.load(Locale.ENGLISH).explain(Situation.CALLEE_REJECTED, Audience.CALLER).what())
                .isEqualTo("The person you called declined the call.");
        assertThat(Explanations.load(Locale.GERMAN).explain(Situation.CALLEE_REJECTED, Audience.CALLER).what())
                .isEqualTo("Die angerufene Person hat den Anruf abgelehnt.");
    }

    private static String all(Explanation e) {
        return String.join(" ", e.title(), e.what(), e.causes(), e.check());
    }
}
