package org.clearline.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.clearline.failures.Audience;
import org.clearline.failures.ExplainedCodes;
import org.clearline.failures.Explanations;
import org.clearline.failures.Language;
import org.clearline.failures.Situation;
import org.clearline.admin.http.Html;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The codes page: every code Clearline explains and every situation, in English or German. */
class CodesPageTest {
    private DashboardHarness web;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        web = new DashboardHarness(dir);
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void everyCodeAndEverySituationIsExplained() throws Exception {
        String page = web.page("/codes", 200);
        Explanations en = Explanations.load(Language.ENGLISH);
        for (int code : ExplainedCodes.ALL) {
            assertThat(page).contains("<section class=\"code-entry\" id=\"code-" + code + "\">")
                    .contains(Html.escape(en.explainCode(code).orElseThrow().meaning()));
        }
        for (Situation s : Situation.values()) {
            assertThat(page).contains("<div class=\"situation\" id=\"situation-" + s.id() + "\">");
            for (Audience who : Audience.values()) {
                assertThat(page).contains(Html.escape(en.explain(s, who).what()));
            }
        }
        assertThat(page).doesNotContain("[situation.").doesNotContain("[code.");
    }

    @Test
    void germanByAcceptLanguageOrParameter() throws Exception {
        Explanations de = Explanations.load(Language.GERMAN);
        String byHeader = web.get("/codes", "de").body();
        assertThat(byHeader).contains(Html.escape(de.explain(Situation.CALLEE_DND, Audience.ADMIN).what()))
                .contains("<strong>Deutsch</strong>").contains("<a href=\"/codes?lang=en\"");
        assertThat(web.get("/codes?lang=de", "en-US").body())
                .contains(Html.escape(de.explainCode(486).orElseThrow().meaning()));
        // a language we have no texts in, or a header that is no header, reads English
        assertThat(web.get("/codes", "fr-FR, fr;q=0.9").body()).contains("<strong>English</strong>");
        assertThat(web.get("/codes", ";;;q=x").body()).contains("<strong>English</strong>");
        assertThat(Requests.language(null, "fr;q=1, de;q=0.5, en;q=0.4")).isEqualTo(Language.GERMAN);
        assertThat(Requests.language(null, "de;q=0, en")).isEqualTo(Language.ENGLISH);
    }
}
