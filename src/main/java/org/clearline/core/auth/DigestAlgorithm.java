package org.clearline.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Digest hash algorithms: MD5 (RFC 2617) and SHA-256 (RFC 8760). */
public enum DigestAlgorithm {
    MD5("MD5", "MD5"),
    SHA_256("SHA-256", "SHA-256");

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final String token;
    private final String jcaName;
    private final ThreadLocal<MessageDigest> digest;

    DigestAlgorithm(String token, String jcaName) {
        this.token = token;
        this.jcaName = jcaName;
        this.digest = ThreadLocal.withInitial(this::newDigest);
    }

    /** The value of the {@code algorithm} parameter. */
    public String token() {
        return token;
    }

    /** Lower-case hex of the hash of {@code text} (UTF-8). */
    public String hex(String text) {
        MessageDigest md = digest.get();
        byte[] out = md.digest(text.getBytes(StandardCharsets.UTF_8));
        char[] chars = new char[out.length * 2];
        for (int i = 0; i < out.length; i++) {
            chars[2 * i] = HEX[(out[i] >> 4) & 0xf];
            chars[2 * i + 1] = HEX[out[i] & 0xf];
        }
        return new String(chars);
    }

    /** HA1 = H(username ":" realm ":" password), the only form in which we keep passwords. */
    public String ha1(String username, String realm, String password) {
        return hex(username + ':' + realm + ':' + password);
    }

    /** Parses an {@code algorithm} value; absent means MD5 (RFC 2617 §3.2.1). Null if unsupported. */
    public static DigestAlgorithm fromToken(String token) {
        if (token == null || token.isEmpty()) return MD5;
        for (DigestAlgorithm a : values()) {
            if (a.token.equalsIgnoreCase(token)) return a;
        }
        return null;
    }

    private MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks " + jcaName, e);
        }
    }
}
