package org.clearline.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import org.clearline.syntax.Responses;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.Via;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TCP framing, connection reuse and response routing over real sockets (§18.3, §18.2.2). */
class TcpTransportTest {
    private RunningTransport server;

    @BeforeEach
    void start() throws Exception {
        server = new RunningTransport();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String register(String callId) {
        return SipText.register("SIP/2.0/TCP 10.1.1.1:5060;rport;branch=z9hG4bK" + callId.hashCode(), callId);
    }

    @Test
    void aMessageWrittenInManySmallChunksIsFramedWhole() throws Exception {
        byte[] msg = SipText.optionsWithBody("SIP/2.0/TCP 10.1.1.1:5060;rport;branch=z9hG4bKchunks",
                "chunks@h", 300).getBytes(StandardCharsets.ISO_8859_1);
        try (TcpPeer phone = new TcpPeer(server.port)) {
            for (int i = 0, step = 1; i < msg.length; i += step, step = step % 7 + 1) {
                phone.write(java.util.Arrays.copyOfRange(msg, i, Math.min(msg.length, i + step)));
            }
            Inbound in = server.handler.nextMessage();
            assertThat(in.message().callId()).isEqualTo("chunks@h");
            assertThat(in.message().body()).hasSize(300);
            assertThat(in.wireBytes()).isEqualTo(msg.length);
            assertThat(in.source()).isEqualTo(Peer.tcp("127.0.0.1", phone.localPort()));
            assertThat(in.local()).isEqualTo(server.transport.listeningPoint(TransportProtocol.TCP));
            Via top = in.message().topVia();
            assertThat(top.received()).isEqualTo("127.0.0.1");
            assertThat(top.rport()).isEqualTo(phone.localPort());
        }
        assertThat(server.handler.malformed).isEmpty();
    }

    @Test
    void twoMessagesInOneWriteArriveInOrder() throws Exception {
        try (TcpPeer phone = new TcpPeer(server.port)) {
            phone.write(register("first@h") + register("second@h"));
            assertThat(server.handler.nextMessage().message().callId()).isEqualTo("first@h");
            assertThat(server.handler.nextMessage().message().callId()).isEqualTo("second@h");
        }
    }

    @Test
    void keepAliveCrlfsBetweenMessagesAreIgnored() throws Exception {
        try (TcpPeer phone = new TcpPeer(server.port)) {
            phone.write("\r\n\r\n");
            phone.write(register("ka1@h") + "\r\n\r\n\r\n");
            phone.write("\r\n");
            phone.write(register("ka2@h"));
            assertThat(server.handler.nextMessage().message().callId()).isEqualTo("ka1@h");
            assertThat(server.handler.nextMessage().message().callId()).isEqualTo("ka2@h");
            assertThat(server.handler.malformed).isEmpty();
        }
    }

    @Test
    void theResponseGoesBackOnTheConnectionTheRequestCameOn() throws Exception {
        server.handler.onMessage = in -> server.transport.sendResponse(
                Responses.create((SipRequest) in.message(), 200, "OK", "srv"), in.source(), SendListener.IGNORE);
        try (TcpPeer phone = new TcpPeer(server.port)) {
            phone.write(register("same@h"));
            String answer = phone.readMessage();
            assertThat(answer).startsWith("SIP/2.0 200 OK\r\n").contains("same@h")
                    .contains("rport=" + phone.localPort());
        }
        assertThat(server.transport.connectionCount()).isLessThanOrEqualTo(1);
    }

    @Test
    void whenTheRequestConnectionIsGoneTheResponseOpensOneToTheSentByPort() throws Exception {
        try (TcpTestServer phoneListener = new TcpTestServer()) {
            String via = "SIP/2.0/TCP 127.0.0.1:" + phoneListener.port() + ";branch=z9hG4bKgone";
            var ok = SipText.response(SipText.ok("gone@h", via));
            server.transport.sendResponse(ok, Peer.tcp("127.0.0.1", 1), SendListener.IGNORE);
            assertThat(phoneListener.nextMessage()).startsWith("SIP/2.0 200 OK").contains("gone@h");
        }
    }

    @Test
    void outboundRequestsReuseOneConnection() throws Exception {
        try (TcpTestServer proxy = new TcpTestServer()) {
            Peer to = Peer.tcp("127.0.0.1", proxy.port());
            CopyOnWriteArrayList<Throwable> failures = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 3; i++) {
                SipRequest r = SipText.request(SipText.register("SIP/2.0/TCP 127.0.0.1:" + server.port
                        + ";branch=z9hG4bKout" + i, "out" + i + "@h"));
                server.transport.send(r, to, failures::add);
            }
            assertThat(proxy.nextMessage()).contains("out0@h");
            assertThat(proxy.nextMessage()).contains("out1@h");
            assertThat(proxy.nextMessage()).contains("out2@h");
            assertThat(proxy.accepted).hasValue(1);
            assertThat(failures).isEmpty();
        }
    }

    @Test
    void aMessageArrivingOnAnOutboundConnectionIsDelivered() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            SipRequest r = SipText.request(SipText.register("SIP/2.0/TCP 127.0.0.1:" + server.port
                    + ";branch=z9hG4bKback", "back@h"));
            server.transport.send(r, Peer.tcp("127.0.0.1", listener.getLocalPort()), SendListener.IGNORE);
            try (Socket accepted = listener.accept(); TcpPeer registrar = new TcpPeer(accepted)) {
                assertThat(registrar.readMessage()).contains("back@h");
                registrar.write(SipText.ok("back@h", "SIP/2.0/TCP 127.0.0.1:" + server.port + ";branch=z9hG4bKback"));
                Inbound in = server.handler.nextMessage();
                assertThat(in.message().isRequest()).isFalse();
                assertThat(in.source()).isEqualTo(Peer.tcp("127.0.0.1", listener.getLocalPort()));
            }
        }
    }

    @Test
    void connectingToAClosedPortReportsFailure() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closedPort = s.getLocalPort();
        }
        SipRequest r = SipText.request(register("refused@h"));
        CopyOnWriteArrayList<Throwable> failures = new CopyOnWriteArrayList<>();
        server.transport.send(r, Peer.tcp("127.0.0.1", closedPort), failures::add);

        await().atMost(Duration.ofSeconds(5)).until(() -> failures.size() == 1);
        assertThat(failures.get(0)).isInstanceOf(java.io.IOException.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> server.transport.connectionCount() == 0);
    }

    @Test
    void stopClosesEveryConnection() throws Exception {
        try (TcpPeer phone = new TcpPeer(server.port)) {
            phone.write(register("bye@h"));
            server.handler.nextMessage();
            server.close();
            assertThat(phone.closedByServer()).isTrue();
        }
    }
}
