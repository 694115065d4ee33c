package org.clearline.syntax;

/** Why a message could not be accepted; each maps to one response (or a silent drop). */
public enum ParseError {
    /** Start line is not a SIP request or status line. Answer nothing (cannot). */
    GARBAGE,
    /** A header the server needs is malformed or missing: 400 naming the header. */
    BAD_HEADER,
    /** Request-Line malformed (method, URI, spacing): 400. */
    BAD_REQUEST_LINE,
    /**
     * Status-Line whose code is three valid digits but whose Reason-Phrase is not
     * (§25.1). Never answered; the status survives in the partial response so the
     * client transaction can still be found (§16.7: a proxy answers its caller 502).
     */
    BAD_STATUS_LINE,
    /** SIP-Version other than SIP/2.0: 505. */
    BAD_VERSION,
    /** Content-Length disagrees with the octets present (datagram): 400. */
    BAD_CONTENT_LENGTH,
    /** Message exceeds a configured size limit: 513 Message Too Large. */
    TOO_LARGE,
    /** Stream transport: more bytes are needed (not an error on its own). */
    INCOMPLETE
}
