package org.clearline.admin.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The administration secret: a random token kept in the data directory, readable
 * by its owner only. It authenticates REST API callers ({@code Authorization:
 * Bearer}), Prometheus scrapes and the CLI talking to a running server, and is the
 * dashboard password of {@code admin} unless the config sets one.
 */
public final class AdminToken {
    /** File name inside the data directory. */
    public static final String FILE_NAME = "admin-token";
    private static final int BYTES = 24;

    private final String value;

    private AdminToken(String value) {
        this.value = value;
    }

    /** Reads the token of {@code dataDir}, creating it (mode 0600) on first use. */
    public static AdminToken loadOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.exists(file)) return read(file);
        byte[] random = new byte[BYTES];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(dataDir);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException raced) {
            return read(file);  // another process (the CLI) created it first: use theirs
        }
        Files.writeString(file, token + "\n", StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        return new AdminToken(token);
    }

    /** Reads an existing token file (the CLI beside a running server). */
    public static AdminToken read(Path file) throws IOException {
        String token = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (token.isEmpty()) throw new IOException(file + " is empty: delete it and restart the server");
        return new AdminToken(token);
    }

    public String value() {
        return value;
    }

    /** Constant-time comparison, so response timing does not reveal how much of a guess was right. */
    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                candidate.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "AdminToken[hidden]";
    }
}
