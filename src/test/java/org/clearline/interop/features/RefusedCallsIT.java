package org.clearline.interop.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.interop.features.DemoPhones.PCMU;
import static org.clearline.interop.features.DemoPhones.finals;
import static org.clearline.interop.features.DemoPhones.response;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
 * Calls and requests the server itself ends, one code each, against the demo
 * provisioning (examples/demo.yaml, demo timers) with SIPp as the phones:
 * permissions 403, unassigned number 404, do-not-disturb 480, offline 480,
 * redirects 301/302, forwarding loop 482, reject rule 603, missing
 * credentials 407, wrong password 401, missing Call-ID 400, unknown dialog 481.
 * Callers authenticate first (407, then credentials), as real phones do.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class RefusedCallsIT {
    private DemoServer server;

    @BeforeAll
    void startServer() {
        server = DemoServer.start("features-refused", DemoProvisioning.onFreePorts());
    }

    @AfterAll
    void stopServer() {
        if (server == null) return;
        server.close();
        assertThat(server.stackTraceLines()).as("stack traces in %s", server.log()).isEmpty();
    }

    @Test
    void aliceMayNotCallInternational403() {
        SippResult r = DemoPhones.refused(server, "alice", "+12125550100", 403, PCMU).run();

        assertThat(r.succeeded()).as(r.diagnostics()).isTrue();
        assertThat(finals(r, "1 INVITE")).as("challenged first").containsExactly(407);
        assertThat(finals(r, "2 INVITE")).containsExactly(403);
        assertThat(response(r, "2 INVITE", 403).message().startLine()).isEqualTo("SIP/2.0 403 Forbidden");
        LoggedCall.explain(server, LoggedCall.callIdOf(r)).isExplainedAs(403, "call.not-permitted", r);
    }

    @Test
    void anUnassignedNumberDialledNationallyIs404() {
        SippResult r = DemoPhones.refused(server, "alice", "03012345099", 404, PCMU).run();

        assertThat(r.succeeded()).as(r.diagnostics()).isTrue();
        assertThat(finals(r, "2 INVITE")).containsExactly(404);
        LoggedCall.explain(server, LoggedCall.callIdOf(r)).isExplainedAs(404, "number.no-route", r);
    }

    @Test
    void carolOnDoNotDisturbIs480AndHerPhoneNeverRings() {
        // carol's phone is registered: the 480 comes from do-not-disturb, not from an empty location
        try (SipUdpClient phone = new SipUdpClient(server.port());
                DemoPhones.Registration reg = DemoPhones.register(server, "carol", phone.localPort())) {
            SippResult r = DemoPhones.refused(server, "alice", reg.sipId(), 480, PCMU).run();

            assertThat(r.succeeded()).as(r.diagnostics()).isTrue();
            assertThat(finals(r, "2 INVITE")).containsExactly(480);
            assertThat(response(r, "2 INVITE", 480).message().startLine())
                    .isEqualTo("SIP/2.0 480 Temporarily Unavailable");
            assertThat(phone.receive(Duration.ofMillis(300))).as("carol's phone got something").isEmpty();
            LoggedCall.explain(server, LoggedCall.callIdOf(r)).isExplainedAs(480, "callee.dnd", r);
        }
    }

    @Test
    void kenWhoNeverRegisteredIs480() {
        SippResult r = DemoPhones.refused(server, "alice", "ken", 480, PCMU).run();

        assertThat(r.succeeded()).as(r.diagnostics()).isTrue();
        assertThat(finals(r, "2 INVITE")).containsExactly(480);
        LoggedCall.explain(server, LoggedCall.callIdOf(r)).isExplainedAs(480, "callee.offline", r);
    }

    @Test
    void erinForwardsPermanently301WithBobsContact() {
        SippResult r = DemoPhones.refused(server, "alice", "erin", 301, PCMU).run();

        assertThat(r.succeeded()).as(r.diagnostics()).isTrue();
        assertThat(finals(r, "2 INVITE")).containsExactly(301);
        TraceMessage moved = response(r, "2 INVITE", 301);
        assertThat(moved.message().startLine()).isEqualTo("SIP/2.0 301 Moved Permanently");
        assertThat(moved.message().headers("Contact")).containsExactly("<sip:+493012345002@demo.clearline.test>");
        LoggedCall.explain(server, LoggedCall.callIdOf(r)).isExplainedAs(301, "callee.moved-permanently", r);
    }

    @Test
    void frankForwardsTemporarily302WithBobsContact() {
        SippResult r = DemoPhones.refused(server, "alice", "frank", 302, PCMU).run();

        assertThat(r.succeeded()).as(r.diagnostics()).isTrue();
        assertThat(finals(r, "2 INVITE")).containsExactly(302);
        TraceMessage moved = response(r, "2 INVITE", 302);
        assertThat(moved.message().startLine()).isEqualTo("SIP/2.0 302 Moved Temporarily");
        assertThat(moved.message().headers("Contact")).containsExactly("<sip:+493012345002@demo.clearline.test>");
        LoggedCall.explain(server, LoggedCall.callIdOf(r)).isExplainedAs(302, "callee.moved-temporarily", r);
    }

    @Test
    void graceAndHeidiForwardToEachOther482() {
        SippResult r = DemoPhones.refused(server, "alice", "grace", 482, PCMU).run();

        assertThat(r.succeeded()).as(r.diagnostics()).isTrue();
        assertThat(finals(r, "2 INVITE")).containsExactly(482);
        assertThat(response(r, "2 INVITE", 482).message().startLine()).isEqualTo("SIP/2.0 482 Loop Detected");
        LoggedCall.explain(server, LoggedCall.callIdOf(r)).isExplainedAs(482, "forward.loop", r);
    }

    @Test
    void ivanDeclinesAlice603AndHisPhoneNeverRings() {
        try (SipUdpClient phone = new SipUdpClient(server.port());
                DemoPhones.Registration reg = DemoPhones.register(server, "ivan", phone.localPort())) {
            SippResult r = DemoPhones.refused(server, "alice", reg.sipId(), 603, PCMU).run();

            assertThat(r.succeeded()).as(r.diagnostics()).isTrue();
            assertThat(finals(r, "2 INVITE")).containsExactly(603);
            assertThat(response(r, "2 INVITE", 603).message().startLine()).isEqualTo("SIP/2.0 603 Decline");
            assertThat(phone.receive(Duration.ofMillis(300))).as("ivan's phone got something").isEmpty();
            LoggedCall.explain(server, LoggedCall.callIdOf(r)).isExplainedAs(603, "callee.rejected", r);
        }
    }

    @Test
    void anInviteWithoutCredentialsIs407WithAChallenge() {
        SippResult r = DemoPhones.unauthenticated(server, "alice", "bob", 407).run();

        assertThat(r.succeeded()).as(r.diagnostics()).isTrue();
        assertThat(finals(r, "1 INVITE")).containsExactly(407);
        TraceMessage challenge = response(r, "1 INVITE", 407);
        // §22.3: the proxy challenges with Proxy-Authenticate in its realm, the home domain
        assertThat(challenge.header("Proxy-Authenticate")).startsWith("Digest ")
                .contains("realm=\"demo.clearline.test\"").contains("nonce=\"");
    }

    @Test
    void aRegisterWithAWrongPasswordIs401() {
        SippResult r = DemoPhones.registration(server, "alice", "not-secret-alice", 40000, 3600, 401);

        assertThat(r.succeeded()).as(r.diagnostics()).isTrue();
        assertThat(r.trace().receivedStatusesForCseq("2 REGISTER").values())
                .singleElement().satisfies(s -> assertThat(s).filteredOn(c -> c >= 200).containsExactly(401));
        TraceMessage refused = response(r, "2 REGISTER", 401);
        assertThat(refused.header("WWW-Authenticate")).startsWith("Digest ").contains("realm=\"demo.clearline.test\"");
    }

    @Test
    void aRequestWithoutCallIdIs400NamingTheHeader() {
        try (SipUdpClient c = new SipUdpClient(server.port())) {
            c.send("INVITE sip:bob@demo.clearline.test SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + c.localPort() + ";branch=" + SipText.newBranch() + ";rport\r\n"
                    + "Max-Forwards: 70\r\n"
                    + "From: <sip:alice@demo.clearline.test>;tag=nocallid\r\n"
                    + "To: <sip:bob@demo.clearline.test>\r\n"
                    + "CSeq: 1 INVITE\r\n"
                    + "Contact: <sip:alice@127.0.0.1:" + c.localPort() + ">\r\n"
                    + "Content-Length: 0\r\n\r\n");
            Optional<RawResponse> answer = firstFinal(c, Duration.ofSeconds(5));

            assertThat(answer).as("a final response to the INVITE without Call-ID").isPresent();
            assertThat(answer.get().status()).as(answer.get().text()).isEqualTo(400);
            assertThat(answer.get().startLine()).as("the reason names the header").contains("Call-ID");
        }
    }

    @Test
    void aByeForAnUnknownDialogIs481() {
        // To tag present, no Route naming us: a stray in-dialog request (§12.2.2, §16.12)
        SippResult r = Peer.shared("bye_unknown_uac.xml").label("bye-unknown").remote(server.address())
                .key("domain", server.domain()).timeout(Duration.ofSeconds(20)).run();

        assertThat(r.succeeded()).as(r.diagnostics()).isTrue();
        assertThat(finals(r, "7 BYE")).containsExactly(481);
        assertThat(response(r, "7 BYE", 481).message().startLine())
                .isEqualTo("SIP/2.0 481 Call/Transaction Does Not Exist");
    }

    private static Optional<RawResponse> firstFinal(SipUdpClient c, Duration wait) {
        long end = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < end) {
            Optional<RawResponse> r = c.receive(Duration.ofNanos(Math.max(1_000_000, end - System.nanoTime())));
            if (r.isEmpty()) return r;
            if (r.get().status() >= 200) return r;
        }
        return Optional.empty();
    }
}
