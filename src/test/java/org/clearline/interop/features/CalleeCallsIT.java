package org.clearline.interop.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.interop.features.DemoPhones.G722;
import static org.clearline.interop.features.DemoPhones.PAUSE;
import static org.clearline.interop.features.DemoPhones.PCMU;
import static org.clearline.interop.features.DemoPhones.UNTIL_NUDGED;
import static org.clearline.interop.features.DemoPhones.body;
import static org.clearline.interop.features.DemoPhones.finals;
import static org.clearline.interop.features.DemoPhones.response;
import static org.clearline.interop.features.DemoPhones.statuses;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clearline.admin.http.AdminToken;
import org.clearline.admin.http.RuntimeFile;
import org.clearline.interop.harness.SipUdpClient;
import org.clearline.interop.harness.SippResult;
import org.clearline.interop.harness.TraceMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Calls that reach a registered phone of a demo line, one code each, against
 * the demo provisioning with SIPp as caller and callee: 100 from the proxy at
 * once, 180 for judy's G.722 call, 183 early media relayed with its SDP, 200
 * answered, 486 at dave's call limit, 487 when the caller cancels, 488 with a
 * Warning for an offer judy's line does not accept. Each test registers the
 * phones it needs and removes the bindings again, so tests never ring each
 * other's phones.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class CalleeCallsIT {
    private static final Duration CALLEE_BOUND = Duration.ofSeconds(20);

    private DemoServer server;

    @BeforeAll
    void startServer() {
        server = DemoServer.start("features-callees", DemoProvisioning.onFreePorts());
    }

    @AfterAll
    void stopServer() {
        if (server == null) return;
        server.close();
        assertThat(server.stackTraceLines()).as("stack traces in %s", server.log()).isEmpty();
    }

    @Test
    void aCallThatGoesOnHasItsSetUpCompressedAndItsLadderReadsBackWhole() throws Exception {
        long before = compactedCalls();
        try (PeerRun phone = Peer.feature("uas_answer.xml").label("bob-talks").replace("@MEDIA@", PCMU)
                        .timeout(CALLEE_BOUND).start();
                DemoPhones.Registration reg = DemoPhones.register(server, "bob", phone.localPort())) {
            // two seconds of talk: the call log's writer compresses the set-up meanwhile (it runs
            // at least every 0.4 s), and the BYE's messages come after that part
            SippResult caller = DemoPhones.answered(server, "alice", reg.sipId(), PCMU,
                    "<pause milliseconds=\"2000\"/>").run();
            SippResult callee = phone.await();

            assertThat(caller.succeeded()).as("caller: %s", caller.diagnostics()).isTrue();
            assertThat(compactedCalls()).as("calls compressed while they went on").isGreaterThan(before);
            LoggedCall.explain(server, LoggedCall.callIdOf(caller)).isAnswered(caller, callee);
        }
    }

    /** The server's {@code clearline_call_log_compacted}, read from /metrics with the admin token. */
    private long compactedCalls() throws Exception {
        RuntimeFile running = RuntimeFile.ofRunningServer(server.dataDir()).orElseThrow();
        String token = AdminToken.read(server.dataDir().resolve(AdminToken.FILE_NAME)).value();
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(running.httpUrl() + "/metrics")).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        Matcher m = Pattern.compile("(?m)^clearline_call_log_compacted (\\d+)").matcher(metrics.body());
        assertThat(m.find()).as("the gauge in\n%s", metrics.body()).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void trying100ComesFromTheProxyAtOnce() {
        try (PeerRun phone = Peer.feature("uas_answer.xml").label("bob-answers").replace("@MEDIA@", PCMU)
                        .timeout(CALLEE_BOUND).start();
                DemoPhones.Registration reg = DemoPhones.register(server, "bob", phone.localPort())) {
            SippResult caller = DemoPhones.answered(server, "alice", reg.sipId(), PCMU, PAUSE).run();
            SippResult callee = phone.await();

            assertThat(caller.succeeded()).as("caller: %s", caller.diagnostics()).isTrue();
            assertThat(callee.succeeded()).as("callee: %s", callee.diagnostics()).isTrue();
            // §16.2, §17.2.1: the phone never sends 100, so the 100 the caller gets first is the proxy's own
            assertThat(callee.trace().sent()).noneMatch(m -> m.status() == 100);
            assertThat(statuses(caller, "2 INVITE")).first().isEqualTo(100);
            assertThat(response(caller, "2 INVITE", 100).message().startLine()).isEqualTo("SIP/2.0 100 Trying");
            // at once: within T1, else the caller would have retransmitted its INVITE (§17.1.1.2 Timer A)
            assertThat(caller.trace().sent()).filteredOn(m -> "INVITE".equals(m.method())
                    && "2 INVITE".equals(m.message().cseq())).as("INVITE retransmitted: no 100 within T1").hasSize(1);
        }
    }

    @Test
    void earlyMedia183IsRelayedWithItsSdp() {
        try (PeerRun phone = Peer.feature("uas_early.xml").label("bob-early").replace("@MEDIA@", PCMU)
                        .timeout(CALLEE_BOUND).start();
                DemoPhones.Registration reg = DemoPhones.register(server, "bob", phone.localPort())) {
            SippResult caller = DemoPhones.answered(server, "alice", reg.sipId(), PCMU, PAUSE).run();
            SippResult callee = phone.await();

            assertThat(caller.succeeded()).as("caller: %s", caller.diagnostics()).isTrue();
            assertThat(callee.succeeded()).as("callee: %s", callee.diagnostics()).isTrue();
            assertThat(statuses(caller, "2 INVITE")).containsExactly(100, 183, 180, 200);
            TraceMessage sent = callee.trace().sent().stream().filter(m -> m.status() == 183).findFirst().orElseThrow();
            TraceMessage relayed = response(caller, "2 INVITE", 183);
            assertThat(relayed.message().startLine()).isEqualTo("SIP/2.0 183 Session Progress");
            assertThat(relayed.header("Content-Type")).isEqualTo("application/sdp");
            assertThat(body(relayed)).as("the SDP of the 183, unchanged").contains("o=early-media-1 7 7 IN IP4 127.0.0.1")
                    .isEqualTo(body(sent));
            assertThat(relayed.header("Content-Length")).isEqualTo(sent.header("Content-Length"));
            LoggedCall.explain(server, LoggedCall.callIdOf(caller)).isAnswered(caller, callee);
        }
    }

    @Test
    void bobAnswers200AndTheCallEndsThroughTheProxy() {
        try (PeerRun phone = Peer.feature("uas_answer.xml").label("bob-answers").replace("@MEDIA@", PCMU)
                        .timeout(CALLEE_BOUND).start();
                DemoPhones.Registration reg = DemoPhones.register(server, "bob", phone.localPort())) {
            SippResult caller = DemoPhones.answered(server, "alice", reg.sipId(), PCMU, PAUSE).run();
            SippResult callee = phone.await();

            assertThat(caller.succeeded()).as("caller: %s", caller.diagnostics()).isTrue();
            assertThat(callee.succeeded()).as("callee: %s", callee.diagnostics()).isTrue();
            assertThat(statuses(caller, "2 INVITE")).containsExactly(100, 180, 200);
            assertThat(response(caller, "2 INVITE", 200).header("Record-Route")).contains(server.address());
            assertThat(finals(caller, "3 BYE")).containsExactly(200);
            // ACK and BYE went along the route set through the proxy to the phone (§16.12)
            assertThat(callee.trace().callsReceived("ACK")).isEqualTo(1);
            assertThat(callee.trace().callsReceived("BYE")).isEqualTo(1);
            LoggedCall.explain(server, LoggedCall.callIdOf(caller)).isAnswered(caller, callee);
        }
    }

    @Test
    void judyRings180AndAnswersAG722Offer() {
        try (PeerRun phone = Peer.feature("uas_answer.xml").label("judy-answers").replace("@MEDIA@", G722)
                        .timeout(CALLEE_BOUND).start();
                DemoPhones.Registration reg = DemoPhones.register(server, "judy", phone.localPort())) {
            SippResult caller = DemoPhones.answered(server, "alice", reg.sipId(), G722, PAUSE).run();
            SippResult callee = phone.await();

            assertThat(caller.succeeded()).as("caller: %s", caller.diagnostics()).isTrue();
            assertThat(callee.succeeded()).as("callee: %s", callee.diagnostics()).isTrue();
            assertThat(statuses(caller, "2 INVITE")).containsExactly(100, 180, 200);
            assertThat(response(caller, "2 INVITE", 180).message().startLine()).isEqualTo("SIP/2.0 180 Ringing");
            // the offer reached judy's phone as sent: the proxy checks codecs, it does not rewrite media
            TraceMessage invite = callee.trace().requestsReceived("INVITE").get(0);
            assertThat(body(invite)).contains("m=audio").contains(" RTP/AVP 9\r\n");
        }
    }

    @Test
    void judyRefusesAPcmuOnlyOffer488WithAWarningNamingTheCodecs() {
        try (SipUdpClient phone = new SipUdpClient(server.port());
                DemoPhones.Registration reg = DemoPhones.register(server, "judy", phone.localPort())) {
            SippResult caller = DemoPhones.refused(server, "alice", reg.sipId(), 488, PCMU).run();

            assertThat(caller.succeeded()).as("caller: %s", caller.diagnostics()).isTrue();
            assertThat(finals(caller, "2 INVITE")).containsExactly(488);
            TraceMessage refused = response(caller, "2 INVITE", 488);
            assertThat(refused.message().startLine()).isEqualTo("SIP/2.0 488 Not Acceptable Here");
            // §20.43: warn-code 305 (incompatible media format), warn-agent, quoted text naming the codecs
            assertThat(refused.message().headers("Warning")).singleElement().asString()
                    .matches("305 \\S+ \".*\"").contains("PCMU").contains("G722");
            assertThat(phone.receive(Duration.ofMillis(300))).as("judy's phone got something").isEmpty();
            LoggedCall.explain(server, LoggedCall.callIdOf(caller)).isExplainedAs(488, "media.codec-not-allowed", caller);
        }
    }

    @Test
    void aSecondCallToDaveWhileTheFirstIsUpIs486() {
        try (PeerRun phone = Peer.feature("uas_answer.xml").label("dave-answers").replace("@MEDIA@", PCMU)
                        .calls(2).timeout(CALLEE_BOUND).start();
                DemoPhones.Registration reg = DemoPhones.register(server, "dave", phone.localPort());
                PeerRun first = DemoPhones.answered(server, "alice", reg.sipId(), PCMU, UNTIL_NUDGED).label("dave-first")
                        .start()) {
            TraceMessage answer = Nudge.awaitAnswered(first);

            SippResult second = DemoPhones.refused(server, "bob", reg.sipId(), 486, PCMU).label("dave-second").run();
            Nudge.hangUp(first, answer);
            SippResult firstDone = first.await();
            // after the BYE the line is free again (the call counted from INVITE to BYE)
            SippResult third = DemoPhones.answered(server, "alice", reg.sipId(), PCMU, PAUSE).label("dave-third").run();
            SippResult callee = phone.await();

            assertThat(second.succeeded()).as("second caller: %s", second.diagnostics()).isTrue();
            assertThat(finals(second, "2 INVITE")).containsExactly(486);
            assertThat(response(second, "2 INVITE", 486).message().startLine()).isEqualTo("SIP/2.0 486 Busy Here");
            assertThat(firstDone.succeeded()).as("first caller: %s", firstDone.diagnostics()).isTrue();
            assertThat(finals(firstDone, "3 BYE")).containsExactly(200);
            assertThat(third.succeeded()).as("third caller: %s", third.diagnostics()).isTrue();
            assertThat(finals(third, "2 INVITE")).containsExactly(200);
            assertThat(callee.succeeded()).as("dave's phone: %s", callee.diagnostics()).isTrue();
            assertThat(callee.trace().callsReceived("INVITE")).as("the busy call never rang dave").isEqualTo(2);
            LoggedCall.explain(server, LoggedCall.callIdOf(second)).isExplainedAs(486, "callee.call-limit", second);
        }
    }

    @Test
    void callerCancelsWhileBobRings487() {
        try (PeerRun phone = Peer.shared("uas_ring.xml").label("bob-rings").timeout(CALLEE_BOUND).start();
                DemoPhones.Registration reg = DemoPhones.register(server, "bob", phone.localPort())) {
            SippResult caller = Peer.shared("cancel_uac.xml").label("alice-cancels").remote(server.address())
                    .key("domain", server.domain())
                    .inject(List.of(List.of("alice", DemoPhones.password("alice"), reg.sipId())))
                    .timeout(Duration.ofSeconds(30)).run();
            SippResult callee = phone.await();

            assertThat(caller.succeeded()).as("caller: %s", caller.diagnostics()).isTrue();
            assertThat(callee.succeeded()).as("callee: %s", callee.diagnostics()).isTrue();
            assertThat(finals(caller, "2 CANCEL")).containsExactly(200);
            assertThat(statuses(caller, "2 INVITE")).contains(180).filteredOn(c -> c >= 200).containsExactly(487);
            assertThat(response(caller, "2 INVITE", 487).message().startLine())
                    .isEqualTo("SIP/2.0 487 Request Terminated");
            // §16.10: the proxy cancelled the ringing phone
            assertThat(callee.trace().callsReceived("CANCEL")).isEqualTo(1);
            LoggedCall.explain(server, LoggedCall.callIdOf(caller)).isExplainedAs(487, "call.cancelled", caller)
                    .andTheCalleeSaw(callee);
        }
    }
}
