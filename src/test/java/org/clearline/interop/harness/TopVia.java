package org.clearline.interop.harness;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Points the top Via of a raw request at the test's own socket, leaving every
 * other byte alone. Without it the server would (rightly, RFC 3261 §18.2.2)
 * answer at the Via's port, not at our socket. Bytes are handled as
 * ISO-8859-1, which maps each byte to one char and back unchanged.
 */
public final class TopVia {
    private static final Pattern VIA_LINE = Pattern.compile("(?im)^(?:via|v)[ \\t]*:");
    /** sent-protocol "/" transport, LWS (folding allowed), then sent-by up to ';' ',' or whitespace. */
    private static final Pattern SENT_BY =
            Pattern.compile("SIP\\s*/\\s*[0-9.]+\\s*/\\s*([A-Za-z0-9]+)(\\s+)([^;,\\s]+)");

    private TopVia() {}

    /** True when the bytes start with a request line (not "SIP/2.0 ..."). */
    public static boolean isRequest(byte[] message) {
        String start = new String(message, 0, Math.min(message.length, 8), StandardCharsets.ISO_8859_1);
        return !start.startsWith("SIP/");
    }

    /**
     * The message with the top Via's transport and sent-by replaced, or the
     * bytes unchanged when there is no recognisable Via in the header section.
     */
    public static byte[] rewrite(byte[] message, String transport, int port) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        int headerEnd = text.indexOf("\r\n\r\n");
        String head = headerEnd < 0 ? text : text.substring(0, headerEnd);
        Matcher line = VIA_LINE.matcher(head);
        if (!line.find()) return message;
        Matcher via = SENT_BY.matcher(head);
        if (!via.find(line.end())) return message;
        String replaced = text.substring(0, via.start(1)) + transport + via.group(2) + "127.0.0.1:" + port
                + text.substring(via.end(3));
        return replaced.getBytes(StandardCharsets.ISO_8859_1);
    }
}
