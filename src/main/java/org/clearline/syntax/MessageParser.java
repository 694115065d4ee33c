package org.clearline.syntax;

/**
 * Bytes to {@link SipMessage} (§7, §18.3, §25). Never throws on bad input: the
 * result says what is wrong. Stateless and thread-safe.
 */
public final class MessageParser {
    private final SyntaxLimits limits;

    public MessageParser(SyntaxLimits limits) {
        this.limits = limits;
    }

    public SyntaxLimits limits() {
        return limits;
    }

    /**
     * Parses one message that arrived whole: a datagram, or a frame cut out of a
     * stream by {@link StreamFramer}. Bytes after Content-Length are ignored
     * (§18.3); a Content-Length larger than the bytes present is an error.
     */
    public ParseResult parse(byte[] data, int offset, int length) {
        throw new SipSyntaxException("pending: MessageParser");
    }

    public ParseResult parse(byte[] data) {
        return parse(data, 0, data.length);
    }
}
