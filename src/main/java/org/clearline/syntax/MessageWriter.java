package org.clearline.syntax;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@link SipMessage} to bytes: start line, headers in order, CRLF, body (§7). */
public final class MessageWriter {
    private static final byte[] CONTENT_LENGTH = "Content-Length: ".getBytes(StandardCharsets.ISO_8859_1);

    private MessageWriter() {}

    /**
     * Encodes the message. Header values are written back as ISO-8859-1 (the
     * octets they came from); Content-Length is written from the actual body
     * length, in place of the first Content-Length line (others are dropped), or
     * last when there was none. The array is sized up front and filled once.
     * A character above U+00FF (a value built in Java rather than received) is
     * written as UTF-8, and CR or LF inside a value as a space, so a value can
     * never end a line early.
     */
    public static byte[] encode(SipMessage message) {
        String start = message.startLine();
        List<Header> headers = message.headers();
        byte[] body = message.body();
        String length = Integer.toString(body.length);

        int size = encodedLength(start) + 2 + CONTENT_LENGTH.length + length.length() + 2 + 2 + body.length;
        for (int i = 0, n = headers.size(); i < n; i++) {
            Header h = headers.get(i);
            if (h.name() == HeaderNames.CONTENT_LENGTH || h.is(HeaderNames.CONTENT_LENGTH)) continue;
            size += encodedLength(h.name()) + 2 + encodedLength(h.value()) + 2;
        }

        byte[] out = new byte[size];
        int p = put(start, out, 0);
        p = crlf(out, p);
        boolean lengthWritten = false;
        for (int i = 0, n = headers.size(); i < n; i++) {
            Header h = headers.get(i);
            if (h.name() == HeaderNames.CONTENT_LENGTH || h.is(HeaderNames.CONTENT_LENGTH)) {
                if (!lengthWritten) {
                    p = contentLength(out, p, length);
                    lengthWritten = true;
                }
                continue;
            }
            p = put(h.name(), out, p);
            out[p++] = ':';
            out[p++] = ' ';
            p = put(h.value(), out, p);
            p = crlf(out, p);
        }
        if (!lengthWritten) p = contentLength(out, p, length);
        p = crlf(out, p);
        System.arraycopy(body, 0, out, p, body.length);
        return out;
    }

    private static int contentLength(byte[] out, int p, String length) {
        System.arraycopy(CONTENT_LENGTH, 0, out, p, CONTENT_LENGTH.length);
        p = put(length, out, p + CONTENT_LENGTH.length);
        return crlf(out, p);
    }

    private static int crlf(byte[] out, int p) {
        out[p] = '\r';
        out[p + 1] = '\n';
        return p + 2;
    }

    private static int encodedLength(String s) {
        int n = s.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0xFF) n += c < 0x800 ? 1 : Character.isSurrogate(c) ? 1 : 2;
        }
        return n;
    }

    private static int put(String s, byte[] out, int p) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c <= 0xFF) {
                out[p++] = c == '\r' || c == '\n' ? (byte) ' ' : (byte) c;
            } else {
                p = putUtf8(s, i, out, p);
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) i++;
            }
        }
        return p;
    }

    private static int putUtf8(String s, int i, byte[] out, int p) {
        char c = s.charAt(i);
        if (c < 0x800) {
            out[p++] = (byte) (0xC0 | c >> 6);
            out[p++] = (byte) (0x80 | c & 0x3F);
        } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            int cp = Character.toCodePoint(c, s.charAt(i + 1));
            out[p++] = (byte) (0xF0 | cp >> 18);
            out[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
            out[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
            out[p++] = (byte) (0x80 | cp & 0x3F);
        } else if (Character.isSurrogate(c)) {
            // a lone surrogate has no UTF-8 form; encodedLength counted two bytes for it
            out[p++] = '?';
            out[p++] = '?';
        } else {
            out[p++] = (byte) (0xE0 | c >> 12);
            out[p++] = (byte) (0x80 | c >> 6 & 0x3F);
            out[p++] = (byte) (0x80 | c & 0x3F);
        }
        return p;
    }
}
