package org.clearline.analyzer.ladder;

import java.io.PrintWriter;
import java.util.Arrays;

/**
 * A {@link Ladder} as text: a time column, then one bar per participant, and each
 * message an arrow between two bars labelled with its short start line:
 * <pre>
 *           caller                                       Clearline
 * +0.000s   |-INVITE sip:bob@example.com ---------------&gt;|
 * +0.001s   |&lt;- 100 Trying ------------------------------|
 * </pre>
 * An arrow that spans several columns is drawn over the bars between. Labels
 * too long for the arrow are cut with "~" so the arrow keeps its shape.
 */
public final class TextLadder {
    /** Width of the time column, wider when a time label needs it. */
    public static final int TIME = 10;
    /** Characters between two bars when there is room. */
    public static final int WIDEST_GAP = 44;
    /** The narrowest gap, used when many columns must fit. */
    public static final int NARROWEST_GAP = 24;
    /** Lines aim to stay within this width (the note after the last bar aside). */
    public static final int TARGET_WIDTH = 160;

    private TextLadder() {}

    /** The gap for {@code columns} columns: as wide as fits in {@link #TARGET_WIDTH}, within the bounds. */
    public static int gapFor(int columns) {
        if (columns < 2) return WIDEST_GAP;
        int fit = (TARGET_WIDTH - TIME) / (columns - 1) - 1;
        return Math.max(NARROWEST_GAP, Math.min(WIDEST_GAP, fit));
    }

    public static void print(PrintWriter out, Ladder ladder) {
        print(out, ladder, gapFor(ladder.columns().size()));
    }

    public static void print(PrintWriter out, Ladder ladder, int gap) {
        int n = ladder.columns().size();
        int time = TIME;
        for (Ladder.Arrow a : ladder.arrows()) time = Math.max(time, a.time().length() + 1);
        StringBuilder head = new StringBuilder(pad("", time));
        for (int i = 0; i < n; i++) head.append(i < n - 1 ? pad(ladder.columns().get(i), gap + 1) : ladder.columns().get(i));
        out.println(head.toString().stripTrailing());
        for (Ladder.Arrow a : ladder.arrows()) out.println(line(a, n, gap, time));
        if (ladder.omitted() > 0) out.println(pad("", time) + "(" + ladder.omitted() + " more messages not kept)");
    }

    static String line(Ladder.Arrow a, int columns, int gap, int timeWidth) {
        int width = timeWidth + (columns - 1) * (gap + 1) + 1;
        char[] row = new char[width];
        Arrays.fill(row, ' ');
        a.time().getChars(0, a.time().length(), row, 0);
        for (int c = 0; c < columns; c++) row[bar(c, gap, timeWidth)] = '|';
        int left = Math.min(a.from(), a.to());
        int right = Math.max(a.from(), a.to());
        String label = Ladder.shortLabel(a.label());
        String suffix = a.retransmission() ? " (again)" : "";
        if (left == right) {
            // a message a participant sends itself: written beside its bar, in the gap that exists
            String self = fit("<-> " + label, gap - suffix.length()) + suffix;
            int column = left < columns - 1 ? left : left - 1;
            if (column >= 0) self.getChars(0, self.length(), row, bar(column, gap, timeWidth) + 1);
        } else {
            int start = bar(left, gap, timeWidth) + 1;
            int length = bar(right, gap, timeWidth) - start;
            String text = fit(label, length - 6 - suffix.length()) + suffix;
            String arrow = a.from() < a.to() ? rightwards(text, length) : leftwards(text, length);
            arrow.getChars(0, length, row, start);
        }
        String text = new String(row);
        return (a.note().isEmpty() ? text : text + "   " + a.note()).stripTrailing();
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
