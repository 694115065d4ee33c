package org.clearline.interop.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The baresip softphone through the recipe scripts in
 * src/test/resources/interop/baresip/ (headless, loopback only). The scripts
 * bound baresip themselves; we bound the scripts once more.
 */
public final class Baresip {
    private static final String[] SCRIPTS = {"baresip-call.sh", "baresip-answer.sh", "baresip_ctrl.py"};

    private Baresip() {}

    /** Fails (never skips) when baresip or python3 is missing. */
    public static void requireInstalled() {
        for (String tool : List.of("baresip", "python3", "timeout")) {
            if (!onPath(tool)) {
                throw new AssertionError(tool + " is not installed; the interop tests need it "
                        + "(apt-get install baresip baresip-core python3)");
            }
        }
    }

    /** A running script: its output so far, its end. */
    public static final class Run implements AutoCloseable {
        private final ChildProcess child;
        private final Path dir;
        private final Duration bound;

        Run(ChildProcess child, Path dir, Duration bound) {
            this.child = child;
            this.dir = dir;
            this.bound = bound;
        }

        public int await() {
            return child.await(bound);
        }

        public String output() {
            return child.output();
        }

        /** The SIP trace baresip printed (-s), copied by the script via BARESIP_LOG. */
        public String sipTrace() {
            try {
                Path p = dir.resolve("baresip-sip.log");
                return Files.exists(p) ? Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1) : "";
            } catch (IOException e) {
                return "";
            }
        }

        /** The value after {@code KEY } in the script's output, or null. */
        public String value(String key) {
            Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + " (.*)$").matcher(output());
            String last = null;
            while (m.find()) last = m.group(1).strip();
            return last;
        }

        public Path dir() {
            return dir;
        }

        @Override
        public void close() {
            child.close();
        }
    }

    /** baresip-call.sh: register, call TARGET, hold, hang up. */
    public static Run call(String server, TestAccount account, String domain, String target, int holdSeconds) {
        return start("call", List.of("baresip-call.sh", server, account.sipId(), account.password(), domain,
                target, Integer.toString(holdSeconds)), 0, Duration.ofSeconds(holdSeconds + 90L));
    }

    /** baresip-answer.sh on a fixed SIP port: register, auto-answer for SECONDS. */
    public static Run answer(String server, TestAccount account, String domain, int seconds, int sipPort) {
        return start("answer", List.of("baresip-answer.sh", server, account.sipId(), account.password(), domain,
                Integer.toString(seconds)), sipPort, Duration.ofSeconds(seconds + 60L));
    }

    private static Run start(String label, List<String> args, int sipPort, Duration bound) {
        requireInstalled();
        Path dir = Workspace.newDir("baresip-" + label);
        try {
            for (String s : SCRIPTS) {
                Files.copy(Workspace.resource("/interop/baresip/" + s), dir.resolve(s), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> cmd = new ArrayList<>();
        cmd.add("env");
        cmd.add("TMPDIR=" + dir);
        cmd.add("BARESIP_LOG=" + dir.resolve("baresip-sip.log"));
        if (sipPort > 0) cmd.add("BARESIP_SIP_PORT=" + sipPort);
        cmd.add("bash");
        cmd.add(dir.resolve(args.get(0)).toString());
        cmd.addAll(args.subList(1, args.size()));
        return new Run(ChildProcess.start(cmd, dir, dir.resolve("script.log")), dir, bound);
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) return true;
        }
        return false;
    }
}
