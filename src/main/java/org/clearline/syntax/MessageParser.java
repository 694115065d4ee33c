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
        return parse(data, offset, length, true);
    }

    /**
     * {@code datagram} false is for frames cut from a stream, where a missing
     * Content-Length is an error instead of "the rest of the datagram".
     */
    ParseResult parse(byte[] data, int offset, int length, boolean datagram) {
        if (data == null || offset < 0 || length < 0 || offset > data.length - length) {
            return new ParseResult.Failure(ParseError.GARBAGE, null, "no bytes", null);
        }
        try {
            return new MessageReader(limits, data, offset, length).read(datagram);
        } catch (RuntimeException e) {
            // a defect of ours must not take the transport down; tests assert this never happens
            return new ParseResult.Failure(ParseError.GARBAGE, null, INTERNAL + e.getClass().getSimpleName(), null);
        }
    }

    /**
     * What can be salvaged from a header section that cannot be framed (stream
     * transports): the request or response with its routing lines, or null.
     */
    SipMessage salvage(byte[] data, int offset, int length) {
        ParseResult r = parse(data, offset, length, false);
        return r instanceof ParseResult.Failure f ? f.partial() : ((ParseResult.Success) r).message();
    }

    /** Prefix of the detail of a failure that is our defect, not the peer's (tests look for it). */
    static final String INTERNAL = "internal parser error: ";

    /** True when the bytes are only CRLFs: an RFC 5626 §4.4.1 keep-alive, not a message. */
    public static boolean isKeepAlive(byte[] data, int offset, int length) {
        if (length <= 0) return false;
        for (int i = offset; i < offset + length; i++) {
            if (data[i] != '\r' && data[i] != '\n') return false;
        }
        return true;
    }

    public ParseResult parse(byte[] data) {
        return parse(data, 0, data.length);
    }
}
