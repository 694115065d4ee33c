package org.clearline.ladder;

import java.util.Objects;

/**
 * One arrow of a ladder: a message sent from one endpoint to another.
 *
 * @param atMillis when it was sent or seen (epoch ms; only differences are drawn)
 * @param from     the sending endpoint, as named in the {@link Lane}s (e.g. "udp:192.0.2.1:5060")
 * @param to       the receiving endpoint
 * @param label    the short text on the arrow (a start line, see {@link #labelOf})
 * @param text     the whole message, shown when the arrow is opened
 * @param failed   drawn as a failure (a final response of 300 or above that ended something)
 */
public record LadderMessage(long atMillis, String from, String to, String label, String text, boolean failed) {
    public LadderMessage {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        label = label == null ? "" : label;
        text = text == null ? "" : text;
    }

    /**
     * The label for a SIP start line: a request without its version ("INVITE sip:bob@example.com"),
     * a response without it ("486 Busy Here"); anything else as it is.
     */
    public static String labelOf(String startLine) {
        if (startLine == null) return "";
        String s = startLine.strip();
        if (s.startsWith("SIP/2.0 ")) return s.substring(8);
        if (s.endsWith(" SIP/2.0")) return s.substring(0, s.length() - 8);
        return s;
    }
}
