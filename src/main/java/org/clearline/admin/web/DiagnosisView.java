package org.clearline.admin.web;

import static org.clearline.admin.http.Html.escape;

import org.clearline.failures.Explanations;

/**
 * The diagnosis section of an account page. The dashboard's own view reads the
 * facts it has ({@link AccountFindings}); a fuller diagnosis (contacts probed
 * with OPTIONS, more rules) is another implementation of this one method.
 */
@FunctionalInterface
interface DiagnosisView {
    /**
     * The section's inner markup (below its heading), escaped.
     *
     * @param probe the reader asked to check the phones' reachability (OPTIONS) now
     */
    String render(AccountFacts facts, Explanations texts, boolean probe);

    /** The findings the dashboard can make itself, each linked to the situation it leads to. */
    DiagnosisView OWN_FINDINGS = (facts, texts, probe) -> {
        StringBuilder b = new StringBuilder("<ul class=\"findings\">\n");
        for (AccountFindings.Finding f : AccountFindings.of(facts)) {
            b.append("<li class=\"finding ").append(f.level().name().toLowerCase(java.util.Locale.ROOT)).append("\">")
                    .append(escape(f.text()));
            if (f.situation() != null) {
                b.append(" <a href=\"").append(escape(Format.situationHref(f.situation().id()))).append("\"><code>")
                        .append(escape(f.situation().id())).append("</code></a>");
            }
            b.append("</li>\n");
        }
        return b.append("</ul>\n").toString();
    };
}
