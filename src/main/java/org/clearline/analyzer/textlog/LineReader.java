package org.clearline.analyzer.textlog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Lines of a log as ISO-8859-1 text (every byte maps to one char, so nothing
 * is lost or refused), ended by LF with an optional CR. A line longer than
 * {@link #MAX_LINE} bytes is cut there: binary data without line breaks cannot
 * grow a line without bound.
 */
final class LineReader {
    static final int MAX_LINE = 64 * 1024;

    private final InputStream in;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int end;
    private final byte[] line = new byte[MAX_LINE];
    private long cutLines;
    private long binaryLines;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line without its line break, or null at the end of the input. */
    String next() throws IOException {
        int n = 0;
        boolean any = false;
        boolean binary = false;
        while (true) {
            if (pos == end) {
                end = in.read(buf, 0, buf.length);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    return any ? text(n, binary) : null;
                }
            }
            any = true;
            byte b = buf[pos++];
            if (b == '\n') return text(n, binary);
            if (b == 0) binary = true;
            if (n < MAX_LINE) {
                line[n++] = b;
            } else if (n == MAX_LINE) {
                cutLines++;
                n++;
            }
        }
    }

    private String text(int n, boolean binary) {
        int len = Math.min(n, MAX_LINE);
        if (len > 0 && line[len - 1] == '\r') len--;
        if (binary) binaryLines++;
        return new String(line, 0, len, StandardCharsets.ISO_8859_1);
    }

    /** Lines longer than {@link #MAX_LINE} (cut). */
    long cutLines() {
        return cutLines;
    }

    /** Lines holding NUL bytes: binary data, not text. */
    long binaryLines() {
        return binaryLines;
    }
}
