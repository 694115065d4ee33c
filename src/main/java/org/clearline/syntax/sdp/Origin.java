package org.clearline.syntax.sdp;

/**
 * The {@code o=} line (RFC 4566 §5.2). RFC 3264 §8 uses the session version to
 * tell a changed offer from a repeated one, so the ids stay strings: the
 * grammar allows any number of digits.
 */
public record Origin(String username, String sessionId, String sessionVersion,
                     String netType, String addressType, String address) {

    static Origin parse(String value) {
        String[] f = SdpText.fields(value);
        if (f.length != 6) {
            throw new SdpSyntaxException("o= needs 6 fields (username sess-id sess-version nettype addrtype address), found "
                    + SdpText.fieldCount(f.length));
        }
        return new Origin(f[0], f[1], f[2], f[3], f[4], f[5]);
    }
}
