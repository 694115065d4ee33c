package org.clearline.interop.harness;

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

/**
 * One SIPp run with one of our scenarios (src/test/resources/interop/sipp/),
 * always bounded: a call count ({@code -m}), SIPp's own global timeout
 * ({@code -timeout} with {@code -timeout_error}, so running out of time is a
 * failure, not a success), and a hard kill a little later should SIPp hang.
 * Messages and errors are traced into the run's own directory.
 *
 * <p>SIPp exit codes: 0 = every call succeeded, 1 = at least one failed,
 * 97 = stopped by command, 99 = no call processed, 255/-1 = fatal error
 * (including the global timeout with -timeout_error).
 */
public final class Sipp {
    private static final Duration KILL_MARGIN = Duration.ofSeconds(15);

    private final String scenario;
    private String label;
    private String remote;
    private int localPort;
    private int calls = 1;
    private Duration timeout = Duration.ofSeconds(30);
    private final Map<String, String> keys = new LinkedHashMap<>();
    private final Map<String, String> replacements = new LinkedHashMap<>();
    private final List<String> extra = new ArrayList<>();
    private List<List<String>> injection;

    private Sipp(String scenario) {
        this.scenario = scenario;
        this.label = scenario.replace(".xml", "");
    }

    /** A run of {@code scenario}, a file name under /interop/sipp/ on the test classpath. */
    public static Sipp scenario(String scenario) {
        return new Sipp(scenario);
    }

    public Sipp label(String v) {
        label = v;
        return this;
    }

    /** host:port SIPp sends its first request to (UAC scenarios). */
    public Sipp remote(String hostPort) {
        remote = hostPort;
        return this;
    }

    public Sipp localPort(int v) {
        localPort = v;
        return this;
    }

    /** -m: the run ends after this many calls. */
    public Sipp calls(int v) {
        calls = v;
        return this;
    }

    /** SIPp's global timeout; the process is killed {@link #KILL_MARGIN} after it. */
    public Sipp timeout(Duration v) {
        timeout = v;
        return this;
    }

    /** -key NAME VALUE: a [NAME] keyword in the scenario. */
    public Sipp key(String name, String value) {
        keys.put(name, value);
        return this;
    }

    /** Replaces {@code token} in the scenario text before the run (a tiny template). */
    public Sipp replace(String token, String value) {
        replacements.put(token, value);
        return this;
    }

    /** -inf with these rows, read in sequence: [field0], [field1], ... */
    public Sipp inject(List<List<String>> rows) {
        injection = List.copyOf(rows);
        return this;
    }

    /** Any other SIPp option, e.g. ("-lost", "10"), ("-d", "1000"), ("-r", "5"). */
    public Sipp arg(String... args) {
        extra.addAll(List.of(args));
        return this;
    }

    /** Runs to the end (or the bound) and returns the outcome. */
    public SippResult run() {
        try (SippRun r = start()) {
            return r.await();
        }
    }

    /** Starts in the background (a UAS waiting for calls); await or close it. */
    public SippRun start() {
        SippTool.requireInstalled();
        Path dir = Workspace.newDir("sipp-" + label);
        if (localPort == 0) localPort = FreePorts.udp();
        try {
            String text = Files.readString(Workspace.resource("/interop/sipp/" + scenario), StandardCharsets.ISO_8859_1);
            for (var e : replacements.entrySet()) text = text.replace(e.getKey(), e.getValue());
            Files.writeString(dir.resolve(scenario), text, StandardCharsets.ISO_8859_1);
            if (injection != null) {
                StringBuilder csv = new StringBuilder("SEQUENTIAL\n");
                for (List<String> row : injection) csv.append(String.join(";", row)).append('\n');
                Files.writeString(dir.resolve("inject.csv"), csv.toString(), StandardCharsets.ISO_8859_1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> cmd = new ArrayList<>(List.of(SippTool.SIPP, "-sf", scenario));
        if (remote != null) cmd.add(remote);
        cmd.addAll(List.of("-i", "127.0.0.1", "-p", Integer.toString(localPort), "-t", "u1",
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
        return new SippRun(child, dir, localPort, timeout.plus(KILL_MARGIN));
    }
}
