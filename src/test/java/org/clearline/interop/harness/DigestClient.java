package org.clearline.interop.harness;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client side of HTTP Digest as SIP uses it (RFC 3261 §22.4, RFC 2617
 * §3.2.2, RFC 8760 for SHA-256), for the algorithms SIPp 3.6.1 cannot do.
 * Independent of the server's code on purpose: it is a second implementation.
 */
public final class DigestClient {
    private static final Pattern PARAM = Pattern.compile("([A-Za-z-]+)\\s*=\\s*(\"([^\"]*)\"|[^,\\s]+)");

    private DigestClient() {}

    /** The parameters of one challenge (WWW-Authenticate / Proxy-Authenticate value). */
    public static Map<String, String> parseChallenge(String value) {
        String v = value.strip();
        if (v.regionMatches(true, 0, "Digest", 0, 6)) v = v.substring(6);
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(v);
        while (m.find()) out.put(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(3) != null ? m.group(3) : m.group(2));
        return out;
    }

    /**
     * The Authorization value answering {@code challenge} with qop=auth
     * (RFC 2617 §3.2.2.1: response = H(H(A1):nonce:nc:cnonce:qop:H(A2))).
     */
    public static String authorization(Map<String, String> challenge, String method, String uri,
            String user, String password, String cnonce) {
        String algorithm = challenge.getOrDefault("algorithm", "MD5");
        String realm = challenge.get("realm");
        String nonce = challenge.get("nonce");
        String nc = "00000001";
        String ha1 = hash(algorithm, user + ":" + realm + ":" + password);
        String ha2 = hash(algorithm, method + ":" + uri);
        String response = hash(algorithm, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
        return "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + uri
                + "\", response=\"" + response + "\", algorithm=" + algorithm + ", cnonce=\"" + cnonce
                + "\", qop=auth, nc=" + nc;
    }

    private static String hash(String algorithm, String text) {
        String jca = switch (algorithm.toUpperCase(java.util.Locale.ROOT)) {
            case "MD5" -> "MD5";
            case "SHA-256" -> "SHA-256";
            default -> throw new IllegalArgumentException("unsupported digest algorithm " + algorithm);
        };
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(jca).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
