package org.clearline.syntax.sdp;

/**
 * The certificate fingerprint of DTLS-SRTP, {@code a=fingerprint:<hash-func> <fingerprint>}
 * (RFC 8122 §5, formerly RFC 4572). At session level it applies to every media
 * description that has none of its own.
 */
public record Fingerprint(String hashFunction, String value) {

    static Fingerprint parse(String value) {
        String[] f = SdpText.fields(value);
        if (f.length != 2) {
            throw new SdpSyntaxException("a=fingerprint needs <hash-func> <fingerprint>, found " + SdpText.fieldCount(f.length));
        }
        if (!SdpText.isToken(f[0])) {
            throw new SdpSyntaxException("a=fingerprint hash function " + SdpText.quote(f[0]) + " is not a token");
        }
        return new Fingerprint(f[0], f[1]);
    }
}
