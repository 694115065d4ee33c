package org.clearline.admin.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clearline.store.JdbcStore;
import org.clearline.time.Clock;

/** Runs {@link Main} in-process against one data directory with a fixed clock. */
final class CliHarness {
    /** 2026-01-01T00:00:00Z, the "now" of every CLI test. */
    static final long NOW = 1_767_225_600_000L;
    static final Clock CLOCK = new Clock() {
        @Override public long nanoTime() { return 0; }
        @Override public long epochMillis() { return NOW; }
    };

    record Result(int exit, String out, String err) {}

    private final Path dataDir;
    private final ServerRunner server;

    CliHarness(Path dataDir) {
        this(dataDir, (config, store, port) -> store.close());
    }

    CliHarness(Path dataDir, ServerRunner server) {
        this.dataDir = dataDir;
        this.server = server;
    }

    Result run(String... args) {
        return runWithStdin("", args);
    }

    Result runWithStdin(String stdin, String... args) {
        List<String> full = new ArrayList<>(List.of("--data", dataDir.toString()));
        full.addAll(List.of(args));
        return runRaw(stdin, full.toArray(String[]::new));
    }

    /** Without the --data option, for tests of the command line itself. */
    Result runRaw(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), CLOCK, server);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The store the commands use, opened directly, for setup and checks. */
    JdbcStore store() {
        return JdbcStore.open(dataDir);
    }
}
