package org.clearline.interop.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.interop.features.DemoPhones.PAUSE;
import static org.clearline.interop.features.DemoPhones.PCMU;
import static org.clearline.interop.features.DemoPhones.finals;
import static org.clearline.interop.features.DemoPhones.response;
import static org.clearline.interop.features.DemoPhones.statuses;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.clearline.interop.harness.SippResult;
import org.clearline.interop.harness.TraceMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Calls to numbers that live elsewhere, through the demo's three trunks (on
 * ports this test picked): "broken" over TCP where nothing listens (503),
 * "garbled" where a SIPp gateway answers with an invalid response (502, RFC
 * 3261 §21.5.3), and "carrier" where a SIPp gateway answers (200, then ACK and
 * BYE through the proxy). Alice may call national numbers, so all three are
 * permitted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class TrunkCallsIT {
    private static final Duration GATEWAY_BOUND = Duration.ofSeconds(20);

    private DemoServer server;

    @BeforeAll
    void startServer() {
        server = DemoServer.start("features-trunks", DemoProvisioning.onFreePorts());
    }

    @AfterAll
    void stopServer() {
        if (server == null) return;
        server.close();
        assertThat(server.stackTraceLines()).as("stack traces in %s", server.log()).isEmpty();
    }

    @Test
    void aTrunkThatRefusesTheConnectionIs503() {
        SippResult r = DemoPhones.refused(server, "alice", "+494012345678", 503, PCMU).run();

        assertThat(r.succeeded()).as(r.diagnostics()).isTrue();
        assertThat(finals(r, "2 INVITE")).containsExactly(503);
        assertThat(response(r, "2 INVITE", 503).message().startLine()).isEqualTo("SIP/2.0 503 Service Unavailable");
        LoggedCall.explain(server, LoggedCall.callIdOf(r)).isExplainedAs(503, "trunk.unreachable", r);
    }

    @Test
    void aTrunkAnsweringWithAnUnparseableToIs502() {
        badGatewayFor("To: <sip:+496912345678@127.0.0.1;tag=gw-[call_number]", "Content-Length: [len]");
    }

    @Test
    void aTrunkAnsweringWithANonNumericContentLengthIs502() {
        badGatewayFor("[last_To:];tag=gw-[call_number]", "Content-Length: abc");
    }

    private void badGatewayFor(String toLine, String lengthLine) {
        int port = server.provisioning().garbledPort();
        try (PeerRun gateway = Peer.feature("uas_garbled.xml").label("garbled-trunk").localPort(port)
                .replace("@BROKEN_TO@", toLine).replace("@BROKEN_LENGTH@", lengthLine).replace("@LINGER@", "1000")
                .timeout(GATEWAY_BOUND).start()) {
            SippResult caller = DemoPhones.refused(server, "alice", "+496912345678", 502, PCMU).run();
            SippResult trunk = gateway.await();

            assertThat(caller.succeeded()).as("caller: %s", caller.diagnostics()).isTrue();
            assertThat(finals(caller, "2 INVITE")).containsExactly(502);
            assertThat(response(caller, "2 INVITE", 502).message().startLine()).isEqualTo("SIP/2.0 502 Bad Gateway");
            LoggedCall.explain(server, LoggedCall.callIdOf(caller)).isExplainedAs(502, "trunk.invalid-response", caller);
            assertThat(trunk.trace().callsReceived("INVITE")).as("gateway: %s", trunk.diagnostics()).isEqualTo(1);
            TraceMessage invite = trunk.trace().requestsReceived("INVITE").get(0);
            assertThat(invite.message().startLine())
                    .isEqualTo("INVITE sip:+496912345678@127.0.0.1:" + port + ";user=phone SIP/2.0");
            // what the gateway sent really was malformed, and it did match the transaction
            TraceMessage sent = trunk.trace().sent().get(0);
            assertThat(sent.message().text()).contains(toLine.startsWith("To:") ? "To: <sip:" : "Content-Length: abc");
            assertThat(sent.header("CSeq")).isEqualTo(invite.header("CSeq"));
            // SIPp folds the Via list into one line: the proxy's own entry (its branch) comes first
            assertThat(sent.header("Via")).startsWith(invite.header("Via"));
        }
    }

    @Test
    void theCarrierTrunkAnswers200AndTheCallEndsThroughTheProxy() {
        int port = server.provisioning().carrierPort();
        try (PeerRun gateway = Peer.feature("uas_answer.xml").label("carrier-trunk").localPort(port)
                .replace("@MEDIA@", PCMU).timeout(GATEWAY_BOUND).start()) {
            SippResult caller = DemoPhones.answered(server, "alice", "+498912345678", PCMU, PAUSE).run();
            SippResult trunk = gateway.await();

            assertThat(caller.succeeded()).as("caller: %s", caller.diagnostics()).isTrue();
            assertThat(trunk.succeeded()).as("carrier: %s", trunk.diagnostics()).isTrue();
            assertThat(statuses(caller, "2 INVITE")).containsExactly(100, 180, 200);
            assertThat(finals(caller, "3 BYE")).containsExactly(200);
            TraceMessage invite = trunk.trace().requestsReceived("INVITE").get(0);
            assertThat(invite.message().startLine())
                    .isEqualTo("INVITE sip:+498912345678@127.0.0.1:" + port + ";user=phone SIP/2.0");
            assertThat(trunk.trace().callsReceived("ACK")).isEqualTo(1);
            assertThat(trunk.trace().callsReceived("BYE")).isEqualTo(1);
            LoggedCall.explain(server, LoggedCall.callIdOf(caller)).isAnswered(caller, trunk);
        }
    }
}
