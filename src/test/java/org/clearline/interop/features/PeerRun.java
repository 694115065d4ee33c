package org.clearline.interop.features;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.clearline.interop.harness.ChildProcess;
import org.clearline.interop.harness.SippResult;
import org.clearline.interop.harness.SippTrace;

/** A SIPp process started by {@link Peer}: await its result or close (kill) it. */
public final class PeerRun implements AutoCloseable {
    private final ChildProcess child;
    private final Path dir;
    private final int localPort;
    private final Duration bound;

    PeerRun(ChildProcess child, Path dir, int localPort, Duration bound) {
        this.child = child;
        this.dir = dir;
        this.localPort = localPort;
        this.bound = bound;
    }

    /** The UDP port SIPp listens on (a UAS's contact port). */
    public int localPort() {
        return localPort;
    }

    public Path dir() {
        return dir;
    }

    /** The message trace so far (SIPp writes each message as it goes). */
    public SippTrace traceSoFar() {
        return SippTrace.read(dir.resolve("messages.log"));
    }

    /** Waits for the end (killing SIPp at its hard bound) and reads the traces. */
    public SippResult await() {
        int code = child.await(bound);
        return new SippResult(code, dir, SippTrace.read(dir.resolve("messages.log")),
                read("errors.log"), read("stdout.log") + read("screen.log"));
    }

    private String read(String name) {
        try {
            Path p = dir.resolve(name);
            return Files.exists(p) ? Files.readString(p, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "<unreadable " + name + ">";
        }
    }

    @Override
    public void close() {
        child.close();
    }
}
