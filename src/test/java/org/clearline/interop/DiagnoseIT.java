package org.clearline.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.clearline.interop.harness.ClearlineCli;
import org.clearline.interop.harness.ClearlineProcess;
import org.clearline.interop.harness.FreePorts;
import org.clearline.interop.harness.ServerConfig;
import org.clearline.interop.harness.Sipp;
import org.clearline.interop.harness.SippResult;
import org.clearline.interop.harness.SippRun;
import org.clearline.interop.harness.TestAccount;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code clearline diagnose} against the packaged server: the CLI finds the
 * running server through its data directory and the server sends the OPTIONS
 * (RFC 3261 §11) from its own socket. One phone (a SIPp UAS) answers; the other
 * binding names a port where nothing listens any more.
 */
@Timeout(value = 2, unit = java.util.concurrent.TimeUnit.MINUTES)
class DiagnoseIT {
    private static final TestAccount ALICE = TestAccount.of("alice", "+493012345001");

    private static ClearlineProcess server;

    @BeforeAll
    static void startServer() {
        server = ClearlineProcess.start("diagnose-it", ServerConfig.onFreePort(List.of(ALICE)));
    }

    @AfterAll
    static void stopServer() {
        if (server == null) return;
        server.stop(ClearlineProcess.QUICK_STOP);
        assertThat(server.stackTraceLines()).as("stack traces in %s", server.log()).isEmpty();
    }

    @Test
    void anAnsweringPhoneIsReachableAndAGoneOneTimesOut() {
        int phonePort = FreePorts.udp();
        int gonePort = FreePorts.udp();
        // each binding registered from its own contact port, as a phone does: no NAT, one probe each
        register(phonePort);
        register(gonePort);

        try (SippRun phone = Sipp.scenario("uas_options.xml").label("phone-options").localPort(phonePort)
                .calls(1).timeout(Duration.ofSeconds(30)).start()) {
            ClearlineCli.Outcome d = ClearlineCli.run("diagnose", "alice", "--data", server.dataDir().toString(),
                    "--timeout", "2s");
            assertThat(d.exitCode()).as(d.output()).isZero();
            assertThat(d.output())
                    .contains("asked the running server, which sent OPTIONS to the phones")
                    .contains("phone at udp:127.0.0.1:" + phonePort + " answered OPTIONS: 200 OK in")
                    .contains("PROBLEM  phone at udp:127.0.0.1:" + gonePort + " did not answer OPTIONS within 2 s")
                    .contains("registered:      yes, 2 phones");

            SippResult answered = phone.await(Duration.ofSeconds(10));
            assertThat(answered.succeeded()).as("the phone got an OPTIONS and answered: %s", answered.diagnostics())
                    .isTrue();
        }

        ClearlineCli.Outcome json = ClearlineCli.run("diagnose", "alice", "--data", server.dataDir().toString(),
                "--no-probe", "--json");
        assertThat(json.exitCode()).as(json.output()).isZero();
        assertThat(json.output()).contains("\"serverRunning\" : true").contains("\"probed\" : false");

        ClearlineCli.Outcome unknown = ClearlineCli.run("diagnose", "mallory", "--data", server.dataDir().toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.output()).contains("clearline: account 'mallory' does not exist");
    }

    /** REGISTER from {@code port} with the Contact on that same port (contact user "alice-1"). */
    private static void register(int port) {
        SippResult r = Sipp.scenario("register.xml").label("register-alice-" + port)
                .remote(server.address()).localPort(port)
                .replace("@FINAL@", "200")
                .key("domain", server.domain()).key("expires", "3600")
                .inject(List.of(List.of(ALICE.sipId(), ALICE.password(), Integer.toString(port))))
                .timeout(Duration.ofSeconds(30))
                .run();
        assertThat(r.succeeded()).as("registering from %s: %s", port, r.diagnostics()).isTrue();
    }
}
