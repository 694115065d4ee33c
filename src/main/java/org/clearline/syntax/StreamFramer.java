package org.clearline.syntax;

/**
 * Finds message boundaries in a byte stream (TCP, later TLS) by Content-Length
 * (§18.3), skipping the CRLF keep-alives of RFC 5626 §4.4.1 between messages.
 * Stateless: the transport keeps the buffer and calls {@link #next} again when
 * more bytes arrive.
 */
public final class StreamFramer {
    private final SyntaxLimits limits;
    private final MessageParser parser;

    public StreamFramer(SyntaxLimits limits) {
        this.limits = limits;
        this.parser = new MessageParser(limits);
    }

    /**
     * What the buffered bytes hold.
     *
     * @param skip    leading bytes (keep-alive CRLFs) to discard before the message
     * @param length  length of one complete message after {@code skip}, or 0 if more bytes are needed
     * @param failure non-null when the stream cannot be framed any more (no or bad
     *                Content-Length, limits exceeded): answer if possible, then close
     */
    public record Frame(int skip, int length, ParseResult.Failure failure) {
        public boolean complete() {
            return length > 0;
        }
    }

    public Frame next(byte[] buf, int offset, int length) {
        if (buf == null || offset < 0 || length < 0 || offset > buf.length - length) {
            return new Frame(0, 0, new ParseResult.Failure(ParseError.GARBAGE, null, "no bytes", null));
        }
        int end = offset + length;
        int p = offset;
        // §7.5 and RFC 5626 §4.4.1: CRLFs between messages are keep-alives
        while (p < end && (buf[p] == '\r' || buf[p] == '\n')) p++;
        int skip = p - offset;
        if (p == end) return new Frame(skip, 0, null);
        int limit = (int) Math.min(end, (long) p + limits.maxHeaderBytes());

        ContentLength cl = new ContentLength();
        boolean inContentLength = false;
        int lineStart = p;
        while (true) {
            int lf = indexOfLf(buf, lineStart, limit);
            if (lf < 0) {
                if (limit < end) return fail(skip, ParseError.TOO_LARGE, null,
                        "header section larger than " + limits.maxHeaderBytes() + " bytes", buf, p, limit - p);
                return new Frame(skip, 0, null);
            }
            int lineEnd = lf > lineStart && buf[lf - 1] == '\r' ? lf - 1 : lf;
            if (lineStart == p) {
                // a peer that does not speak SIP is told so at once, not after 16 KiB
                if (!mentionsSip(buf, lineStart, lineEnd)) {
                    return fail(skip, ParseError.GARBAGE, null, "not a SIP start line", null, 0, 0);
                }
            } else if (lineEnd == lineStart) {
                cl.close();
                int headerLength = lf + 1 - p;
                return frame(skip, cl, buf, p, headerLength, end);
            } else if (buf[lineStart] == ' ' || buf[lineStart] == '\t') {
                if (inContentLength) cl.feed(buf, lineStart, lineEnd);
            } else {
                if (inContentLength) cl.close();
                int valueStart = contentLengthValue(buf, lineStart, lineEnd);
                inContentLength = valueStart >= 0;
                if (inContentLength) cl.feed(buf, valueStart, lineEnd);
            }
            lineStart = lf + 1;
        }
    }

    private Frame frame(int skip, ContentLength cl, byte[] buf, int p, int headerLength, int end) {
        if (cl.problem != null) {
            return fail(skip, ParseError.BAD_CONTENT_LENGTH, HeaderNames.CONTENT_LENGTH, cl.problem, buf, p, headerLength);
        }
        if (cl.value < 0) {
            return fail(skip, ParseError.BAD_CONTENT_LENGTH, HeaderNames.CONTENT_LENGTH,
                    "missing (required on stream transports, §18.3)", buf, p, headerLength);
        }
        long total = headerLength + cl.value;
        if (total > limits.maxMessageBytes()) {
            return fail(skip, ParseError.TOO_LARGE, null, "message larger than " + limits.maxMessageBytes() + " bytes",
                    buf, p, headerLength);
        }
        return total <= end - p ? new Frame(skip, (int) total, null) : new Frame(skip, 0, null);
    }

    private Frame fail(int skip, ParseError error, String header, String detail, byte[] buf, int from, int len) {
        SipMessage partial = buf == null ? null : parser.salvage(buf, from, len);
        return new Frame(skip, 0, new ParseResult.Failure(error, header, detail, partial));
    }

    /** Where the value of a Content-Length (or compact "l") line starts, or -1 for any other line. */
    private static int contentLengthValue(byte[] b, int from, int to) {
        int nameEnd = from;
        while (nameEnd < to && Chars.is(b[nameEnd], Chars.TOKEN)) nameEnd++;
        int len = nameEnd - from;
        boolean match = len == 1 ? (b[from] | 0x20) == 'l' : len == 14 && sameIgnoreCase(b, from, "content-length");
        if (!match) return -1;
        int colon = nameEnd;
        while (colon < to && (b[colon] == ' ' || b[colon] == '\t')) colon++;
        return colon < to && b[colon] == ':' ? colon + 1 : -1;
    }

    private static boolean sameIgnoreCase(byte[] b, int from, String lower) {
        for (int i = 0; i < lower.length(); i++) {
            if ((b[from + i] | 0x20) != lower.charAt(i)) return false;
        }
        return true;
    }

    private static boolean mentionsSip(byte[] b, int from, int to) {
        for (int i = from; i + 4 <= to; i++) {
            if ((b[i] | 0x20) == 's' && (b[i + 1] | 0x20) == 'i' && (b[i + 2] | 0x20) == 'p' && b[i + 3] == '/') return true;
        }
        return false;
    }

    private static int indexOfLf(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') return i;
        }
        return -1;
    }

    /** 1*DIGIT with LWS around it, possibly folded; repeated lines must agree. */
    private static final class ContentLength {
        long value = -1;
        String problem;
        private long digits = -1;
        private boolean afterDigits;
        private boolean open;

        void feed(byte[] b, int from, int to) {
            open = true;
            for (int i = from; i < to; i++) {
                byte c = b[i];
                if (c == ' ' || c == '\t') {
                    if (digits >= 0) afterDigits = true;
                } else if (c >= '0' && c <= '9' && !afterDigits) {
                    digits = digits < 0 ? c - '0' : digits * 10 + (c - '0');
                    if (digits > Integer.MAX_VALUE) {
                        problem = problem == null ? "too large" : problem;
                        digits = Integer.MAX_VALUE;
                    }
                } else if (problem == null) {
                    problem = "not a number";
                }
            }
        }

        void close() {
            if (!open) return;
            open = false;
            if (problem == null) {
                if (digits < 0) problem = "not a number";
                else if (value >= 0 && value != digits) problem = "conflicting values " + value + " and " + digits;
                else value = digits;
            }
            digits = -1;
            afterDigits = false;
        }
    }

    public SyntaxLimits limits() {
        return limits;
    }
}
