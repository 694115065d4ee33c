package org.clearline.syntax.sdp;

import java.nio.charset.StandardCharsets;

/** Entry point: reads an {@code application/sdp} body (RFC 4566) into a {@link SdpResult}. */
public final class Sdp {
    /** Prefix of an error that is our defect, not the sender's (tests assert it never shows). */
    static final String INTERNAL = "internal SDP parser error: ";

    private Sdp() {}

    /**
     * Parses {@code body}; never throws. Lines may end in CRLF (§5) or a bare
     * LF (§5 asks parsers to accept it). Text fields are UTF-8, the §6
     * {@code charset} default; the fields the policy reads are ASCII.
     */
    public static SdpResult parse(byte[] body) {
        if (body == null) return new SdpError(1, "no body");
        return parse(new String(body, StandardCharsets.UTF_8));
    }

    /** Same as {@link #parse(byte[])} for a body already decoded. */
    public static SdpResult parse(String body) {
        if (body == null) return new SdpError(1, "no body");
        try {
            return new SdpParser(body).parse();
        } catch (RuntimeException e) {
            // a defect of ours must not fail the call: report it as a value, like MessageParser does
            return new SdpError(1, INTERNAL + e.getClass().getSimpleName());
        }
    }
}
