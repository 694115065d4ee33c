package org.clearline.interop.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs one command of the packaged CLI ({@code java -jar target/clearline.jar ...}), bounded. */
public final class ClearlineCli {
    public static final Duration BOUND = Duration.ofSeconds(60);

    private ClearlineCli() {}

    /** Exit code and combined output of one CLI invocation. */
    public record Outcome(int exitCode, String output) {}

    public static Outcome run(String... args) {
        Path dir = Workspace.newDir("cli-" + (args.length > 0 ? args[0] : "none"));
        List<String> cmd = new ArrayList<>(List.of(Workspace.javaCommand(), "-Xmx256m",
                "-jar", Workspace.serverJar().toString()));
        cmd.addAll(List.of(args));
        try (ChildProcess p = ChildProcess.start(cmd, dir, dir.resolve("output.log"))) {
            int code = p.await(BOUND);
            return new Outcome(code, p.output());
        }
    }
}
