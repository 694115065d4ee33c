package org.clearline.admin.api;

import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import org.clearline.admin.calls.CallLogQuery;
import org.clearline.admin.calls.ExplainChoices;
import org.clearline.admin.http.ApiError;
import org.clearline.failures.Audience;
import org.clearline.failures.CodeExplanation;
import org.clearline.failures.ExplainedCodes;
import org.clearline.failures.Explanation;
import org.clearline.failures.Explanations;
import org.clearline.failures.Situation;
import org.clearline.syntax.Responses;

/**
 * {@code /explanations}: the failure catalogue in everyday words, as {@code
 * clearline explain} prints it. Language from {@code lang} or Accept-Language;
 * the reader from {@code audience} (caller, owner, admin; default admin).
 */
final class ExplanationResource {
    record CodeTitle(int code, String reason, String title) {}

    record SituationTitle(String id, int code, String reason, String title) {}

    record Catalogue(String language, List<CodeTitle> codes, List<SituationTitle> situations) {}

    /** One situation told to one audience. */
    record SituationText(String id, int code, String reason, String rfc, String audience, String title, String what,
                         String causes, String check) {
        static SituationText of(Situation s, Audience audience, Explanation e) {
            return new SituationText(s.id(), s.code(), s.reason(), s.rfc(), audience.key(), e.title(), e.what(),
                    e.causes(), e.check());
        }
    }

    /** A status code in general, with the situations that end with it told to one audience. */
    record CodeText(int code, String reason, String title, String meaning, String check,
                    List<SituationText> situations) {
        static CodeText of(CodeExplanation c, Explanations texts, Audience audience) {
            return new CodeText(c.code(), c.reason(), c.title(), c.meaning(), c.check(), c.situations().stream()
                    .map(s -> SituationText.of(s, audience, texts.explain(s, audience))).toList());
        }
    }

    private final ExplanationTexts texts;

    ExplanationResource(ExplanationTexts texts) {
        this.texts = texts;
    }

    void routes(ApiRoutes r) {
        r.get("/explanations", this::catalogue, "lang")
                .get("/explanations/codes/{code}", this::code, "lang", "audience")
                .get("/explanations/situations/{id}", this::situation, "lang", "audience");
    }

    /** Every code with a text of its own and every situation, with titles (as the owner and admin read them). */
    private void catalogue(Context ctx) {
        Explanations t = texts.in(Params.language(ctx));
        List<CodeTitle> codes = ExplainedCodes.ALL.stream().map(c -> new CodeTitle(c, Responses.reasonPhrase(c),
                t.explainCode(c).orElseThrow().title())).toList();
        List<SituationTitle> situations = java.util.Arrays.stream(Situation.values()).map(s -> new SituationTitle(
                s.id(), s.code(), s.reason(), t.explain(s, Audience.ADMIN).title())).toList();
        ctx.json(new Catalogue(t.language().tag(), codes, situations));
    }

    private void code(Context ctx) {
        Explanations t = texts.in(Params.language(ctx));
        Audience audience = ExplainChoices.audience(Params.text(ctx, "audience"));
        String raw = ctx.pathParam("code");
        int code;
        try {
            code = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("code", "code must be a whole number such as 486, got '" + raw + "'");
        }
        CallLogQuery.checkCode(code);
        CodeExplanation c = t.explainCode(code).orElseThrow();
        ctx.json(CodeText.of(c, t, audience));
    }

    private void situation(Context ctx) {
        Explanations t = texts.in(Params.language(ctx));
        Audience audience = ExplainChoices.audience(Params.text(ctx, "audience"));
        String id = ctx.pathParam("id");
        Situation s = Situation.byId(id.toLowerCase(Locale.ROOT));
        if (s == null) {
            throw new ApiError(404, "id", "no situation '" + id + "' (GET " + ApiRoutes.BASE
                    + "/explanations lists them)");
        }
        ctx.json(SituationText.of(s, audience, t.explain(s, audience)));
    }
}
