package org.clearline.interop.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child process whose output goes to a file and whose life is always
 * bounded: {@link #await} kills it (and everything it started) when the bound
 * passes, {@link #close} kills whatever is still running. Only the processes we
 * started are ever signalled, by their own handles.
 */
public final class ChildProcess implements AutoCloseable {
    /** Exit code reported when we had to kill the process at its time bound. */
    public static final int KILLED_AT_BOUND = -999;
    /**
     * What a server's output says when a port it was given is bound by another process
     * (the operating system's words for EADDRINUSE). Free ports are chosen before the
     * server binds them, so this can happen; harnesses start again on other ports.
     */
    public static final String PORT_TAKEN = "Address already in use";

    private final Process process;
    private final Path output;
    private final List<String> command;

    private ChildProcess(Process process, Path output, List<String> command) {
        this.process = process;
        this.output = output;
        this.command = List.copyOf(command);
    }

    /** Starts {@code command} in {@code dir}; stdout and stderr both go to {@code output}. */
    public static ChildProcess start(List<String> command, Path dir, Path output) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        ChildProcess child;
        try {
            child = new ChildProcess(pb.start(), output, command);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
        child.killOnJvmExit();
        return child;
    }

    /**
     * Children outlive a JVM that exits (a test run killed at its own timeout,
     * Ctrl-C): a shutdown hook kills this one then, and is removed once it ends.
     */
    private void killOnJvmExit() {
        Thread hook = new Thread(this::killNow, "kill-" + process.pid());
        Runtime.getRuntime().addShutdownHook(hook);
        process.onExit().thenRun(() -> {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting and runs the hook anyway; it finds nothing to kill
            }
        });
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public List<String> command() {
        return command;
    }

    public Path outputFile() {
        return output;
    }

    /** Everything the process wrote so far (stdout and stderr interleaved). */
    public String output() {
        try {
            return Files.exists(output) ? Files.readString(output, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "<could not read " + output + ": " + e + ">";
        }
    }

    /** Waits up to {@code bound} for the exit; past it, kills and returns {@link #KILLED_AT_BOUND}. */
    public int await(Duration bound) {
        try {
            if (process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        killNow();
        return KILLED_AT_BOUND;
    }

    /** SIGTERM, then SIGKILL if it has not exited within {@code grace}. Returns the exit code. */
    public int terminate(Duration grace) {
        if (!process.isAlive()) return process.exitValue();
        process.destroy(); // SIGTERM on Unix: lets shutdown hooks run
        try {
            if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        killNow();
        return KILLED_AT_BOUND;
    }

    /** SIGKILL to the descendants we spawned through this child, then to the child itself. */
    public void killNow() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive() || process.descendants().findAny().isPresent()) killNow();
    }
}
