package org.clearline.syntax;

/**
 * Finds message boundaries in a byte stream (TCP, later TLS) by Content-Length
 * (§18.3), skipping the CRLF keep-alives of RFC 5626 §4.4.1 between messages.
 * Stateless: the transport keeps the buffer and calls {@link #next} again when
 * more bytes arrive.
 */
public final class StreamFramer {
    private final SyntaxLimits limits;

    public StreamFramer(SyntaxLimits limits) {
        this.limits = limits;
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
        throw new SipSyntaxException("pending: StreamFramer");
    }

    public SyntaxLimits limits() {
        return limits;
    }
}
