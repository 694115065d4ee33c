package org.clearline.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import org.clearline.admin.api.ApiHarness.Response;
import org.clearline.failures.Audience;
import org.clearline.failures.ExplainedCodes;
import org.clearline.failures.Explanations;
import org.clearline.failures.Language;
import org.clearline.failures.Situation;
import org.junit.jupiter.api.Test;

/** {@code /explanations}: the catalogue as {@code clearline explain} tells it, in English and German. */
class ExplanationApiTest extends OneServerPerClass {
    private static final Explanations EN = Explanations.load(Language.ENGLISH);
    private static final Explanations DE = Explanations.load(Language.GERMAN);

    @Test
    void theCatalogueListsEveryCodeAndSituationWithTitles() {
        Response r = api.get("/explanations");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Language")).isEqualTo("en");
        JsonNode doc = r.json();
        assertThat(doc.path("language").asText()).isEqualTo("en");
        assertThat(doc.path("codes").findValues("code")).extracting(JsonNode::asInt)
                .containsExactlyElementsOf(ExplainedCodes.ALL);
        assertThat(doc.path("situations").findValuesAsText("id"))
                .containsExactlyElementsOf(Arrays.stream(Situation.values()).map(Situation::id).toList());
        assertThat(doc.path("situations").get(Situation.CALLEE_DND.ordinal()).path("title").asText())
                .isEqualTo(EN.explain(Situation.CALLEE_DND, Audience.ADMIN).title());
        assertThat(doc.path("codes").get(ExplainedCodes.ALL.indexOf(486)).toString())
                .isEqualTo("{\"code\":486,\"reason\":\"Busy Here\",\"title\":\"Busy\"}");
    }

    @Test
    void theLanguageComesFromLangOrAcceptLanguage() {
        String dndDe = DE.explain(Situation.CALLEE_DND, Audience.ADMIN).title();
        assertThat(dndDe).isNotEqualTo(EN.explain(Situation.CALLEE_DND, Audience.ADMIN).title());
        Response de = api.getInLanguage("/explanations", "de-CH, en;q=0.5");
        assertThat(de.header("Content-Language")).isEqualTo("de");
        assertThat(de.json().path("language").asText()).isEqualTo("de");
        assertThat(de.json().path("situations").get(Situation.CALLEE_DND.ordinal()).path("title").asText())
                .isEqualTo(dndDe);
        assertThat(api.getInLanguage("/explanations?lang=en", "de").json().path("language").asText())
                .as("lang wins").isEqualTo("en");
        assertThat(api.getInLanguage("/explanations", "fr, ja;q=0.5").json().path("language").asText())
                .as("none of ours").isEqualTo("en");
        assertThat(api.getInLanguage("/explanations", ";;garbage").status()).isEqualTo(200);
        assertThat(api.get("/explanations?lang=DE").json().path("language").asText()).isEqualTo("de");
        assertThat(api.get("/explanations?lang=fr").error(400, "lang")).isEqualTo("lang must be en or de, got 'fr'");
    }

    @Test
    void aCodeIsExplainedWithItsSituationsForOneAudience() {
        JsonNode c = api.get("/explanations/codes/480?audience=caller").json();
        assertThat(c.path("code").asInt()).isEqualTo(480);
        assertThat(c.path("reason").asText()).isEqualTo("Temporarily Unavailable");
        assertThat(c.path("title").asText()).isEqualTo(EN.explainCode(480).orElseThrow().title());
        assertThat(c.path("meaning").asText()).isEqualTo(EN.explainCode(480).orElseThrow().meaning());
        assertThat(c.path("situations").findValuesAsText("id")).containsExactly("callee.offline", "callee.dnd");
        JsonNode dnd = c.path("situations").get(1);
        assertThat(dnd.path("audience").asText()).isEqualTo("caller");
        assertThat(dnd.path("title").asText()).isEqualTo(EN.explain(Situation.CALLEE_DND, Audience.CALLER).title());
        assertThat(dnd.path("check").asText()).isEqualTo(EN.explain(Situation.CALLEE_DND, Audience.CALLER).check());

        JsonNode classOnly = api.get("/explanations/codes/499").json();
        assertThat(classOnly.path("title").asText()).isEqualTo(EN.explainCode(499).orElseThrow().title());
        assertThat(classOnly.path("situations")).isEmpty();
    }

    @Test
    void aSituationIsToldToTheAudienceAsked() {
        JsonNode admin = api.get("/explanations/situations/callee.dnd").json();
        assertThat(admin.toString()).isEqualTo(situation(EN, Situation.CALLEE_DND, Audience.ADMIN));
        assertThat(api.get("/explanations/situations/callee.dnd?audience=owner&lang=de").json().toString())
                .isEqualTo(situation(DE, Situation.CALLEE_DND, Audience.OWNER));
    }

    private static String situation(Explanations texts, Situation s, Audience a) {
        var e = texts.explain(s, a);
        return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(new ExplanationResource.SituationText(
                s.id(), s.code(), s.reason(), s.rfc(), a.key(), e.title(), e.what(), e.causes(), e.check())).toString();
    }

    @Test
    void badCodesUnknownSituationsAndBadAudiencesAreRefused() {
        assertThat(api.get("/explanations/codes/999").error(400, "code"))
                .isEqualTo("code must be a SIP status code 100..699, got 999");
        assertThat(api.get("/explanations/codes/busy").error(400, "code"))
                .isEqualTo("code must be a whole number such as 486, got 'busy'");
        assertThat(api.get("/explanations/situations/callee.asleep").error(404, "id"))
                .isEqualTo("no situation 'callee.asleep' (GET /api/v1/explanations lists them)");
        assertThat(api.get("/explanations/situations/callee.dnd?audience=everyone").error(400, "audience"))
                .isEqualTo("audience must be caller, owner or admin, got 'everyone'");
        assertThat(api.get("/explanations/codes/486?verbose=true").error(400, "verbose"))
                .isEqualTo("unknown query parameter 'verbose' (known here: lang, audience)");
    }
}
