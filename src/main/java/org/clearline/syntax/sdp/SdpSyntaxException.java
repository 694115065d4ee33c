package org.clearline.syntax.sdp;

/**
 * Thrown by the field parsers of this package; {@link SdpParser} catches it at
 * the line it came from and turns it into an {@link SdpError}. Never leaves
 * {@link Sdp#parse}. No stack trace: it is control flow on untrusted input.
 */
final class SdpSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SdpSyntaxException(String message) {
        super(message, null, false, false);
    }
}
