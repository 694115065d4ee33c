package org.clearline.admin.web;

import static org.clearline.admin.http.Html.escape;

import org.clearline.failures.Audience;
import org.clearline.failures.CodeExplanation;
import org.clearline.failures.Explanation;
import org.clearline.failures.Explanations;
import org.clearline.failures.Heading;
import org.clearline.failures.Situation;

/** The catalogue's texts as markup, in the language the reader asked for (marked with {@code lang}). */
final class ExplanationView {
    private ExplanationView() {}

    /** One situation told to one audience: title, what happened, causes, what to check, reference. */
    static String situation(Explanations texts, Situation s, Audience who, String heading) {
        Explanation e = texts.explain(s, who);
        return "<article class=\"explanation audience-" + who.key() + "\" lang=\"" + texts.language().tag()
                + "\" data-situation=\"" + escape(s.id()) + "\" data-audience=\"" + who.key() + "\">\n"
                + "<" + heading + ">" + escape(e.title()) + " <span class=\"audience\">(" + escape(texts.name(who))
                + ")</span></" + heading + ">\n"
                + "<dl>\n"
                + item(texts.heading(Heading.WHAT), e.what())
                + item(texts.heading(Heading.CAUSES), e.causes())
                + item(texts.heading(Heading.CHECK), e.check())
                + item(texts.heading(Heading.RFC), s.rfc())
                + "</dl>\n</article>\n";
    }

    /** What a status code means in general, with its first checks. */
    static String code(Explanations texts, CodeExplanation c, String heading) {
        String head = c.code() + " " + c.reason();
        return "<article class=\"explanation code\" lang=\"" + texts.language().tag() + "\" data-code=\"" + c.code()
                + "\">\n<" + heading + ">" + escape(head)
                + (c.title().equalsIgnoreCase(c.reason()) ? "" : " <span class=\"title\">– " + escape(c.title()) + "</span>")
                + "</" + heading + ">\n"
                + "<p>" + escape(c.meaning()) + "</p>\n"
                + "<dl>\n" + item(texts.heading(Heading.FIRST_CHECKS), c.check()) + "</dl>\n</article>\n";
    }

    private static String item(String name, String text) {
        return "<dt>" + escape(name) + "</dt><dd>" + escape(text) + "</dd>\n";
    }
}
