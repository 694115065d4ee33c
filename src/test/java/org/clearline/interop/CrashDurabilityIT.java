package org.clearline.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.clearline.interop.harness.ClearlineCli;
import org.clearline.interop.harness.ClearlineProcess;
import org.clearline.interop.harness.Flows;
import org.clearline.interop.harness.RegistrarQuery;
import org.clearline.interop.harness.ServerConfig;
import org.clearline.interop.harness.SippResult;
import org.clearline.interop.harness.SippRun;
import org.clearline.interop.harness.TestAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A 200 to REGISTER is a promise: the binding must survive the process dying
 * the next instant (kill -9, no shutdown hook). Checked three ways after the
 * restart on the same data directory: a call reaches a contact registered
 * before the crash, a REGISTER query lists every binding (§10.2.3), and the
 * CLI lists them from the store.
 */
@Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
class CrashDurabilityIT {
    private static final TestAccount ALICE = TestAccount.of("alice", "+493012345001");
    private static final TestAccount FRANK = TestAccount.of("frank", "+493012345006");
    private static final TestAccount GRACE = TestAccount.of("grace", "+493012345007");
    private static final int BINDINGS = 10;

    private ClearlineProcess server;

    @AfterEach
    void stopServer() {
        if (server == null) return;
        server.stop();
        assertThat(server.stackTraceLines()).as("stack traces in %s", server.log()).isEmpty();
    }

    @Test
    void registrationsAcknowledgedBeforeAKill9AreThereAfterTheRestart() {
        server = ClearlineProcess.start("crash-it", ServerConfig.onFreePort(List.of(ALICE, FRANK, GRACE)));
        List<Integer> ports = new ArrayList<>();
        for (int i = 1; i <= BINDINGS; i++) ports.add(46_000 + i);

        try (SippRun callee = Flows.callee("uas_answer.xml", 1, Duration.ofSeconds(90))) {
            Flows.register(server, GRACE, callee.localPort());
            Flows.register(server, FRANK, ports);
            server.kill9(); // at once after the last 200
            assertThat(server.isAlive()).isFalse();

            server.launch();

            SippResult caller = Flows.caller("call_uac.xml", server, ALICE, "grace", 1)
                    .arg("-d", "200").timeout(Duration.ofSeconds(30)).run();
            SippResult answered = callee.await();
            assertThat(caller.succeeded()).as("call to a pre-crash contact: %s", caller.diagnostics()).isTrue();
            assertThat(answered.succeeded()).as("callee: %s", answered.diagnostics()).isTrue();
        }

        List<String> bindings = RegistrarQuery.bindings(server, FRANK);
        for (int port : ports) {
            assertThat(bindings).as("bindings of frank after restart").anySatisfy(b -> assertThat(b).contains(":" + port));
        }

        server.stop();
        ClearlineCli.Outcome listing = ClearlineCli.run("registrations", "--data", server.dataDir().toString());
        assertThat(listing.exitCode()).as(listing.output()).isZero();
        for (int port : ports) assertThat(listing.output()).contains("127.0.0.1:" + port);
    }
}
