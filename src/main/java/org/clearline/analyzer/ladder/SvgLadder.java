package org.clearline.analyzer.ladder;

import java.util.Locale;

/**
 * A {@link Ladder} as one self-contained SVG element: a lifeline per
 * participant, an arrow per message coloured by its kind (requests blue,
 * provisional grey, success green, redirects amber, failures red),
 * retransmissions dashed, and the whole message as the arrow's tooltip. No
 * scripts and no external resources, so it can be inlined in any page (the
 * analyzer's HTML report, later the dashboard).
 */
public final class SvgLadder {
    /** Horizontal distance between two lifelines, in pixels. */
    static final int COLUMN = 220;
    /** Room for the time labels left of the first lifeline. */
    static final int LEFT = 96;
    static final int TOP = 44;
    /** Vertical distance between two arrows. */
    static final int ROW = 30;
    /** Room right of the last lifeline for notes. */
    static final int RIGHT = 160;
    /** Approximate width of one character of the 12 px monospace labels. */
    private static final double CHAR = 7.3;
    /** The tooltip holds at most this many characters of a message. */
    static final int MAX_DETAIL = 4000;

    private static final String STYLE = """
            .ld-head{font:bold 13px sans-serif;fill:#111827;text-anchor:middle}\
            .ld-life{stroke:#9ca3af;stroke-width:1;stroke-dasharray:4 3}\
            .ld-time{font:11px monospace;fill:#6b7280;text-anchor:end}\
            .ld-label{font:12px monospace;text-anchor:middle}\
            .ld-note{font:11px sans-serif;fill:#6b7280}\
            .ld-msg line,.ld-msg path{stroke-width:1.6;fill:none}\
            .ld-retrans{opacity:.55}.ld-retrans line,.ld-retrans path{stroke-dasharray:6 3}\
            .ld-request line,.ld-request path{stroke:#1d4ed8}.ld-request polygon,.ld-request text.ld-label{fill:#1d4ed8}\
            .ld-provisional line,.ld-provisional path{stroke:#6b7280}.ld-provisional polygon,.ld-provisional text.ld-label{fill:#4b5563}\
            .ld-success line,.ld-success path{stroke:#15803d}.ld-success polygon,.ld-success text.ld-label{fill:#15803d}\
            .ld-redirect line,.ld-redirect path{stroke:#b45309}.ld-redirect polygon,.ld-redirect text.ld-label{fill:#b45309}\
            .ld-failure line,.ld-failure path{stroke:#b91c1c}.ld-failure polygon,.ld-failure text.ld-label{fill:#b91c1c}\
            """;

    private SvgLadder() {}

    public static String render(Ladder ladder) {
        int n = ladder.columns().size();
        int rows = ladder.arrows().size() + (ladder.omitted() > 0 ? 1 : 0);
        int width = LEFT + (n - 1) * COLUMN + RIGHT;
        int height = TOP + rows * ROW + 20;
        StringBuilder svg = new StringBuilder(512 + ladder.arrows().size() * 400);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ladder\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" role=\"img\" aria-label=\"SIP ladder diagram, ")
                .append(ladder.arrows().size()).append(" messages\">");
        svg.append("<style>").append(STYLE).append("</style>");
        for (int c = 0; c < n; c++) {
            int x = x(c);
            svg.append("<text class=\"ld-head\" x=\"").append(x).append("\" y=\"18\">")
                    .append(escape(fit(ladder.columns().get(c), (int) (COLUMN / CHAR) - 1))).append("</text>");
            svg.append("<line class=\"ld-life\" x1=\"").append(x).append("\" y1=\"26\" x2=\"").append(x)
                    .append("\" y2=\"").append(height - 8).append("\"/>");
        }
        int y = TOP;
        for (Ladder.Arrow a : ladder.arrows()) {
            arrow(svg, a, y, x(n - 1) + 14);
            y += ROW;
        }
        if (ladder.omitted() > 0) {
            svg.append("<text class=\"ld-note\" x=\"").append(x(0)).append("\" y=\"").append(y)
                    .append("\">(").append(ladder.omitted()).append(" more messages not kept)</text>");
        }
        return svg.append("</svg>").toString();
    }

    private static void arrow(StringBuilder svg, Ladder.Arrow a, int y, int noteX) {
        svg.append("<g class=\"ld-msg ld-").append(a.style().name().toLowerCase(Locale.ROOT))
                .append(a.retransmission() ? " ld-retrans" : "").append("\">");
        if (a.detail() != null && !a.detail().isEmpty()) {
            String detail = a.detail().length() > MAX_DETAIL ? a.detail().substring(0, MAX_DETAIL) + "\n..." : a.detail();
            svg.append("<title>").append(escape(detail)).append("</title>");
        }
        svg.append("<text class=\"ld-time\" x=\"").append(LEFT - 14).append("\" y=\"").append(y + 4).append("\">")
                .append(escape(a.time())).append("</text>");
        String label = Ladder.shortLabel(a.label());
        String suffix = a.retransmission() ? " (again)" : "";
        if (a.from() == a.to()) {
            int x = x(a.from());
            svg.append("<path d=\"M").append(x).append(' ').append(y - 8).append(" h24 v14 h-20\"/>");
            svg.append("<polygon points=\"").append(x).append(',').append(y + 6).append(' ').append(x + 8).append(',')
                    .append(y + 2).append(' ').append(x + 8).append(',').append(y + 10).append("\"/>");
            svg.append("<text class=\"ld-label\" style=\"text-anchor:start\" x=\"").append(x + 30).append("\" y=\"")
                    .append(y).append("\">").append(escape(fit(label, (int) (COLUMN / CHAR) - 6 - suffix.length()) + suffix))
                    .append("</text>");
        } else {
            int x1 = x(a.from());
            int x2 = x(a.to());
            int dir = x2 > x1 ? 1 : -1;
            int tip = x2 - dir;
            svg.append("<line x1=\"").append(x1).append("\" y1=\"").append(y).append("\" x2=\"").append(tip - dir * 8)
                    .append("\" y2=\"").append(y).append("\"/>");
            svg.append("<polygon points=\"").append(tip).append(',').append(y).append(' ').append(tip - dir * 10)
                    .append(',').append(y - 5).append(' ').append(tip - dir * 10).append(',').append(y + 5).append("\"/>");
            int span = Math.abs(x2 - x1);
            svg.append("<text class=\"ld-label\" x=\"").append((x1 + x2) / 2).append("\" y=\"").append(y - 6)
                    .append("\">").append(escape(fit(label, (int) (span / CHAR) - 2 - suffix.length()) + suffix)).append("</text>");
        }
        if (!a.note().isEmpty()) {
            svg.append("<text class=\"ld-note\" x=\"").append(noteX).append("\" y=\"").append(y + 4).append("\">")
                    .append(escape(fit(a.note(), (int) (RIGHT / 6.2)))).append("</text>");
        }
        svg.append("</g>");
    }

    private static int x(int column) {
        return LEFT + column * COLUMN;
    }

    private static String fit(String s, int max) {
        if (max < 2) return "";
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    /** XML text and attribute escaping; control characters other than tab and line breaks are dropped. */
    public static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') out.append(c);
                    else if (c == '\r') continue;
                }
            }
        }
        return out.toString();
    }
}
