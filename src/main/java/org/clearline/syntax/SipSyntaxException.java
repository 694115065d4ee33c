package org.clearline.syntax;

/**
 * Thrown inside the syntax layer by the value parsers ({@link SipUri#parse},
 * {@link Via#parse}, ...). It never leaves the layer's public entry points:
 * {@link MessageParser} turns it into a {@link ParseResult.Failure} naming the header.
 */
public final class SipSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SipSyntaxException(String message) {
        super(message, null, false, false);
    }
}
