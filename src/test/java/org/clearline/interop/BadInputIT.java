package org.clearline.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.clearline.interop.harness.ClearlineProcess;
import org.clearline.interop.harness.FreePorts;
import org.clearline.interop.harness.RawResponse;
import org.clearline.interop.harness.ServerConfig;
import org.clearline.interop.harness.SipTcpClient;
import org.clearline.interop.harness.SipText;
import org.clearline.interop.harness.SipUdpClient;
import org.clearline.interop.harness.TestAccount;
import org.clearline.interop.harness.TopVia;
import org.clearline.interop.harness.TortureCorpus;
import org.clearline.interop.harness.WireOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile and broken input over UDP and TCP: the RFC 4475 torture messages,
 * truncated, oversized and random datagrams, and a slowloris TCP peer. The
 * server must answer what deserves an answer, drop the rest, keep serving, and
 * never print a stack trace. The home domain is the corpus' own example.com,
 * so its REGISTERs reach the registrar.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class BadInputIT {
    private static final Duration FINAL_WAIT = Duration.ofSeconds(3);
    private static final Duration QUIET = Duration.ofMillis(800);

    private static ClearlineProcess server;

    @BeforeAll
    static void startServer() {
        server = ClearlineProcess.start("bad-input-it", new ServerConfig("example.com", FreePorts.udpAndTcp(),
                List.of(TestAccount.of("watson", "+19725550100"))));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.stop();
    }

    @Test
    @Order(1)
    void rfc4475MessagesOverUdpGetTheExpectedAnswer() {
        List<String> wrong = new ArrayList<>();
        for (TortureCorpus.Entry e : TortureCorpus.entries()) {
            WireOutcome outcome = overUdp(e.bytes());
            if (!outcome.matches(e.udp())) {
                wrong.add(e.file() + ": expected " + e.udp() + " (" + e.why() + "), got " + outcome);
            }
            if (!server.answersOptions(Duration.ofSeconds(3))) {
                wrong.add(e.file() + ": server stopped answering OPTIONS afterwards");
                break;
            }
        }
        assertThat(wrong).as("RFC 4475 over UDP (server log %s)", server.log()).isEmpty();
    }

    @Test
    @Order(2)
    void rfc4475MessagesOverTcpGetTheExpectedAnswer() {
        List<String> wrong = new ArrayList<>();
        for (TortureCorpus.Entry e : TortureCorpus.entries()) {
            WireOutcome outcome = overTcp(e.bytes());
            if (!outcome.matches(e.tcp())) {
                wrong.add(e.file() + ": expected " + e.tcp() + " (" + e.why() + "), got " + outcome);
            }
        }
        assertThat(server.answersOptions(Duration.ofSeconds(3))).as("still answering").isTrue();
        assertThat(wrong).as("RFC 4475 over TCP (server log %s)", server.log()).isEmpty();
    }

    @Test
    @Order(3)
    void truncatedDatagramsAreAnsweredWith400OrDropped() {
        byte[] whole;
        List<RawResponse> answers = new ArrayList<>();
        try (SipUdpClient c = new SipUdpClient(server.port())) {
            whole = SipText.optionsToServer(server.port(), "UDP", c.localPort(), SipText.newCallId())
                    .getBytes(StandardCharsets.US_ASCII);
            for (int cut = 1; cut < whole.length - 4; cut += 7) {
                byte[] part = new byte[cut];
                System.arraycopy(whole, 0, part, 0, cut);
                c.send(part);
                answers.addAll(c.drain(Duration.ofMillis(60), Duration.ofSeconds(2)));
            }
            answers.addAll(c.drain(QUIET, Duration.ofSeconds(3)));
        }
        // a cut message may still be a complete request line and headers; whatever is answered is a response
        assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.text()).isIn(400, 200, 513));
        assertThat(server.answersOptions(Duration.ofSeconds(3))).as("still answering").isTrue();
    }

    @Test
    @Order(4)
    void anOversizedDatagramAndAnOversizedTcpMessageDoNotHurt() {
        // the largest UDP payload over IPv4 is 65,507 bytes; more than 64 KiB is only possible on TCP
        try (SipUdpClient c = new SipUdpClient(server.port())) {
            c.send(padded(SipText.optionsToServer(server.port(), "UDP", c.localPort(), SipText.newCallId()), 65_507));
            List<RawResponse> answers = c.drain(QUIET, Duration.ofSeconds(3));
            assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.startLine()).isIn(513, 400));
        }
        try (SipTcpClient c = new SipTcpClient(server.port())) {
            c.send(padded(SipText.optionsToServer(server.port(), "TCP", c.localPort(), SipText.newCallId()), 100 * 1024));
            Optional<RawResponse> answer = c.receive(FINAL_WAIT);
            // RFC 3261 §21.5.14 (513) or a 400, then the connection may be closed; never a 200 for 100 KiB
            answer.ifPresent(r -> assertThat(r.status()).as(r.startLine()).isIn(513, 400));
        }
        assertThat(server.answersOptions(Duration.ofSeconds(3))).as("still answering on UDP").isTrue();
        try (SipTcpClient c = new SipTcpClient(server.port())) {
            assertThat(c.options(server.port(), FINAL_WAIT)).as("still answering on TCP")
                    .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(200));
        }
    }

    @Test
    @Order(5)
    void randomBinaryDatagramsAreSurvived() {
        Random random = new Random(4475);
        List<RawResponse> answers = new ArrayList<>();
        String[] prefixes = {"", "INVITE sip:a@example.com SIP/2.0\r\n", "SIP/2.0 200 OK\r\n", "REGISTER "};
        try (SipUdpClient c = new SipUdpClient(server.port())) {
            for (int i = 0; i < 400; i++) {
                byte[] prefix = prefixes[i % prefixes.length].getBytes(StandardCharsets.US_ASCII);
                byte[] noise = new byte[1 + random.nextInt(1500)];
                random.nextBytes(noise);
                byte[] datagram = new byte[prefix.length + noise.length];
                System.arraycopy(prefix, 0, datagram, 0, prefix.length);
                System.arraycopy(noise, 0, datagram, prefix.length, noise.length);
                c.send(datagram);
                if (i % 50 == 49) answers.addAll(c.drain(Duration.ofMillis(50), Duration.ofSeconds(2)));
            }
            answers.addAll(c.drain(QUIET, Duration.ofSeconds(3)));
        }
        assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.startLine()).isEqualTo(400));
        assertThat(server.answersOptions(Duration.ofSeconds(3))).as("still answering").isTrue();
    }

    @Test
    @Order(6)
    void aSlowlorisPeerIsDisconnectedWhileAnotherIsServed() {
        byte[] request;
        ScheduledExecutorService dribbler = Executors.newSingleThreadScheduledExecutor();
        try (SipTcpClient slow = new SipTcpClient(server.port())) {
            request = SipText.optionsToServer(server.port(), "TCP", slow.localPort(), SipText.newCallId())
                    .getBytes(StandardCharsets.US_ASCII);
            AtomicInteger sent = new AtomicInteger();
            dribbler.scheduleAtFixedRate(() -> {
                int i = sent.get();
                if (i < request.length && slow.send(new byte[] {request[i]})) sent.incrementAndGet();
            }, 0, 1, TimeUnit.SECONDS);

            // while one byte a second trickles in, another peer is served at once
            try (SipTcpClient other = new SipTcpClient(server.port())) {
                long t0 = System.nanoTime();
                assertThat(other.options(server.port(), FINAL_WAIT)).as("served next to a slowloris peer")
                        .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(200));
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
            }
            await("server closes the slowloris connection").atMost(Duration.ofSeconds(45))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        slow.receive(Duration.ofMillis(200));
                        return slow.closedByPeer();
                    });
            assertThat(sent.get()).as("closed long before the request was complete").isLessThan(request.length);
        } finally {
            dribbler.shutdownNow();
        }
        assertThat(server.answersOptions(Duration.ofSeconds(3))).as("still answering").isTrue();
    }

    @Test
    @Order(99)
    void noStackTraceReachedTheServerOutput() {
        assertThat(server.answersOptions(Duration.ofSeconds(3))).isTrue();
        assertThat(server.stackTraceLines()).as("stack traces in %s", server.log()).isEmpty();
    }

    private static WireOutcome overUdp(byte[] message) {
        try (SipUdpClient c = new SipUdpClient(server.port())) {
            boolean request = TopVia.isRequest(message);
            c.send(request ? TopVia.rewrite(message, "UDP", c.localPort()) : message);
            return collect(request, wait -> c.receive(wait), false);
        }
    }

    private static WireOutcome overTcp(byte[] message) {
        try (SipTcpClient c = new SipTcpClient(server.port())) {
            boolean request = TopVia.isRequest(message);
            c.send(request ? TopVia.rewrite(message, "TCP", c.localPort()) : message);
            WireOutcome o = collect(request, c::receive, false);
            return new WireOutcome(o.finals(), o.anything(), c.closedByPeer());
        }
    }

    /** Requests: wait for the first final response. Responses: listen for a quiet period. */
    private static WireOutcome collect(boolean request,
            java.util.function.Function<Duration, Optional<RawResponse>> receive, boolean closed) {
        List<RawResponse> finals = new ArrayList<>();
        boolean anything = false;
        long end = System.nanoTime() + (request ? FINAL_WAIT : QUIET).toNanos();
        while (System.nanoTime() < end && finals.isEmpty()) {
            Optional<RawResponse> r = receive.apply(Duration.ofNanos(Math.max(1_000_000, end - System.nanoTime())));
            if (r.isEmpty()) break;
            anything = true;
            if (r.get().status() >= 200) finals.add(r.get());
        }
        return new WireOutcome(finals, anything, closed);
    }

    /** The request grown to {@code size} bytes by one long extension header. */
    private static byte[] padded(String request, int size) {
        int headEnd = request.indexOf("\r\n\r\n");
        int padding = size - request.length() - "X-Padding: \r\n".length();
        return (request.substring(0, headEnd) + "\r\nX-Padding: " + "a".repeat(Math.max(0, padding))
                + request.substring(headEnd)).getBytes(StandardCharsets.US_ASCII);
    }
}
