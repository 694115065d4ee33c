package org.clearline.analyzer.ladder;

import java.util.List;

/**
 * A ladder diagram: participants left to right and the messages between them in
 * time order.
 *
 * @param columns the participants' names, left to right (at least one)
 * @param arrows  the messages in the order they are drawn
 * @param omitted how many messages were not kept (drawn as a note below the arrows)
 */
public record Ladder(List<String> columns, List<Arrow> arrows, int omitted) {
    public Ladder {
        columns = List.copyOf(columns);
        arrows = List.copyOf(arrows);
        if (columns.isEmpty()) throw new IllegalArgumentException("a ladder needs at least one column");
        for (Arrow a : arrows) {
            if (a.from() < 0 || a.from() >= columns.size() || a.to() < 0 || a.to() >= columns.size()) {
                throw new IllegalArgumentException("arrow between columns " + a.from() + " and " + a.to()
                        + " of " + columns.size());
            }
        }
    }

    /** How an arrow is drawn: the kind of message it carries. */
    public enum Style {
        REQUEST, PROVISIONAL, SUCCESS, REDIRECT, FAILURE;

        /** The style of a message with this start line ("INVITE sip:... SIP/2.0", "SIP/2.0 486 Busy Here"). */
        public static Style of(String startLine) {
            if (startLine == null || !startLine.startsWith("SIP/2.0 ") || startLine.length() < 9) return REQUEST;
            return switch (startLine.charAt(8)) {
                case '1' -> PROVISIONAL;
                case '2' -> SUCCESS;
                case '3' -> REDIRECT;
                default -> FAILURE;
            };
        }
    }

    /**
     * One message.
     *
     * @param time           the time label, e.g. "+1.250s" (may be empty)
     * @param from           sender's column
     * @param to             receiver's column
     * @param label          usually the start line
     * @param style          how to draw it
     * @param retransmission a copy of an earlier message (drawn lighter)
     * @param note           text after the last column (e.g. a peer's address), may be empty
     * @param detail         the whole message, shown on demand (SVG tooltip); may be null
     */
    public record Arrow(String time, int from, int to, String label, Style style, boolean retransmission,
                        String note, String detail) {
        public Arrow {
            time = time == null ? "" : time;
            label = label == null ? "" : label;
            note = note == null ? "" : note;
        }

        /** An arrow labelled with a start line, styled after it. */
        public static Arrow of(String time, int from, int to, String startLine, String note) {
            return new Arrow(time, from, to, startLine, Style.of(startLine), false, note, null);
        }
    }

    /**
     * The start line as an arrow label: "INVITE sip:bob@x" without the version,
     * "486 Busy Here" without "SIP/2.0".
     */
    public static String shortLabel(String startLine) {
        if (startLine.startsWith("SIP/2.0 ")) return startLine.substring(8);
        return startLine.endsWith(" SIP/2.0") ? startLine.substring(0, startLine.length() - 8) : startLine;
    }
}
