package org.clearline.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client side of HTTP digest (RFC 2617 §3.2.2 with qop=auth, RFC 8760 for
 * SHA-256), written independently of the server code so that tests compute the
 * expected credentials themselves rather than asking the code under test.
 */
public final class DigestClient {
    private static final Pattern PARAM = Pattern.compile("([A-Za-z-]+)\\s*=\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[^,\\s]+)");

    private DigestClient() {}

    /** The auth-params of a challenge or credentials value ("Digest realm=..., nonce=..."), quotes removed. */
    public static Map<String, String> params(String headerValue) {
        Map<String, String> out = new LinkedHashMap<>();
        String v = headerValue.strip();
        if (!v.regionMatches(true, 0, "Digest ", 0, 7)) throw new IllegalArgumentException("not Digest: " + v);
        Matcher m = PARAM.matcher(v.substring(7));
        while (m.find()) {
            String value = m.group(3) != null ? m.group(3).replaceAll("\\\\(.)", "$1") : m.group(2);
            out.put(m.group(1).toLowerCase(java.util.Locale.ROOT), value);
        }
        return out;
    }

    /** Lower-case hex of MD5 or SHA-256 over the UTF-8 text. */
    public static String hex(String algorithm, String text) {
        try {
            String jca = algorithm.equalsIgnoreCase("SHA-256") ? "SHA-256" : "MD5";
            byte[] d = MessageDigest.getInstance(jca).digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** HA1 = H(user ":" realm ":" password) (RFC 2617 §3.2.2.2). */
    public static String ha1(String algorithm, String user, String realm, String password) {
        return hex(algorithm, user + ":" + realm + ":" + password);
    }

    /**
     * An Authorization / Proxy-Authorization value answering {@code challenge}
     * with qop=auth: response = H(HA1:nonce:nc:cnonce:auth:H(method:uri)).
     */
    public static String authorization(String challenge, String user, String password, String method, String uri,
                                       int nc, String cnonce) {
        Map<String, String> c = params(challenge);
        return credentials(c.get("algorithm"), user, c.get("realm"), password, c.get("nonce"), method, uri, nc, cnonce);
    }

    /** Same, with every input given explicitly (a realm or nonce of the test's choosing). */
    public static String credentials(String algorithm, String user, String realm, String password, String nonce,
                                     String method, String uri, int nc, String cnonce) {
        String alg = algorithm == null ? "MD5" : algorithm;
        String ncHex = String.format("%08x", nc);
        String ha2 = hex(alg, method + ":" + uri);
        String response = hex(alg, ha1(alg, user, realm, password) + ":" + nonce + ":" + ncHex + ":" + cnonce
                + ":auth:" + ha2);
        return "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + uri
                + "\", response=\"" + response + "\", algorithm=" + alg + ", cnonce=\"" + cnonce
                + "\", qop=auth, nc=" + ncHex;
    }
}
