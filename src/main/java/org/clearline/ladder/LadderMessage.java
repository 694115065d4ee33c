package org.clearline.ladder;

import java.util.Objects;

/**
 * One arrow of a ladder: a message sent from one endpoint to another.
 *
 * @param atMillis       when it was sent or seen (epoch ms; only differences are drawn), or {@link #NO_TIME}
 * @param from           the sending endpoint, as named in the {@link Lane}s (e.g. "udp:192.0.2.1:5060")
 * @param to             the receiving endpoint
 * @param label          the text on the arrow: a start line, whole or as {@link #labelOf} shortens it
 * @param text           the whole message, shown when the arrow is opened (empty when not kept)
 * @param failed         drawn as a failure (a final response that refused something)
 * @param retransmission a copy of an earlier message (§17: timers A/E/G resend), drawn lighter and marked "(again)"
 * @param note           written after the last lane (a peer's address, why the parser refused it); may be empty
 */
public record LadderMessage(long atMillis, String from, String to, String label, String text, boolean failed,
                            boolean retransmission, String note) {
    /** The time of a message whose capture carried none (a text log without time stamps). */
    public static final long NO_TIME = Long.MIN_VALUE;

    public LadderMessage {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        label = label == null ? "" : label;
        text = text == null ? "" : text;
        note = note == null ? "" : note;
    }

    /** A first copy with nothing written after the last lane. */
    public LadderMessage(long atMillis, String from, String to, String label, String text, boolean failed) {
        this(atMillis, from, to, label, text, failed, false, "");
    }

    /** The label as drawn: without the SIP version. */
    public String shortLabel() {
        return labelOf(label);
    }

    /**
     * The label for a SIP start line: a request without its version ("INVITE sip:bob@example.com"),
     * a response without it ("486 Busy Here"); anything else as it is. Shortening twice changes nothing.
     */
    public static String labelOf(String startLine) {
        if (startLine == null) return "";
        String s = startLine.strip();
        if (s.startsWith("SIP/2.0 ")) return s.substring(8);
        if (s.endsWith(" SIP/2.0")) return s.substring(0, s.length() - 8);
        return s;
    }

    /**
     * The status code a label or start line shows ("SIP/2.0 486 Busy Here", "486 Busy Here"), or -1
     * for a request or anything else: a request's first word is a method (§7.1), never three digits.
     */
    public static int status(String label) {
        String s = labelOf(label);
        if (s.length() < 3 || (s.length() > 3 && s.charAt(3) != ' ')) return -1;
        for (int i = 0; i < 3; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') return -1;
        }
        return Integer.parseInt(s.substring(0, 3));
    }
}
