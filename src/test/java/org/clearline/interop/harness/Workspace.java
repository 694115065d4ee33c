package org.clearline.interop.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where interop runs keep their files: under target/interop-runs/, one
 * directory per run, left in place so that a failing build can be diagnosed
 * from the server log and the SIPp traces (`mvn clean` removes them).
 */
public final class Workspace {
    private Workspace() {}

    /** The Maven project directory (failsafe sets {@code basedir}; else the working directory). */
    public static Path projectDir() {
        String basedir = System.getProperty("basedir");
        return Path.of(basedir != null ? basedir : System.getProperty("user.dir")).toAbsolutePath();
    }

    /** A fresh directory named after {@code label}. */
    public static Path newDir(String label) {
        try {
            Path root = projectDir().resolve("target").resolve("interop-runs");
            Files.createDirectories(root);
            return Files.createTempDirectory(root, label.replaceAll("[^A-Za-z0-9_.-]", "_") + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The packaged server; the interop phase runs after `package`, so its absence is a build error. */
    public static Path serverJar() {
        Path jar = projectDir().resolve("target").resolve("clearline.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("missing " + jar + ": interop tests run in `./mvnw verify` after `package`");
        }
        return jar;
    }

    /** The java launcher of this very JVM, so the child runs on the same JDK. */
    public static String javaCommand() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Reads a classpath resource that lives as a plain file (target/test-classes). */
    public static Path resource(String name) {
        var url = Workspace.class.getResource(name);
        if (url == null) throw new IllegalStateException("missing test resource " + name);
        try {
            return Path.of(url.toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
