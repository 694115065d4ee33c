package org.clearline.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.clearline.syntax.ParseError;
import org.clearline.syntax.SyntaxLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a hostile or broken TCP peer can do, and that the others do not notice (§18.3). */
class TcpDefencesTest {
    private RunningTransport server;

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    private static String register(String callId) {
        return SipText.register("SIP/2.0/TCP 10.1.1.1:5060;branch=z9hG4bK" + callId.hashCode(), callId);
    }

    @Test
    void aPeerDrippingBytesIsClosedAfterTheReadTimeoutWhileOthersAreServed() throws Exception {
        server = new RunningTransport(c -> c.withMessageReadTimeout(Duration.ofMillis(400)));
        byte[] msg = register("slow@h").getBytes(StandardCharsets.ISO_8859_1);
        ScheduledExecutorService dripper = Executors.newSingleThreadScheduledExecutor();
        try (TcpPeer slow = new TcpPeer(server.port); TcpPeer fast = new TcpPeer(server.port)) {
            AtomicInteger sent = new AtomicInteger();
            // One byte every 50 ms: traffic never stops, so an idle timer would not catch it.
            dripper.scheduleAtFixedRate(() -> {
                int i = sent.getAndIncrement();
                if (i >= msg.length) return;
                try {
                    slow.write(new byte[] {msg[i]});
                } catch (java.io.IOException closed) {
                    sent.set(msg.length);
                }
            }, 0, 50, TimeUnit.MILLISECONDS);

            fast.write(register("fast1@h"));
            assertThat(server.handler.nextMessage().message().callId()).isEqualTo("fast1@h");

            assertThat(slow.closedByServer()).isTrue();
            assertThat(sent.get()).as("closed long before the message could complete").isLessThan(msg.length / 2);
            await().atMost(Duration.ofSeconds(5)).until(() -> server.stats().slowPeersClosed() == 1);

            fast.write(register("fast2@h"));
            assertThat(server.handler.nextMessage().message().callId()).isEqualTo("fast2@h");
            assertThat(server.handler.messages).isEmpty();
        } finally {
            dripper.shutdownNow();
        }
    }

    @Test
    void aMessageLargerThanTheLimitIsReportedTooLargeAndTheConnectionClosed() throws Exception {
        server = new RunningTransport(c -> c.withLimits(new SyntaxLimits(4_096, 2_048, 64, 1_024))
                .withMalformedCloseGrace(Duration.ZERO));
        try (TcpPeer big = new TcpPeer(server.port)) {
            big.write(SipText.optionsWithBody("SIP/2.0/TCP 10.1.1.1:5060;branch=z9hG4bKbig", "big@h", 10_000));
            Malformed m = server.handler.nextMalformed();
            assertThat(m.failure().error()).isEqualTo(ParseError.TOO_LARGE);
            assertThat(m.source()).isEqualTo(Peer.tcp("127.0.0.1", big.localPort()));
            assertThat(big.closedByServer()).isTrue();
        }
        assertThat(server.handler.messages).isEmpty();
    }

    @Test
    void headersThatNeverEndAreBoundedToo() throws Exception {
        server = new RunningTransport(c -> c.withLimits(new SyntaxLimits(4_096, 2_048, 64, 1_024))
                .withMalformedCloseGrace(Duration.ZERO));
        try (TcpPeer endless = new TcpPeer(server.port)) {
            endless.write("OPTIONS sip:bob@example.com SIP/2.0\r\n");
            String junk = "X-Filler: " + "y".repeat(500) + "\r\n";
            for (int i = 0; i < 20 && server.handler.malformed.isEmpty(); i++) {
                try {
                    endless.write(junk);
                } catch (SocketException e) {
                    break;  // the server closed first and its report is on the way: what is tested here
                }
            }
            Malformed m = server.handler.nextMalformed();
            assertThat(m.failure().error()).isEqualTo(ParseError.TOO_LARGE);
            assertThat(endless.closedByServer()).isTrue();
        }
    }

    @Test
    void binaryGarbageClosesThatConnectionOnly() throws Exception {
        server = new RunningTransport(c -> c.withMalformedCloseGrace(Duration.ZERO));
        byte[] garbage = new byte[2_000];
        new java.util.Random(3261).nextBytes(garbage);
        garbage[0] = (byte) 0x80;
        System.arraycopy("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0, garbage, garbage.length - 4, 4);
        try (TcpPeer good = new TcpPeer(server.port); TcpPeer bad = new TcpPeer(server.port)) {
            bad.write(garbage);
            server.handler.nextMalformed();
            assertThat(bad.closedByServer()).isTrue();

            good.write(register("good@h"));
            assertThat(server.handler.nextMessage().message().callId()).isEqualTo("good@h");
        }
    }

    @Test
    void theHandlerMayAnswerAFramingFailureBeforeTheConnectionCloses() throws Exception {
        server = new RunningTransport(c -> c.withMalformedCloseGrace(Duration.ofMillis(200)));
        server.handler.onMalformed = m -> server.transport.sendResponse(
                SipText.response(SipText.ok("bad@h", "SIP/2.0/TCP 10.1.1.1:5060;branch=z9hG4bKbad")
                        .replace("200 OK", "400 Bad Request")), m.source(), SendListener.IGNORE);
        byte[] garbage = "\u0001\u0002 not SIP at all \u0003\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        try (TcpPeer bad = new TcpPeer(server.port)) {
            bad.write(garbage);
            assertThat(bad.readMessage()).startsWith("SIP/2.0 400 Bad Request");
            assertThat(bad.closedByServer()).isTrue();
        }
    }

    @Test
    void connectionsBeyondTheLimitAreRefused() throws Exception {
        server = new RunningTransport(c -> c.withMaxTcpConnections(2));
        try (TcpPeer a = new TcpPeer(server.port); TcpPeer b = new TcpPeer(server.port)) {
            a.write(register("a@h"));
            b.write(register("b@h"));
            server.handler.nextMessage();
            server.handler.nextMessage();
            try (TcpPeer c = new TcpPeer(server.port)) {
                assertThat(c.closedByServer()).isTrue();
            }
            assertThat(server.stats().connectionsRefused()).isEqualTo(1);
            a.write(register("a2@h"));
            assertThat(server.handler.nextMessage().message().callId()).isEqualTo("a2@h");
        }
    }

    @Test
    void anIdleConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        server = new RunningTransport(c -> c.withTcpIdleTimeout(Duration.ofMillis(300)));
        try (TcpPeer idle = new TcpPeer(server.port)) {
            idle.write(register("idle@h"));
            server.handler.nextMessage();
            assertThat(idle.closedByServer()).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> server.stats().idleConnectionsClosed() == 1);
            await().atMost(Duration.ofSeconds(5)).until(() -> server.transport.connectionCount() == 0);
        }
    }
}
