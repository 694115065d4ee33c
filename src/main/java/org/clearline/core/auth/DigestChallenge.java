package org.clearline.core.auth;

import java.util.Map;

/** The parameters of a WWW-Authenticate / Proxy-Authenticate Digest challenge (RFC 2617 §3.2.1). */
public record DigestChallenge(String realm, String nonce, String algorithm, String qop, String opaque, boolean stale) {

    /** Null unless it is a Digest challenge with realm and nonce. */
    public static DigestChallenge parse(String value) {
        Map<String, String> p = AuthParams.parseDigest(value);
        if (p == null || p.get("realm") == null || p.get("nonce") == null) return null;
        return new DigestChallenge(p.get("realm"), p.get("nonce"), p.get("algorithm"), p.get("qop"), p.get("opaque"),
                "true".equalsIgnoreCase(p.get("stale")));
    }
}
