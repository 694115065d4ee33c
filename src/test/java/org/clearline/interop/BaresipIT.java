package org.clearline.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.clearline.interop.harness.Baresip;
import org.clearline.interop.harness.ClearlineProcess;
import org.clearline.interop.harness.Flows;
import org.clearline.interop.harness.FreePorts;
import org.clearline.interop.harness.RegistrarQuery;
import org.clearline.interop.harness.ServerConfig;
import org.clearline.interop.harness.SippResult;
import org.clearline.interop.harness.SippRun;
import org.clearline.interop.harness.TestAccount;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real softphone, baresip 1.0.0, against Clearline: it registers with digest
 * auth, calls through the proxy with a Route to it (loose routing, RFC 3261
 * §16.4) and answers a call forwarded to its generated contact.
 */
@Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
class BaresipIT {
    private static final TestAccount HEIDI = TestAccount.of("heidi", "+493012345011");
    private static final TestAccount IVAN = TestAccount.of("ivan", "+493012345012");
    private static final TestAccount JUDY = TestAccount.of("judy", "+493012345013");
    private static final TestAccount KIM = TestAccount.of("kim", "+493012345014");

    private static ClearlineProcess server;

    @BeforeAll
    static void startServer() {
        Baresip.requireInstalled();
        server = ClearlineProcess.start("baresip-it", ServerConfig.onFreePort(List.of(HEIDI, IVAN, JUDY, KIM)));
    }

    @AfterAll
    static void stopServer() {
        if (server == null) return;
        server.stop();
        assertThat(server.stackTraceLines()).as("stack traces in %s", server.log()).isEmpty();
    }

    @Test
    void baresipRegistersAndCallsASippCallee() {
        try (SippRun callee = Flows.callee("uas_answer.xml", 1, Duration.ofSeconds(90))) {
            Flows.register(server, IVAN, callee.localPort());

            try (Baresip.Run phone = Baresip.call(server.address(), HEIDI, server.domain(), "ivan", 2)) {
                int exit = phone.await();
                assertThat(phone.value("FINAL_STATUS")).as("baresip output:\n%s", phone.output()).startsWith("200");
                assertThat(exit).as(phone.output()).isZero();
            }
            SippResult answered = callee.await();
            assertThat(answered.succeeded()).as("callee: %s", answered.diagnostics()).isTrue();
            assertThat(answered.trace().callsReceived("BYE")).isEqualTo(1);
        }
    }

    @Test
    void aSippCallerReachesABaresipThatAnswers() {
        int phonePort = FreePorts.udp();
        try (Baresip.Run phone = Baresip.answer(server.address(), JUDY, server.domain(), 12, phonePort)) {
            await("baresip registered as judy").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                    .until(() -> RegistrarQuery.bindings(server, JUDY).stream().anyMatch(b -> b.contains(":" + phonePort)));

            SippResult caller = Flows.caller("call_uac.xml", server, KIM, "judy", 1)
                    .arg("-d", "1000").timeout(Duration.ofSeconds(30)).run();
            assertThat(caller.succeeded()).as("caller: %s", caller.diagnostics()).isTrue();
            assertThat(caller.trace().receivedStatusesForCseq("2 INVITE").values()).singleElement()
                    .satisfies(s -> assertThat(s).filteredOn(c -> c >= 200).containsExactly(200));

            int exit = phone.await();
            assertThat(phone.value("ANSWERED")).as(phone.output()).isEqualTo("1");
            assertThat(exit).as(phone.output()).isZero();
        }
    }
}
