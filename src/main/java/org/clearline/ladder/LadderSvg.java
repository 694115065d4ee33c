package org.clearline.ladder;

import java.util.List;

/**
 * Draws a {@link Ladder} as inline SVG, plus a numbered list of the whole
 * messages. Each arrow is {@code <g class="arrow" data-index="N">} (N from 1)
 * wrapping a link to message N of the list ({@code <details id="PREFIX-msg-N">}),
 * so a click shows the message without any script; a page may add a script that
 * opens the details it links to. Colours are presentation attributes, so the SVG
 * looks right without a style sheet (and under a strict Content-Security-Policy,
 * or mailed as one self-contained page); the classes let a style sheet restyle it.
 * Arrows are coloured by what they carry: requests blue, provisional responses
 * grey, successes green, other responses amber, and failures red; a
 * retransmission is dashed, lighter and marked "(again)".
 */
public final class LadderSvg {
    /** Width of the time column on the left, in px. */
    static final int TIME_COLUMN = 76;
    /** Distance between two lanes, in px. */
    static final int LANE_GAP = 260;
    /** Room right of the last lane for notes, when any message has one, in px. */
    static final int NOTE_ROOM = 320;
    /** Height of the lane titles above the first arrow, in px. */
    static final int HEAD = 52;
    /** Height of one message row, in px. */
    static final int ROW = 30;
    /** Average width of one character of the 12 px monospace font, in px (for cutting labels). */
    static final double CHAR_WIDTH = 7.3;
    /** Marks a retransmission after its label. */
    static final String AGAIN = " (again)";

    private static final String INK = "#1d2330";
    private static final String LANE = "#8a94a6";

    private LadderSvg() {}

    /** The diagram and the message list in one {@code <figure class="ladder">}. */
    public static String html(Ladder ladder, String idPrefix) {
        return "<figure class=\"ladder\">\n" + svg(ladder, idPrefix) + messageList(ladder, idPrefix) + "</figure>\n";
    }

    /** The id of message {@code index} (from 1) in the list: the target of its arrow. */
    public static String messageId(String idPrefix, int index) {
        return Markup.idPrefix(idPrefix) + "-msg-" + index;
    }

