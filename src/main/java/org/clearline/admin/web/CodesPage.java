package org.clearline.admin.web;

import static org.clearline.admin.http.Html.escape;

import org.clearline.failures.Audience;
import org.clearline.failures.CodeExplanation;
import org.clearline.failures.ExplainedCodes;
import org.clearline.failures.Explanations;
import org.clearline.failures.Heading;
import org.clearline.failures.Language;
import org.clearline.failures.Situation;

/**
 * Every status code Clearline sends or commonly relays, in everyday words, and
 * under each code the situations of the catalogue that end with it, told to the
 * administrator (the account owner's and the caller's versions one click away).
 * The texts follow Accept-Language (English or German) or {@code ?lang=}.
 */
final class CodesPage {
    private CodesPage() {}

    static String render(Explanations texts) {
        StringBuilder b = new StringBuilder("<h1>SIP codes and situations</h1>\n");
        b.append("<p class=\"lang\">Language: ").append(languageLink(texts, Language.ENGLISH, "English")).append(" · ")
                .append(languageLink(texts, Language.GERMAN, "Deutsch")).append("</p>\n");
        b.append("<nav class=\"toc\" aria-label=\"Codes\"><ul>");
        for (int code : ExplainedCodes.ALL) {
            b.append("<li><a href=\"#code-").append(code).append("\">").append(code).append("</a></li>");
        }
        b.append("</ul></nav>\n");
        for (int code : ExplainedCodes.ALL) {
            CodeExplanation c = texts.explainCode(code).orElseThrow();
            b.append("<section class=\"code-entry\" id=\"code-").append(code).append("\">\n");
            b.append(ExplanationView.code(texts, c, "h2"));
            if (c.situations().isEmpty()) {
                b.append("<p class=\"hint\" lang=\"").append(texts.language().tag()).append("\">")
                        .append(escape(texts.heading(Heading.NO_SITUATIONS))).append("</p>\n");
            } else {
                b.append("<h3 lang=\"").append(texts.language().tag()).append("\">")
                        .append(escape(texts.heading(Heading.SITUATIONS))).append("</h3>\n");
                for (Situation s : c.situations()) situation(b, texts, s);
            }
            b.append("</section>\n");
        }
        return Layout.page("Codes", Layout.Section.CODES, b.toString());
    }

    private static void situation(StringBuilder b, Explanations texts, Situation s) {
        b.append("<div class=\"situation\" id=\"situation-").append(escape(s.id())).append("\">\n")
                .append("<p class=\"situation-id\"><code>").append(escape(s.id())).append("</code></p>\n")
                .append(ExplanationView.situation(texts, s, Audience.ADMIN, "h4"));
        for (Audience other : new Audience[] {Audience.OWNER, Audience.CALLER}) {
            b.append("<details><summary>").append(escape(texts.explain(s, other).title())).append(" (")
                    .append(escape(texts.name(other))).append(")</summary>\n")
                    .append(ExplanationView.situation(texts, s, other, "h5")).append("</details>\n");
        }
        b.append("</div>\n");
    }

    private static String languageLink(Explanations texts, Language l, String name) {
        return l == texts.language() ? "<strong>" + name + "</strong>"
                : "<a href=\"/codes?lang=" + l.tag() + "\" hreflang=\"" + l.tag() + "\" lang=\"" + l.tag() + "\">"
                        + name + "</a>";
    }
}
