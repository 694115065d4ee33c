package org.clearline.core;

import java.util.ArrayList;
import java.util.List;
import org.clearline.syntax.Header;
import org.clearline.syntax.HeaderNames;
import org.clearline.syntax.SipRequest;

/**
 * Raw SIP text for tests, the way a phone would put it on the wire: lines
 * joined with CRLF. Also plays the far end: {@link #response} answers a request
 * the proxy sent, copying what §8.2.6.2 and §12.1.1 say a UAS copies.
 */
public final class Sip {
    private Sip() {}

    /**
     * A message from its start line and header lines; a {@code Content-Length: 0}
     * is added unless one is given, and the header section is closed.
     */
    public static String message(String... lines) {
        StringBuilder sb = new StringBuilder(512);
        boolean length = false;
        for (String l : lines) {
            if (l == null) continue;
            if (l.regionMatches(true, 0, "Content-Length:", 0, 15)) length = true;
            sb.append(l).append("\r\n");
        }
        if (!length) sb.append("Content-Length: 0\r\n");
        return sb.append("\r\n").toString();
    }

    /** {@link #message} from a fixed part and any extra header lines. */
    public static String message(String[] lines, String... extra) {
        List<String> all = new ArrayList<>(List.of(lines));
        all.addAll(List.of(extra));
        return message(all.toArray(String[]::new));
    }

    /**
     * {@code base} lines with each {@code extra} line replacing the first base line of
     * the same header name, or appended when the base has none (start line kept).
     */
    public static String[] override(String[] base, String... extra) {
        List<String> out = new ArrayList<>(List.of(base));
        for (String e : extra) {
            String name = e.substring(0, Math.max(0, e.indexOf(':'))).strip();
            int at = -1;
            for (int i = 1; i < base.length && !name.isEmpty(); i++) {
                if (out.get(i).regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                    at = i;
                    break;
                }
            }
            if (at >= 0) out.set(at, e);
            else out.add(e);
        }
        return out.toArray(String[]::new);
    }

    /** Gives a message made by {@link #message} (with its Content-Length: 0) a body. */
    public static String withBody(String message, String contentType, String body) {
        String end = "Content-Length: 0\r\n\r\n";
        if (!message.endsWith(end)) throw new IllegalArgumentException("not made by Sip.message");
        return message.substring(0, message.length() - end.length()) + "Content-Type: " + contentType + "\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    /**
     * The far end's response to {@code request} (one we recorded leaving the proxy):
     * every Via, From, To (with {@code toTag} added when the To has none and the tag
     * is not null), Call-ID and CSeq; Record-Route too for 101-299, as a UAS
     * establishing a dialog copies it (§12.1.1); then {@code extra} lines.
     */
    public static String response(SipRequest request, int status, String reason, String toTag, String... extra) {
        List<String> lines = new ArrayList<>();
        lines.add("SIP/2.0 " + status + " " + reason);
        for (Header h : request.headers()) {
            String n = h.name();
            if (n.equals(HeaderNames.VIA) || n.equals(HeaderNames.FROM) || n.equals(HeaderNames.CALL_ID)
                    || n.equals(HeaderNames.CSEQ)) {
                lines.add(n + ": " + h.value());
            } else if (n.equals(HeaderNames.TO)) {
                boolean tagged = request.to().tag() != null;
                lines.add(n + ": " + h.value() + (toTag != null && !tagged ? ";tag=" + toTag : ""));
            } else if (n.equals(HeaderNames.RECORD_ROUTE) && status > 100 && status < 300) {
                lines.add(n + ": " + h.value());
            }
        }
        lines.addAll(List.of(extra));
        return message(lines.toArray(String[]::new));
    }
}
