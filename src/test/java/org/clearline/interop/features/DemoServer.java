package org.clearline.interop.features;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.clearline.interop.harness.ChildProcess;
import org.clearline.interop.harness.ClearlineCli;
import org.clearline.interop.harness.SipUdpClient;
import org.clearline.interop.harness.Workspace;

/**
 * The packaged server ({@code target/clearline.jar serve}) running the demo
 * provisioning as a child process on 127.0.0.1, in a run directory of its own.
 * Like the harness' ClearlineProcess, but configured from examples/demo.yaml
 * (see {@link DemoProvisioning}) instead of a generated account list. Ready
 * means an OPTIONS over UDP gets 200 (RFC 3261 §11).
 */
public final class DemoServer implements AutoCloseable {
    private static final Duration START_BOUND = Duration.ofSeconds(40);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final DemoProvisioning provisioning;
    private final Path runDir;
    private final Path dataDir;
    private final Path log;
    private final ChildProcess child;
    /** Stops the server should the test JVM itself be terminated before @AfterAll runs. */
    private final Thread orphanGuard;

    private DemoServer(DemoProvisioning provisioning, Path runDir, ChildProcess child) {
        this.provisioning = provisioning;
        this.runDir = runDir;
        this.dataDir = runDir.resolve("data");
        this.log = runDir.resolve("server.log");
        this.child = child;
        this.orphanGuard = new Thread(child::killNow, "stop " + runDir.getFileName());
        Runtime.getRuntime().addShutdownHook(orphanGuard);
    }

    /**
     * Writes the rewritten demo file, starts the server and waits until it answers
     * OPTIONS. Ports are chosen free and then bound by the server a moment later, so
     * another process may take one in between: a server that exits because a port is
     * taken is started again on fresh ports, up to {@link #START_ATTEMPTS} times. Read
     * the ports from {@link #provisioning()}, not from the provisioning passed in.
     */
    public static DemoServer start(String label, DemoProvisioning provisioning) {
        for (int attempt = 1; ; attempt++) {
            DemoServer server = launch(label, provisioning);
            try {
                server.awaitReady();
                return server;
            } catch (RuntimeException | AssertionError e) {
                server.close();
                if (attempt == START_ATTEMPTS || !server.output().contains(ChildProcess.PORT_TAKEN)) throw e;
                provisioning = provisioning.onFreshPorts();
            }
        }
    }

    /** Starts tried at most, each on fresh ports when the last one found a port taken. */
    private static final int START_ATTEMPTS = 3;

    /** Writes the rewritten demo file into a new run directory and starts the server there. */
    private static DemoServer launch(String label, DemoProvisioning provisioning) {
        Path runDir = Workspace.newDir(label);
        Path config = runDir.resolve("demo.yaml");
        Path log = runDir.resolve("server.log");
        try {
            Files.createDirectories(runDir.resolve("data"));
            Files.writeString(config, provisioning.yaml(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> cmd = List.of(Workspace.javaCommand(), "-Xmx384m", "-jar", Workspace.serverJar().toString(),
                "serve", "--config", config.toString(), "--data", runDir.resolve("data").toString());
        return new DemoServer(provisioning, runDir, ChildProcess.start(cmd, runDir, log));
    }

    public DemoProvisioning provisioning() {
        return provisioning;
    }

    public int port() {
        return provisioning.sipPort();
    }

    /** host:port for SIPp's remote address. */
    public String address() {
        return "127.0.0.1:" + port();
    }

    public String domain() {
        return DemoProvisioning.DOMAIN;
    }

    public Path runDir() {
        return runDir;
    }

    public Path log() {
        return log;
    }

    /** The server's data directory: store, admin token, server.json. */
    public Path dataDir() {
        return dataDir;
    }

    private void awaitReady() {
        try (SipUdpClient probe = new SipUdpClient(port())) {
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

    /**
     * {@code clearline maintenance on|off --data DIR} against the running
     * server's store; the server polls the switch within about a second.
     */
    public ClearlineCli.Outcome maintenance(boolean on) {
        return ClearlineCli.run("maintenance", on ? "on" : "off", "--data", dataDir.toString());
    }

    /** {@code clearline <args> --data DIR} against the running server's store. */
    public ClearlineCli.Outcome cli(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--data";
        all[args.length + 1] = dataDir.toString();
        return ClearlineCli.run(all);
    }

    public boolean isAlive() {
        return child.isAlive();
    }

    /** The whole server log. */
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

    /** Lines of the log that show a Java stack trace: users must see catalogue entries, never traces. */
    public List<String> stackTraceLines() {
        List<String> out = new ArrayList<>();
        for (String line : output().split("\n")) {
            if (line.startsWith("\tat ") || line.contains("Exception in thread")) out.add(line);
        }
        return out;
    }

    /** SIGTERM, then SIGKILL after a grace period; returns the exit code. */
    public int stop() {
        return child.terminate(STOP_GRACE);
    }

    @Override
    public void close() {
        stop();
        child.close();
        try {
            Runtime.getRuntime().removeShutdownHook(orphanGuard);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it finds the server stopped
        }
    }
}
