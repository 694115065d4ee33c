package org.clearline.failures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** What {@link Explanations} answers for codes, situations and audiences. */
class ExplanationsTest {
    private final Explanations en = Explanations.load(Locale.ENGLISH);
    private final Explanations de = Explanations.load(Locale.GERMAN);

    @Test
    void busyListsTheCallLimit() {
        CodeExplanation busy = en.explainCode(486).orElseThrow();
        assertThat(busy.code()).isEqualTo(486);
        assertThat(busy.reason()).isEqualTo("Busy Here");
        assertThat(busy.title()).isEqualTo("Busy");
        assertThat(busy.situations()).containsExactly(Situation.CALLEE_CALL_LIMIT);
        assertThat(de.explainCode(486).orElseThrow().title()).isEqualTo("Besetzt");
    }

    @Test
    void aCodeListsEverySituationThatSendsIt() {
        assertThat(en.explainCode(480).orElseThrow().situations())
                .containsExactly(Situation.CALLEE_OFFLINE, Situation.CALLEE_DND);
        assertThat(en.explainCode(503).orElseThrow().situations()).containsExactly(Situation.REGISTER_STORE_UNAVAILABLE,
                Situation.CALLEE_UNREACHABLE, Situation.TRUNK_UNREACHABLE, Situation.SERVER_MAINTENANCE,
                Situation.SERVER_OVERLOADED, Situation.SERVER_SHUTTING_DOWN, Situation.SERVER_STOPPED_DURING_SETUP);
        assertThat(en.explainCode(401).orElseThrow().situations()).contains(Situation.AUTH_UNKNOWN_USER,
                Situation.AUTH_WRONG_CREDENTIALS, Situation.AUTH_STALE_NONCE);
        for (Situation s : Situation.values()) {
            assertThat(en.explainCode(s.code()).orElseThrow().situations()).as(s.id()).contains(s);
        }
    }

    @Test
    void normalStepsAndRelayedCodesHaveTextsButNoSituation() {
        CodeExplanation ringing = en.explainCode(180).orElseThrow();
        assertThat(ringing.reason()).isEqualTo("Ringing");
        assertThat(ringing.meaning()).contains("ringing");
        assertThat(ringing.situations()).isEmpty();
        assertThat(en.explainCode(600).orElseThrow().title()).isEqualTo("Busy everywhere");
        assertThat(en.explainCode(183).orElseThrow().check()).contains("NAT");
    }

    @Test
    void aCodeWithoutATextOfItsOwnIsExplainedByItsClass() {
        CodeExplanation c = en.explainCode(499).orElseThrow();
        assertThat(c.reason()).isEqualTo("Bad Request"); // §21: an unknown code is treated as x00
        assertThat(c.title()).isEqualTo("Request failed");
        assertThat(c.situations()).isEmpty();
        assertThat(de.explainCode(699).orElseThrow().title()).isEqualTo("Globale Ablehnung");
    }

    @Test
    void numbersOutsideTheStatusCodeRangeAreNoCodes() {
        assertThat(en.explainCode(99)).isEmpty();
        assertThat(en.explainCode(700)).isEmpty();
        assertThat(en.explainCode(-486)).isEmpty();
    }

    @Test
    void theThreeAudiencesReadDifferentTexts() {
        Explanation caller = en.explain(Situation.CALLEE_CALL_LIMIT, Audience.CALLER);
        Explanation owner = en.explain(Situation.CALLEE_CALL_LIMIT, Audience.OWNER);
        Explanation admin = en.explain(Situation.CALLEE_CALL_LIMIT, Audience.ADMIN);
        assertThat(caller.title()).isEqualTo("The line is busy");
        assertThat(owner.title()).isEqualTo(admin.title()).isEqualTo("The line's call limit is reached");
        assertThat(admin.check()).contains("clearline line set ACCOUNT --max-calls N");
        assertThat(owner.what()).isNotEqualTo(admin.what()).isNotEqualTo(caller.what());
    }

    @Test
    void audiencesAndLanguagesAreNamedAsOnTheCommandLine() {
        assertThat(Audience.byKey("Owner")).contains(Audience.OWNER);
        assertThat(Audience.byKey("callee")).isEmpty();
        assertThat(Audience.byKey(null)).isEmpty();
        assertThat(Language.byTag("DE")).contains(Language.GERMAN);
        assertThat(Language.byTag("fr")).isEmpty();
        assertThat(Language.GERMAN.locale()).isEqualTo(Locale.GERMAN);
        assertThat(de.name(Audience.ADMIN)).isEqualTo("für den Administrator");
        assertThat(de.heading(Heading.WHAT)).isEqualTo("Was geschah");
    }
}
