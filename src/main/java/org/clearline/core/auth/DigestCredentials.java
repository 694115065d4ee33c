package org.clearline.core.auth;

import java.util.Map;

/**
 * The parameters of an Authorization / Proxy-Authorization header with the
 * Digest scheme (§22.4, RFC 2617 §3.2.2). Parsing never throws: a value that is
 * not a well-formed Digest credential gives null.
 */
public record DigestCredentials(String username, String realm, String nonce, String uri, String response,
                                String algorithm, String cnonce, String qop, String nc, String opaque) {

    /** Parses one header value; null unless it is a Digest credential with the mandatory parameters. */
    public static DigestCredentials parse(String value) {
        Map<String, String> p = AuthParams.parseDigest(value);
        if (p == null) return null;
        DigestCredentials c = new DigestCredentials(p.get("username"), p.get("realm"), p.get("nonce"),
                p.get("uri"), p.get("response"), p.get("algorithm"), p.get("cnonce"), p.get("qop"),
                p.get("nc"), p.get("opaque"));
        if (c.username == null || c.realm == null || c.nonce == null || c.uri == null || c.response == null) {
            return null;
        }
        return c;
    }
}
