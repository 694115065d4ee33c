package org.clearline.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The digest HA1 values of one account: H(username ":" realm ":" password)
 * (RFC 2617 §3.2.2.2 with MD5, RFC 7616 §3.4.2 with SHA-256), lower-case hex.
 * Storing these instead of the password still lets the server verify
 * responses, but only for the realm they were computed with.
 */
public record Ha1(String md5, String sha256) {
    private static final Pattern MD5_HEX = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    /** Computes both HA1 values from a clear-text password. */
    public static Ha1 of(String sipId, String realm, String password) {
        String a1 = sipId + ":" + realm + ":" + password;
        return new Ha1(hex("MD5", a1), hex("SHA-256", a1));
    }

    /** What is wrong with the given hex values, or empty if both are well-formed. */
    public static Optional<String> problem(String md5, String sha256) {
        if (md5 == null || !MD5_HEX.matcher(md5).matches()) {
            return Optional.of("HA1 (MD5) must be 32 lower-case hex digits");
        }
        if (sha256 == null || !SHA256_HEX.matcher(sha256).matches()) {
            return Optional.of("HA1 (SHA-256) must be 64 lower-case hex digits");
        }
        return Optional.empty();
    }

    private static String hex(String algorithm, String text) {
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide MD5 and SHA-256 (MessageDigest javadoc).
            throw new IllegalStateException(algorithm + " missing from this JDK", e);
        }
    }
}
