package org.clearline.interop.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Where SIPp comes from: the Debian package sip-tester (SIPp 3.6.1); CI installs it. */
final class SippTool {
    static final String SIPP = "sipp";

    private SippTool() {}

    /**
     * Fails (never skips) when SIPp is missing: an interop suite that silently
     * passes without its peer would prove nothing.
     */
    static void requireInstalled() {
        String out;
        try {
            Path dir = Files.createTempDirectory("sipp-version");
            try (ChildProcess p = ChildProcess.start(List.of(SIPP, "-v"), dir, dir.resolve("out"))) {
                p.await(Duration.ofSeconds(10));
                out = p.output();
            }
        } catch (IOException | UncheckedIOException e) {
            throw new AssertionError("SIPp is not installed (`sipp` not on PATH); install it with "
                    + "`apt-get install sip-tester` - the interop tests need it", e);
        }
        if (!out.contains("SIPp v")) {
            throw new AssertionError("`sipp -v` did not print a SIPp version: " + out);
        }
    }
}
