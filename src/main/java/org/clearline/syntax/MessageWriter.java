package org.clearline.syntax;

/** {@link SipMessage} to bytes: start line, headers in order, CRLF, body (§7). */
public final class MessageWriter {
    private MessageWriter() {}

    /**
     * Encodes the message. Header values are written back as ISO-8859-1 (the
     * octets they came from); Content-Length is written from the actual body length.
     */
    public static byte[] encode(SipMessage message) {
        throw new SipSyntaxException("pending: MessageWriter");
    }
}
