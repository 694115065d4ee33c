package org.clearline.interop.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clearline.interop.features.DemoPhones.PAUSE;
import static org.clearline.interop.features.DemoPhones.PCMU;
import static org.clearline.interop.features.DemoPhones.UNTIL_NUDGED;
import static org.clearline.interop.features.DemoPhones.finals;
import static org.clearline.interop.features.DemoPhones.response;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.clearline.interop.harness.ClearlineCli;
import org.clearline.interop.harness.RawResponse;
import org.clearline.interop.harness.SipText;
import org.clearline.interop.harness.SipUdpClient;
import org.clearline.interop.harness.SippResult;
import org.clearline.interop.harness.TraceMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * `clearline maintenance on|off` against the running demo server: while on,
 * new calls and registrations get 503 Service Unavailable with Retry-After
 * (RFC 3261 §21.5.4, §20.33) and a call already up can still hang up; once off,
 * calls work again. The server polls the switch, so the test waits for the
 * first 503 (and for the first call that is no longer refused), bounded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MaintenanceIT {
    private static final Duration SWITCH_BOUND = Duration.ofSeconds(15);

    private DemoServer server;

    @BeforeAll
    void startServer() {
        server = DemoServer.start("features-maintenance", DemoProvisioning.onFreePorts());
    }

    @AfterAll
    void stopServer() {
        if (server == null) return;
        server.close();
        assertThat(server.stackTraceLines()).as("stack traces in %s", server.log()).isEmpty();
    }

    @Test
    void maintenanceAnswersNewCalls503WithRetryAfterAndOffAgainCallsWork() {
        try (PeerRun phone = Peer.feature("uas_answer.xml").label("bob-answers").replace("@MEDIA@", PCMU)
                        .calls(2).timeout(Duration.ofSeconds(60)).start();
                DemoPhones.Registration reg = DemoPhones.register(server, "bob", phone.localPort());
                PeerRun before = DemoPhones.answered(server, "alice", reg.sipId(), PCMU, UNTIL_NUDGED).label("call-before")
                        .timeout(Duration.ofSeconds(60)).start()) {
            TraceMessage answer = Nudge.awaitAnswered(before);

            ClearlineCli.Outcome on = server.maintenance(true);
            assertThat(on.exitCode()).as(on.output()).isZero();
            SippResult refused = awaitCallAttempt(503);
            TraceMessage unavailable = response(refused, "1 INVITE", 503);
            assertThat(unavailable.message().startLine()).isEqualTo("SIP/2.0 503 Service Unavailable");
            assertThat(unavailable.header("Retry-After")).as("§20.33 delta-seconds").matches("[1-9][0-9]*.*");
            // logged at once with its situation, not later as a 503 nobody explained
            LoggedCall.explain(server, LoggedCall.callIdOf(refused)).isExplainedAs(503, "server.maintenance", refused);
            RawResponse register = registerOnce();
            assertThat(register.status()).as(register.text()).isEqualTo(503);
            assertThat(register.header("Retry-After", null)).isNotNull();

            // the call that was up before keeps working: its BYE goes through
            Nudge.hangUp(before, answer);
            SippResult hungUp = before.await();
            assertThat(hungUp.succeeded()).as("call from before: %s", hungUp.diagnostics()).isTrue();
            assertThat(finals(hungUp, "3 BYE")).containsExactly(200);

            ClearlineCli.Outcome off = server.maintenance(false);
            assertThat(off.exitCode()).as(off.output()).isZero();
            awaitCallAttempt(407); // asked for credentials again: no longer refused
            SippResult after = DemoPhones.answered(server, "alice", reg.sipId(), PCMU, PAUSE).label("call-after").run();
            assertThat(after.succeeded()).as("call after: %s", after.diagnostics()).isTrue();
            assertThat(finals(after, "2 INVITE")).containsExactly(200);
            assertThat(phone.await().trace().callsReceived("INVITE")).isEqualTo(2);
        }
    }

    /** Calls without credentials until one gets {@code status} (the server polls the switch). */
    private SippResult awaitCallAttempt(int status) {
        AtomicReference<SippResult> last = new AtomicReference<>();
        await("a new call answered " + status).atMost(SWITCH_BOUND).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    SippResult r = DemoPhones.unauthenticated(server, "alice", "bob", status)
                            .timeout(Duration.ofSeconds(5)).run();
                    last.set(r);
                    return r.succeeded();
                });
        return last.get();
    }

    /** A REGISTER of bob without credentials, sent raw; its final response. */
    private RawResponse registerOnce() {
        try (SipUdpClient c = new SipUdpClient(server.port())) {
            String callId = SipText.newCallId();
            c.send("REGISTER sip:demo.clearline.test SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + c.localPort() + ";branch=" + SipText.newBranch() + ";rport\r\n"
                    + "Max-Forwards: 70\r\n"
                    + "From: <sip:bob@demo.clearline.test>;tag=maint\r\n"
                    + "To: <sip:bob@demo.clearline.test>\r\n"
                    + "Call-ID: " + callId + "\r\n"
                    + "CSeq: 1 REGISTER\r\n"
                    + "Contact: <sip:bob@127.0.0.1:" + c.localPort() + ">\r\n"
                    + "Content-Length: 0\r\n\r\n");
            Optional<RawResponse> r = c.finalResponseFor(callId, Duration.ofSeconds(5));
            assertThat(r).as("a final response to the REGISTER").isPresent();
            return r.get();
        }
    }
}
