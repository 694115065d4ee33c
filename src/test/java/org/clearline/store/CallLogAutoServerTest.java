package org.clearline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.clearline.admin.cli.Main;
import org.clearline.store.LoggedMessage.Direction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's situation for the log: `clearline explain` in another process reads the log a running server holds. */
class CallLogAutoServerTest {
    @TempDir Path dir;

    @Test
    void theCliInASecondProcessExplainsACallFromTheLogTheServerHolds() throws Exception {
        try (JdbcStore server = JdbcStore.open(dir)) {
            assertThat(server.callLog().check()).as("the server holds the log open").isNull();
            server.callLog().append(List.of(new CallRecord("c1@x", 1_767_225_600_000L, "udp:192.0.2.10:5060",
                    "sip:alice@example.com", "alice", "ken", null, 480, "callee.offline", -1, -1, -1, 0, List.of(
                            new LoggedMessage(1_767_225_600_000L, Direction.IN, "udp:192.0.2.10:5060",
                                    "INVITE sip:ken@example.com SIP/2.0", "INVITE sip:ken@example.com SIP/2.0\r\n\r\n"),
                            new LoggedMessage(1_767_225_600_004L, Direction.OUT, "udp:192.0.2.10:5060",
                                    "SIP/2.0 480 Temporarily Unavailable", "SIP/2.0 480 Temporarily Unavailable\r\n\r\n")),
                    List.of(new RouteStep(RouteStep.Kind.CONTACT, "ken: phone 1", "sip:ken@192.0.2.40")), null)),
                    List.of());

            assertListensOnLoopbackOnly(autoServerPort(dir.resolve("calllog.lock.db")));

            Path stderr = dir.resolve("cli.err");
            Process cli = ChildJvm.start(Main.class, stderr, "--data", dir.toString(), "explain", "c1@x");
            String out = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(cli.exitValue()).as("cli failed: %s", Files.readString(stderr)).isZero();

            assertThat(out).contains("Call c1@x at 2026-01-01 00:00:00 UTC from udp:192.0.2.10:5060")
                    .contains("result: 480 [callee.offline]")
                    .contains("1. contact ken: phone 1 sip:ken@192.0.2.40")
                    .contains("|-INVITE sip:ken@example.com -").contains("|<- 480 Temporarily Unavailable -");
            // the server still writes its log after the CLI has gone
            server.callLog().append(List.of(), List.of(new RegistrationRecord("r1", 1, "udp:192.0.2.10:5060", "ken",
                    200, null)));
            assertThat(server.callLog().registrations(null, 0, 10)).hasSize(1);
        }
    }

    /** H2 names its auto-server ("host:port") in the database's lock file. */
    private static int autoServerPort(Path lockFile) throws Exception {
        java.util.Properties lock = new java.util.Properties();
        try (var in = Files.newInputStream(lockFile)) {
            lock.load(in);
        }
        String server = lock.getProperty("server");
        return Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
    }

    /**
     * The kernel's tables of TCP sockets (Linux): the one listener on {@code port} is bound
     * to 127.0.0.1, in tcp as 0100007F or in tcp6 as the IPv4-mapped ::ffff:127.0.0.1.
     */
    private static void assertListensOnLoopbackOnly(int port) throws Exception {
        String hexPort = String.format(":%04X", port);
        List<String> listeners = new java.util.ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path p = Path.of(table);
            if (!Files.exists(p)) continue;
            for (String line : Files.readAllLines(p)) {
                String[] f = line.strip().split("\\s+");
                if (f.length > 3 && f[1].endsWith(hexPort) && f[3].equals("0A")) listeners.add(f[1]);  // 0A: LISTEN
            }
        }
        assertThat(listeners).as("listening sockets on port %d", port).singleElement()
                .isIn("0100007F" + hexPort, "0000000000000000FFFF00000100007F" + hexPort);
    }
}
