package org.clearline.ladder;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link Ladder} as text: a time column, then one bar per lane (titled with
 * the lane's title), and each message an arrow between two bars labelled with
 * its short start line:
 * <pre>
 *           caller                                       Clearline
 * +0.000s   |-INVITE sip:bob@example.com ---------------&gt;|
 * +0.001s   |&lt;- 100 Trying ------------------------------|
 * </pre>
 * An arrow that spans several lanes is drawn over the bars between. Labels
 * too long for the arrow are cut with "~" so the arrow keeps its shape; a
 * retransmission ends in "(again)"; a note is written after the last bar.
 */
public final class TextLadder {
    /** Width of the time column, wider when a time label needs it. */
    public static final int TIME = 10;
    /** Characters between two bars when there is room. */
    public static final int WIDEST_GAP = 44;
    /** The narrowest gap, used when many lanes must fit. */
    public static final int NARROWEST_GAP = 24;
    /** Lines aim to stay within this width (the note after the last bar aside). */
    public static final int TARGET_WIDTH = 160;

    private TextLadder() {}

    /** The gap for {@code lanes} lanes: as wide as fits in {@link #TARGET_WIDTH}, within the bounds. */
    public static int gapFor(int lanes) {
        if (lanes < 2) return WIDEST_GAP;
        int fit = (TARGET_WIDTH - TIME) / (lanes - 1) - 1;
        return Math.max(NARROWEST_GAP, Math.min(WIDEST_GAP, fit));
    }

    public static void print(PrintWriter out, Ladder ladder) {
        print(out, ladder, gapFor(ladder.lanes().size()));
    }

    public static void print(PrintWriter out, Ladder ladder, int gap) {
        List<Lane> lanes = ladder.lanes();
        int n = lanes.size();
        int time = TIME;
        for (LadderMessage m : ladder.messages()) time = Math.max(time, ladder.offset(m, "s").length() + 1);
        StringBuilder head = new StringBuilder(pad("", time));
        for (int i = 0; i < n; i++) head.append(i < n - 1 ? pad(lanes.get(i).title(), gap + 1) : lanes.get(i).title());
        out.println(head.toString().stripTrailing());
        for (LadderMessage m : ladder.messages()) out.println(line(ladder, m, gap, time));
        if (ladder.omitted() > 0) out.println(pad("", time) + "(" + ladder.omitted() + " more messages not kept)");
    }

    static String line(Ladder ladder, LadderMessage m, int gap, int timeWidth) {
        int columns = ladder.lanes().size();
        int width = timeWidth + Math.max(0, columns - 1) * (gap + 1) + 1;
        char[] row = new char[width];
        Arrays.fill(row, ' ');
        String time = ladder.offset(m, "s");
        time.getChars(0, time.length(), row, 0);
        for (int c = 0; c < columns; c++) row[bar(c, gap, timeWidth)] = '|';
        int from = Math.max(0, ladder.laneOf(m.from()));
        int to = Math.max(0, ladder.laneOf(m.to()));
        int left = Math.min(from, to);
        int right = Math.max(from, to);
        String label = m.shortLabel();
        String suffix = m.retransmission() ? LadderSvg.AGAIN : "";
        if (left == right) {
            // a message a lane sends itself: written beside its bar, in the gap that exists
            String self = fit("<-> " + label, gap - suffix.length()) + suffix;
            int column = left < columns - 1 ? left : left - 1;
            if (column >= 0) self.getChars(0, self.length(), row, bar(column, gap, timeWidth) + 1);
        } else {
            int start = bar(left, gap, timeWidth) + 1;
            int length = bar(right, gap, timeWidth) - start;
            String text = fit(label, length - 6 - suffix.length()) + suffix;
            String arrow = from < to ? rightwards(text, length) : leftwards(text, length);
            arrow.getChars(0, length, row, start);
        }
        String text = new String(row);
        return (m.note().isEmpty() ? text : text + "   " + m.note()).stripTrailing();
    }

    private static int bar(int column, int gap, int timeWidth) {
        return timeWidth + column * (gap + 1);
    }

    private static String rightwards(String label, int length) {
        String l = "-" + fit(label, length - 6) + " ";
        return l + "-".repeat(Math.max(0, length - l.length() - 1)) + ">";
    }

    private static String leftwards(String label, int length) {
        String l = "<- " + fit(label, length - 6) + " ";
        return l + "-".repeat(Math.max(0, length - l.length()));
    }

    /** Start lines are long (URIs); the arrow keeps its shape and the label is cut. */
    private static String fit(String label, int max) {
        return label.length() <= max ? label : label.substring(0, Math.max(0, max - 1)) + "~";
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}