    public static String svg(Ladder ladder, String idPrefix) {
        String prefix = Markup.idPrefix(idPrefix);
        List<Lane> lanes = ladder.lanes();
        List<LadderMessage> messages = ladder.messages();
        boolean notes = messages.stream().anyMatch(m -> !m.note().isEmpty());
        int width = TIME_COLUMN + Math.max(1, lanes.size()) * LANE_GAP + (notes ? NOTE_ROOM : 0);
        int rows = Math.max(1, messages.size() + (ladder.omitted() > 0 ? 1 : 0));
        int height = HEAD + rows * ROW + 12;
        StringBuilder b = new StringBuilder(512 + messages.size() * 400);
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ladder-svg\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" role=\"img\" aria-labelledby=\"").append(prefix).append("-title\"")
                .append(" font-family=\"ui-monospace, Menlo, Consolas, monospace\" font-size=\"12\">\n");
        b.append("<title id=\"").append(prefix).append("-title\">Ladder diagram: ").append(messages.size())
                .append(messages.size() == 1 ? " message" : " messages").append(" between ").append(lanes.size())
                .append(lanes.size() == 1 ? " endpoint" : " endpoints").append("</title>\n");
        drawLanes(b, lanes, height);
        b.append("<g class=\"arrows\">\n");
        for (int i = 0; i < messages.size(); i++) {
            drawArrow(b, ladder, messages.get(i), i + 1, rowY(i), width, prefix);
        }
        b.append("</g>\n");
        if (ladder.omitted() > 0) {
            b.append("<text class=\"omitted\" x=\"").append(laneX(0)).append("\" y=\"").append(rowY(messages.size()) + 4)
                    .append("\" fill=\"").append(LANE).append("\">(").append(ladder.omitted())
                    .append(" more messages not kept)</text>\n");
        }
        b.append("</svg>\n");
        return b.toString();
    }

    /** The messages whole, numbered as their arrows, each in a {@code <details>} the arrow links to. */
    public static String messageList(Ladder ladder, String idPrefix) {
        String prefix = Markup.idPrefix(idPrefix);
        StringBuilder b = new StringBuilder();
        b.append("<ol class=\"ladder-messages\">\n");
        int n = 0;
        for (LadderMessage m : ladder.messages()) {
            n++;
            b.append("<li><details id=\"").append(messageId(prefix, n)).append('"')
                    .append(m.failed() ? " class=\"failed\"" : "").append(">")
                    .append("<summary><span class=\"offset\">").append(ladder.offset(m, " s")).append("</span> ")
                    .append("<span class=\"hop\">").append(Markup.escape(ladder.titleOf(m.from()))).append(" \u2192 ")
                    .append(Markup.escape(ladder.titleOf(m.to()))).append("</span> ")
                    .append("<span class=\"label\">").append(Markup.escape(m.shortLabel())).append("</span>");
            if (m.retransmission()) b.append(" <span class=\"again\">(again)</span>");
            if (!m.note().isEmpty()) b.append(" <span class=\"note\">").append(Markup.escape(m.note())).append("</span>");
            // a message whose text was not kept (the trace's text budget) still shows its start line
            b.append("</summary>\n<pre>").append(Markup.escape(m.text().isEmpty() ? m.label() : m.text()))
                    .append("</pre></details></li>\n");
        }
        b.append("</ol>\n");
        return b.toString();
    }

    private static void drawLanes(StringBuilder b, List<Lane> lanes, int height) {
        int maxChars = (int) ((LANE_GAP - 16) / CHAR_WIDTH);
        b.append("<g class=\"lanes\">\n");
        for (int i = 0; i < lanes.size(); i++) {
            Lane lane = lanes.get(i);
            int x = laneX(i);
            b.append("<g class=\"lane\" data-endpoint=\"").append(Markup.escape(lane.endpoint())).append("\">")
                    .append("<title>").append(Markup.escape(lane.title()))
                    .append(lane.subtitle().isEmpty() ? "" : " " + Markup.escape(lane.subtitle())).append("</title>")
                    .append("<text class=\"lane-title\" x=\"").append(x).append("\" y=\"18\" text-anchor=\"middle\"")
                    .append(" font-weight=\"bold\" fill=\"").append(INK).append("\">")
                    .append(Markup.escape(Markup.fit(lane.title(), maxChars))).append("</text>");
            if (!lane.subtitle().isEmpty()) {
                b.append("<text class=\"lane-subtitle\" x=\"").append(x).append("\" y=\"34\" text-anchor=\"middle\"")
                        .append(" fill=\"").append(LANE).append("\">")
                        .append(Markup.escape(Markup.fit(lane.subtitle(), maxChars))).append("</text>");
            }
            b.append("<line x1=\"").append(x).append("\" y1=\"").append(HEAD - 10).append("\" x2=\"").append(x)
                    .append("\" y2=\"").append(height - 4).append("\" stroke=\"").append(LANE)
                    .append("\" stroke-dasharray=\"4 3\"/></g>\n");
        }
        b.append("</g>\n");
    }

    private static void drawArrow(StringBuilder b, Ladder ladder, LadderMessage m, int index, int y, int width,
                                  String prefix) {
        int from = ladder.laneOf(m.from());
        int to = ladder.laneOf(m.to());
        int x1 = laneX(from);
        int x2 = laneX(to);
        ArrowKind kind = ArrowKind.of(m);
        String colour = kind.colour();
        String suffix = m.retransmission() ? AGAIN : "";
        String dash = m.retransmission() ? " stroke-dasharray=\"6 3\"" : "";
        b.append("<g class=\"arrow").append(m.failed() ? " failed" : "").append(m.retransmission() ? " again" : "")
                .append("\" data-index=\"").append(index).append("\" data-kind=\"").append(kind.id())
                .append("\" data-from=\"").append(Markup.escape(m.from())).append("\" data-to=\"")
                .append(Markup.escape(m.to())).append('"').append(m.retransmission() ? " opacity=\".55\"" : "")
                .append('>');
        b.append("<a href=\"#").append(messageId(prefix, index)).append("\">");
        b.append("<title>").append(index).append(". ").append(Markup.escape(m.shortLabel() + suffix)).append("</title>");
        // a transparent band over the whole row, so the arrow is easy to hit
        b.append("<rect x=\"0\" y=\"").append(y - ROW / 2 - 4).append("\" width=\"").append(width)
                .append("\" height=\"").append(ROW).append("\" fill=\"transparent\"/>");
        b.append("<text class=\"offset\" x=\"4\" y=\"").append(y + 4).append("\" fill=\"").append(LANE).append("\">")
                .append(ladder.offset(m, " s")).append("</text>");
        if (from == to) {
            // a message an endpoint sends itself: a small loop to the right of its lane
            b.append("<path d=\"M").append(x1).append(' ').append(y - 6).append(" h30 v12 h-22\" fill=\"none\"")
                    .append(" stroke=\"").append(colour).append("\" stroke-width=\"1.5\"").append(dash).append("/>");
            head(b, x1, y + 6, -1, colour);
            int room = (int) ((LANE_GAP - 44) / CHAR_WIDTH) - suffix.length();
            label(b, x1 + 36, y + 4, "start", Markup.fit(m.shortLabel(), room) + suffix, colour);
        } else {
            int dir = x2 > x1 ? 1 : -1;
            b.append("<line x1=\"").append(x1).append("\" y1=\"").append(y).append("\" x2=\"").append(x2 - dir * 8)
                    .append("\" y2=\"").append(y).append("\" stroke=\"").append(colour).append("\" stroke-width=\"1.5\"")
                    .append(dash).append("/>");
            head(b, x2, y, dir, colour);
            int room = (int) ((Math.abs(x2 - x1) - 14) / CHAR_WIDTH) - suffix.length();
            label(b, (x1 + x2) / 2, y - 5, "middle", Markup.fit(m.shortLabel(), room) + suffix, colour);
        }
        b.append("</a>");
        if (!m.note().isEmpty()) {
            b.append("<text class=\"note\" x=\"").append(laneX(ladder.lanes().size() - 1) + 14).append("\" y=\"")
                    .append(y + 4).append("\" fill=\"").append(LANE).append("\">")
                    .append(Markup.escape(Markup.fit(m.note(), (int) ((NOTE_ROOM - 14) / CHAR_WIDTH)))).append("</text>");
        }
        b.append("</g>\n");
    }

    private static void head(StringBuilder b, int x, int y, int dir, String colour) {
        b.append("<polygon points=\"").append(x).append(',').append(y).append(' ').append(x - dir * 9).append(',')
                .append(y - 4).append(' ').append(x - dir * 9).append(',').append(y + 4).append("\" fill=\"")
                .append(colour).append("\"/>");
    }

    private static void label(StringBuilder b, int x, int y, String anchor, String text, String colour) {
        b.append("<text class=\"label\" x=\"").append(x).append("\" y=\"").append(y).append("\" text-anchor=\"")
                .append(anchor).append("\" fill=\"").append(colour).append("\">").append(Markup.escape(text))
                .append("</text>");
    }

    private static int laneX(int lane) {
        return TIME_COLUMN + LANE_GAP / 2 + Math.max(0, lane) * LANE_GAP;
    }

    private static int rowY(int row) {
        return HEAD + row * ROW + ROW / 2 + 4;
    }
}
