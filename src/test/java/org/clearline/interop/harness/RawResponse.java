package org.clearline.interop.harness;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SIP message as received on a test socket, with just enough reading to
 * assert on: the status code (or -1 for a request), Call-ID and CSeq.
 */
public record RawResponse(String text) {
    private static final Pattern STATUS = Pattern.compile("\\ASIP/2\\.0 (\\d{3})[ \\r\\n]");

    public static RawResponse of(byte[] bytes, int length) {
        return new RawResponse(new String(bytes, 0, length, StandardCharsets.ISO_8859_1));
    }

    /** The status code, or -1 when this is not a response. */
    public int status() {
        Matcher m = STATUS.matcher(text);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    public String startLine() {
        int eol = text.indexOf("\r\n");
        return eol < 0 ? text : text.substring(0, eol);
    }

    /** First value of a header (long or compact name), or null. */
    public String header(String name, String compact) {
        for (String line : text.split("\r\n")) {
            if (line.isEmpty()) break;
            int colon = line.indexOf(':');
            if (colon <= 0) continue;
            String n = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            if (n.equals(name.toLowerCase(Locale.ROOT)) || (compact != null && n.equals(compact))) {
                return line.substring(colon + 1).strip();
            }
        }
        return null;
    }

    /** Every value of a header, one per header line, in order. */
    public java.util.List<String> headers(String name) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String line : text.split("\r\n")) {
            if (line.isEmpty()) break;
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
                out.add(line.substring(colon + 1).strip());
            }
        }
        return out;
    }

    public String callId() {
        return header("Call-ID", "i");
    }

    public String cseq() {
        return header("CSeq", null);
    }

    @Override
    public String toString() {
        return startLine();
    }
}
