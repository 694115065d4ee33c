package org.clearline.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.clearline.interop.harness.ClearlineCli;
import org.clearline.interop.harness.ClearlineProcess;
import org.clearline.interop.harness.DigestClient;
import org.clearline.interop.harness.Flows;
import org.clearline.interop.harness.RawResponse;
import org.clearline.interop.harness.ServerConfig;
import org.clearline.interop.harness.SipText;
import org.clearline.interop.harness.SipUdpClient;
import org.clearline.interop.harness.Sipp;
import org.clearline.interop.harness.SippResult;
import org.clearline.interop.harness.TestAccount;
import org.clearline.interop.harness.TraceMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * REGISTER with digest authentication (RFC 3261 §10.3, §22). SIPp 3.6.1 can
 * compute MD5 digests only (its auth code knows "MD5" and "AKAv1-MD5"; SHA-256
 * arrived in SIPp 3.7), so SHA-256 (RFC 8760) is exercised by a small Java
 * client of our own over a raw UDP socket.
 */
@Timeout(value = 2, unit = java.util.concurrent.TimeUnit.MINUTES)
class RegistrationIT {
    private static final TestAccount ALICE = TestAccount.of("alice", "+493012345001");
    private static final TestAccount BOB = TestAccount.of("bob", "+493012345002");
    private static final TestAccount CAROL = TestAccount.of("carol", "+493012345003");

    private static ClearlineProcess server;

    @BeforeAll
    static void startServer() {
        server = ClearlineProcess.start("registration-it", ServerConfig.onFreePort(List.of(ALICE, BOB, CAROL))
                // RFC 8760: offer SHA-256 beside MD5 (SIPp answers the MD5 challenge, our client SHA-256)
                .withDigestAlgorithms(List.of("MD5", "SHA-256")));
    }

    @AfterAll
    static void stopServer() {
        if (server == null) return;
        server.stop(ClearlineProcess.QUICK_STOP);
        assertThat(server.stackTraceLines()).as("stack traces in %s", server.log()).isEmpty();
    }

    @Test
    void md5RegistrationIsChallengedThenAcceptedAndTheBindingIsListed() {
        int contactPort = 47_001;
        SippResult r = Flows.register(server, ALICE, contactPort);

        TraceMessage challenge = r.trace().received().stream().filter(m -> m.status() == 401).findFirst().orElseThrow();
        assertThat(challenge.message().headers("WWW-Authenticate"))
                .anySatisfy(h -> assertThat(h).contains("Digest").contains("realm=\"" + server.domain() + "\"")
                        .containsIgnoringCase("algorithm=MD5"));
        TraceMessage ok = r.trace().received().stream().filter(m -> m.status() == 200).findFirst().orElseThrow();
        // §10.3 step 8: the 200 lists the current bindings
        assertThat(ok.message().headers("Contact")).anySatisfy(c -> assertThat(c).contains("127.0.0.1:" + contactPort));

        ClearlineCli.Outcome listing = ClearlineCli.run("registrations", "--data", server.dataDir().toString());
        assertThat(listing.exitCode()).as(listing.output()).isZero();
        assertThat(listing.output()).contains("alice").contains("127.0.0.1:" + contactPort);
    }

    @Test
    void aWrongPasswordIsChallengedAgainAndBindsNothing() {
        SippResult r = Sipp.scenario("register.xml").label("register-wrong-password")
                .remote(server.address())
                .replace("@FINAL@", "401")
                .key("domain", server.domain()).key("expires", "3600")
                .inject(List.of(List.of(BOB.sipId(), "not-" + BOB.password(), "47002")))
                .timeout(Duration.ofSeconds(20)).run();

        assertThat(r.succeeded()).as(r.diagnostics()).isTrue();
        assertThat(r.trace().receivedStatusesForCseq("1 REGISTER").values()).singleElement()
                .satisfies(s -> assertThat(s).filteredOn(c -> c >= 200).containsExactly(401));
        assertThat(r.trace().receivedStatusesForCseq("2 REGISTER").values()).singleElement()
                .satisfies(s -> assertThat(s).filteredOn(c -> c >= 200).containsExactly(401));

        ClearlineCli.Outcome listing = ClearlineCli.run("registrations", "--data", server.dataDir().toString());
        assertThat(listing.output()).doesNotContain("127.0.0.1:47002");
    }

    @Test
    void sha256RegistrationIsAccepted() {
        try (SipUdpClient ua = new SipUdpClient(server.port())) {
            String callId = SipText.newCallId();
            String uri = "sip:" + server.domain();
            ua.send(register(ua, callId, 1, null));
            RawResponse challenge = ua.finalResponseFor(callId, Duration.ofSeconds(5)).orElseThrow(
                    () -> new AssertionError("no answer to REGISTER; server log:\n" + server.tail()));
            assertThat(challenge.status()).isEqualTo(401);

            // RFC 8760 §2.4: one challenge per algorithm; pick the SHA-256 one
            Map<String, String> sha256 = challenge.headers("WWW-Authenticate").stream()
                    .map(DigestClient::parseChallenge)
                    .filter(p -> "SHA-256".equalsIgnoreCase(p.get("algorithm")))
                    .findFirst().orElseThrow(() -> new AssertionError(
                            "no SHA-256 challenge offered: " + challenge.headers("WWW-Authenticate")));
            String credentials = DigestClient.authorization(sha256, "REGISTER", uri,
                    CAROL.sipId(), CAROL.password(), "c0ffee42");
            ua.send(register(ua, callId, 2, credentials));
            RawResponse ok = ua.finalResponseFor(callId, Duration.ofSeconds(5)).orElseThrow(
                    () -> new AssertionError("no answer to authenticated REGISTER; server log:\n" + server.tail()));

            assertThat(ok.status()).as(ok.text()).isEqualTo(200);
            assertThat(ok.headers("Contact")).anySatisfy(c -> assertThat(c).contains("127.0.0.1:47003"));
        }
    }

    private String register(SipUdpClient ua, String callId, int cseq, String authorization) {
        return "REGISTER sip:" + server.domain() + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + ua.localPort() + ";branch=" + SipText.newBranch() + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:carol@" + server.domain() + ">;tag=sha" + Integer.toHexString(callId.hashCode()) + "\r\n"
                + "To: <sip:carol@" + server.domain() + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " REGISTER\r\n"
                + "Contact: <sip:carol@127.0.0.1:47003>\r\n"
                + (authorization != null ? "Authorization: " + authorization + "\r\n" : "")
                + "Expires: 600\r\n"
                + "Content-Length: 0\r\n\r\n";
    }
}
