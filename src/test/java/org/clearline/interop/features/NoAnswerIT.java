package org.clearline.interop.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.interop.features.DemoPhones.PCMU;
import static org.clearline.interop.features.DemoPhones.finals;
import static org.clearline.interop.features.DemoPhones.response;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.clearline.interop.harness.SippResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * A phone that receives the INVITE and never answers: 408 Request Timeout
 * when the proxy's client transaction gives up (Timer B = 64*T1, RFC 3261
 * §17.1.1.2, §16.7 step 6 / §16.8).
 *
 * <p>This is the one class that does not keep the demo's timers: with T1 =
 * 500 ms, Timer B is 32 s; here T1 is 100 ms, so Timer B is 6.4 s and the
 * suite stays fast. Everything else is the demo provisioning as it is.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class NoAnswerIT {
    private static final Duration T1 = Duration.ofMillis(100);
    private static final Duration TIMER_B = T1.multipliedBy(64);
    /** The silent peer stays a little longer than Timer B, so it is there for anything the proxy sends. */
    private static final Duration SILENCE = TIMER_B.plusSeconds(3);

    private DemoServer server;

    @BeforeAll
    void startServer() {
        server = DemoServer.start("features-no-answer", DemoProvisioning.onFreePorts().withT1(T1));
    }

    @AfterAll
    void stopServer() {
        if (server == null) return;
        server.close();
        assertThat(server.stackTraceLines()).as("stack traces in %s", server.log()).isEmpty();
    }

    @Test
    void peggysPhoneNeverAnswers408() {
        try (PeerRun phone = silent("peggy-silent", 0);
                DemoPhones.Registration reg = DemoPhones.register(server, "peggy", phone.localPort())) {
            SippResult caller = DemoPhones.refused(server, "alice", reg.sipId(), 408, PCMU).run();
            SippResult silent = phone.await();

            assertThat(caller.succeeded()).as("caller: %s", caller.diagnostics()).isTrue();
            assertThat(finals(caller, "2 INVITE")).containsExactly(408);
            assertThat(response(caller, "2 INVITE", 408).message().startLine()).isEqualTo("SIP/2.0 408 Request Timeout");
            // the phone got the INVITE and its retransmissions (Timer A), and no CANCEL (§9.1: nothing to cancel)
            assertThat(silent.succeeded()).as("silent phone: %s", silent.diagnostics()).isTrue();
            assertThat(silent.trace().callsReceived("INVITE")).isEqualTo(1);
            assertThat(silent.trace().requestsReceived("INVITE")).hasSizeGreaterThan(1);
            assertThat(silent.trace().requestsReceived("CANCEL")).isEmpty();
            LoggedCall.explain(server, LoggedCall.callIdOf(caller)).isExplainedAs(408, "callee.no-answer", caller)
                    .andTheCalleeSaw(silent);
        }
    }

    @Test
    void aCarrierThatNeverAnswers408() {
        try (PeerRun gateway = silent("carrier-silent", server.provisioning().carrierPort())) {
            SippResult caller = DemoPhones.refused(server, "alice", "+498912345678", 408, PCMU).run();
            SippResult silent = gateway.await();

            assertThat(caller.succeeded()).as("caller: %s", caller.diagnostics()).isTrue();
            assertThat(finals(caller, "2 INVITE")).containsExactly(408);
            assertThat(silent.succeeded()).as("silent carrier: %s", silent.diagnostics()).isTrue();
            assertThat(silent.trace().callsReceived("INVITE")).isEqualTo(1);
            LoggedCall.explain(server, LoggedCall.callIdOf(caller)).isExplainedAs(408, "trunk.no-answer", caller)
                    .andTheCalleeSaw(silent);
        }
    }

    private static PeerRun silent(String label, int port) {
        Peer peer = Peer.feature("uas_silent.xml").label(label)
                .replace("@SILENCE@", Long.toString(SILENCE.toMillis()))
                .timeout(SILENCE.plusSeconds(15));
        return (port == 0 ? peer : peer.localPort(port)).start();
    }
}
