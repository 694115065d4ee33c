package org.clearline.interop.harness;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The packaged server ({@code target/clearline.jar serve}) as a child process
 * on 127.0.0.1, with a configuration and data directory of the test's own.
 * Ready means: an OPTIONS over UDP gets 200 (RFC 3261 §11), not a log line.
 * Its stdout and stderr go to {@code server.log} in the run directory.
 */
public final class ClearlineProcess implements AutoCloseable {
    public static final Duration START_BOUND = Duration.ofSeconds(40);
    public static final Duration STOP_GRACE = Duration.ofSeconds(15);
    /** For teardown where the drain itself is not under test. */
    public static final Duration QUICK_STOP = Duration.ofSeconds(2);

    /** Tries of a first start, each on another port when the last one found its port taken. */
    private static final int START_ATTEMPTS = 3;

    /** Set again only while the first start looks for a port nobody took meanwhile. */
    private ServerConfig config;
    private final Path runDir;
    private final Path dataDir;
    private final Path configFile;
    private final Path log;
    private ChildProcess child;
    private int starts;

    private ClearlineProcess(ServerConfig config, Path runDir, Path dataDir) {
        this.config = config;
        this.runDir = runDir;
        this.dataDir = dataDir;
        this.configFile = runDir.resolve("clearline.yaml");
        this.log = runDir.resolve("server.log");
    }

    /**
     * Writes the configuration, starts the server on a fresh data directory and waits
     * until it answers. The port was chosen free a moment before the server binds it:
     * when another process took it meanwhile, the server starts again on another one
     * (read it from {@link #port()} or {@link #config()}, not from the config passed in).
     */
    public static ClearlineProcess start(String label, ServerConfig config) {
        Path runDir = Workspace.newDir(label);
        ClearlineProcess p = new ClearlineProcess(config, runDir, runDir.resolve("data"));
        for (int attempt = 1; ; attempt++) {
            try {
                p.launch();
                return p;
            } catch (RuntimeException | AssertionError e) {
                if (attempt == START_ATTEMPTS || !p.lastStartFoundPortTaken()) throw e;
                p.config = p.config.withPort(FreePorts.udpAndTcp());
            }
        }
    }

    /** Whether the output of the last start says a port was taken. */
    private boolean lastStartFoundPortTaken() {
        String out = output();
        return out.indexOf(ChildProcess.PORT_TAKEN, Math.max(0, out.lastIndexOf("=== start "))) >= 0;
    }

    public ServerConfig config() {
        return config;
    }

    public int port() {
        return config.port();
    }

    /** host:port for SIPp's remote address and baresip's outbound proxy. */
    public String address() {
        return "127.0.0.1:" + config.port();
    }

    public String domain() {
        return config.domain();
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path runDir() {
        return runDir;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return child != null && child.isAlive();
    }

    /** Starts (again, after {@link #stop} or {@link #kill9}) on the same data directory and port. */
    public synchronized void launch() {
        if (isAlive()) throw new IllegalStateException("server already running");
        try {
            Files.createDirectories(dataDir);
            Files.writeString(configFile, config.toYaml(), StandardCharsets.UTF_8);
            Files.writeString(log, "=== start " + (++starts) + " ===\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> cmd = new ArrayList<>(List.of(Workspace.javaCommand(), "-Xmx384m",
                "-jar", Workspace.serverJar().toString(),
                "serve", "--config", configFile.toString(), "--data", dataDir.toString(),
                "--sip-port", Integer.toString(config.port())));
        child = ChildProcess.start(cmd, runDir, log);
        try {
            awaitReady();
        } catch (RuntimeException | AssertionError e) {
            child.killNow(); // the caller never gets a handle to stop it
            throw e;
        }
    }

    private void awaitReady() {
        try (SipUdpClient probe = new SipUdpClient(config.port())) {
            await("clearline answering OPTIONS on " + address())
                    .atMost(START_BOUND)
                    .pollInterval(Duration.ofMillis(250))
                    .failFast(() -> {
                        if (!child.isAlive()) throw new AssertionError("server process exited; log:\n" + tail());
                    })
                    .until(() -> probe.options(Duration.ofMillis(500)).map(r -> r.status() == 200).orElse(false));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("server not answering OPTIONS within " + START_BOUND + "; log:\n" + tail(), e);
        }
    }

    /** True when an OPTIONS over UDP gets 200 within {@code wait}. */
    public boolean answersOptions(Duration wait) {
        try (SipUdpClient probe = new SipUdpClient(config.port())) {
            long end = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < end) {
                Optional<RawResponse> r = probe.options(Duration.ofMillis(1000));
                if (r.isPresent()) return r.get().status() == 200;
            }
            return false;
        }
    }

    /** SIGTERM, then SIGKILL after {@link #STOP_GRACE} (the server drains for up to 10 s). */
    public synchronized int stop() {
        return stop(STOP_GRACE);
    }

    /**
     * SIGTERM, then SIGKILL after {@code grace}. Tests that do not examine the
     * drain use a short grace: UDP transactions linger 64*T1 (§17.2.2 Timer J),
     * so a full drain costs every test class its whole drain timeout.
     */
    public synchronized int stop(Duration grace) {
        return child == null ? 0 : child.terminate(grace);
    }

    /** SIGKILL at once: no shutdown hook, no flush (the crash-durability test). */
    public synchronized void kill9() {
        if (child != null) child.killNow();
    }

    /** The whole server log (every start). */
    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "<unreadable log: " + e + ">";
        }
    }

    /** The last lines of the log, for failure messages. */
    public String tail() {
        String[] lines = output().split("\n");
        int from = Math.max(0, lines.length - 60);
        return String.join("\n", java.util.Arrays.copyOfRange(lines, from, lines.length));
    }

    /**
     * Lines of the log that show a Java stack trace: users and operators must
     * see catalogue entries, never traces (STYLE.md).
     */
    public List<String> stackTraceLines() {
        List<String> out = new ArrayList<>();
        for (String line : output().split("\n")) {
            if (line.startsWith("\tat org.") || line.startsWith("\tat io.netty") || line.startsWith("\tat java.")
                    || line.contains("Exception in thread")) {
                out.add(line);
            }
        }
        return out;
    }

    @Override
    public void close() {
        stop();
    }
}
