package org.clearline.syntax.sdp;

import java.util.List;

/**
 * An SDES key offer, {@code a=crypto:<tag> <crypto-suite> <key-params> [<session-params>]}
 * (RFC 4568 §9.1). The proxy only needs to know SRTP is offered and with which
 * suites; the key material is kept as text and never interpreted.
 */
public record Crypto(int tag, String suite, String keyParams, List<String> sessionParams) {
    private static final int MAX_TAG = 999_999_999;

    public Crypto {
        sessionParams = List.copyOf(sessionParams);
    }

    static Crypto parse(String value) {
        String[] f = SdpText.fields(value);
        if (f.length < 3) {
            throw new SdpSyntaxException("a=crypto needs <tag> <crypto-suite> <key-params>, found " + SdpText.fieldCount(f.length));
        }
        int tag = SdpText.smallNumber(f[0], MAX_TAG);
        if (tag < 0) throw new SdpSyntaxException("a=crypto tag " + SdpText.quote(f[0]) + " is not a number");
        if (!SdpText.isToken(f[1])) throw new SdpSyntaxException("a=crypto suite " + SdpText.quote(f[1]) + " is not a token");
        return new Crypto(tag, f[1], f[2], List.of(f).subList(3, f.length));
    }
}
