package org.clearline.interop.features;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clearline.interop.harness.ChildProcess;
import org.clearline.interop.harness.FreePorts;
import org.clearline.interop.harness.SippResult;
import org.clearline.interop.harness.Workspace;

/**
 * One SIPp run, like the harness' Sipp but with the scenario named by its
 * classpath resource path, so that the scenarios of this package
 * ({@code /interop/features/}) and the shared ones ({@code /interop/sipp/})
 * are both usable. Always bounded: {@code -m}, SIPp's {@code -timeout} with
 * {@code -timeout_error} (running out of time is a failure), and a hard kill
 * a little later should SIPp hang.
 */
public final class Peer {
    public static final String FEATURES = "/interop/features/";
    public static final String SHARED = "/interop/sipp/";
    private static final Duration KILL_MARGIN = Duration.ofSeconds(15);

    private final String resource;
    private final String fileName;
    private String label;
    private String remote;
    private int localPort;
    private int calls = 1;
    private Duration timeout = Duration.ofSeconds(30);
    private final Map<String, String> keys = new LinkedHashMap<>();
    private final Map<String, String> replacements = new LinkedHashMap<>();
    private final List<String> extra = new ArrayList<>();
    private List<List<String>> injection;

    private Peer(String resource) {
        this.resource = resource;
        this.fileName = resource.substring(resource.lastIndexOf('/') + 1);
        this.label = fileName.replace(".xml", "");
    }

    /** A scenario of this package: {@code /interop/features/<name>}. */
    public static Peer feature(String name) {
        return new Peer(FEATURES + name);
    }

    /** A scenario of the shared harness: {@code /interop/sipp/<name>}. */
    public static Peer shared(String name) {
        return new Peer(SHARED + name);
    }

    public Peer label(String v) {
        label = v;
        return this;
    }

    /** host:port SIPp sends its first request to (UAC scenarios). */
    public Peer remote(String hostPort) {
        remote = hostPort;
        return this;
    }

    /** The UDP port SIPp binds (a trunk's port); a free one when not set. */
    public Peer localPort(int v) {
        localPort = v;
        return this;
    }

    /** -m: the run ends after this many calls. */
    public Peer calls(int v) {
        calls = v;
        return this;
    }

    /** SIPp's global timeout; the process is killed {@link #KILL_MARGIN} after it. */
    public Peer timeout(Duration v) {
        timeout = v;
        return this;
    }

    /** -key NAME VALUE: a [NAME] keyword in the scenario. */
    public Peer key(String name, String value) {
        keys.put(name, value);
        return this;
    }

    /** Replaces {@code token} in the scenario text before the run (a tiny template). */
    public Peer replace(String token, String value) {
        replacements.put(token, value);
        return this;
    }

    /** -inf with these rows, read in sequence: [field0], [field1], ... */
    public Peer inject(List<List<String>> rows) {
        injection = List.copyOf(rows);
        return this;
    }

    /** Any other SIPp option, e.g. ("-d", "1000"). */
    public Peer arg(String... args) {
        extra.addAll(List.of(args));
        return this;
    }

    /** Runs to the end (or the bound) and returns the outcome. */
    public SippResult run() {
        try (PeerRun r = start()) {
            return r.await();
        }
    }

    /** Starts in the background (a UAS waiting for calls); await or close it. */
    public PeerRun start() {
        Path dir = Workspace.newDir("sipp-" + label);
        int port = localPort == 0 ? FreePorts.udp() : localPort;
        try {
            String text = Files.readString(Workspace.resource(resource), StandardCharsets.ISO_8859_1);
            for (var e : replacements.entrySet()) text = text.replace(e.getKey(), e.getValue());
            if (text.matches("(?s).*@[A-Z_]+@.*")) {
                throw new IllegalStateException(resource + ": template token left unreplaced");
            }
            Files.writeString(dir.resolve(fileName), text, StandardCharsets.ISO_8859_1);
            if (injection != null) {
                StringBuilder csv = new StringBuilder("SEQUENTIAL\n");
                for (List<String> row : injection) csv.append(String.join(";", row)).append('\n');
                Files.writeString(dir.resolve("inject.csv"), csv.toString(), StandardCharsets.ISO_8859_1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> cmd = new ArrayList<>(List.of("sipp", "-sf", fileName));
        if (remote != null) cmd.add(remote);
        cmd.addAll(List.of("-i", "127.0.0.1", "-p", Integer.toString(port), "-t", "u1",
                "-m", Integer.toString(calls),
                "-timeout", timeout.toSeconds() + "s", "-timeout_error",
                "-nostdin",
                "-trace_msg", "-message_file", "messages.log",
                "-trace_err", "-error_file", "errors.log",
                "-trace_screen", "-screen_file", "screen.log"));
        if (injection != null) cmd.addAll(List.of("-inf", "inject.csv"));
        keys.forEach((k, v) -> cmd.addAll(List.of("-key", k, v)));
        cmd.addAll(extra);
        ChildProcess child = ChildProcess.start(cmd, dir, dir.resolve("stdout.log"));
        return new PeerRun(child, dir, port, timeout.plus(KILL_MARGIN));
    }
}
