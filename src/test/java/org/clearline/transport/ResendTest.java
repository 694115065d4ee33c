package org.clearline.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.clearline.syntax.Responses;
import org.clearline.syntax.SipMessage;
import org.clearline.syntax.SipRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sending kept bytes again (what a transaction does for §17.2.1/§17.2.2 retransmissions
 * and the §17.1.1.2 ACK), over real sockets on 127.0.0.1: the same bytes go the same way,
 * and the tap sees the repeat under the message's Call-ID.
 */
class ResendTest {
    private final List<String> tapped = new CopyOnWriteArrayList<>();
    private RunningTransport server;

    private final MessageTap tap = new MessageTap() {
        @Override
        public void inbound(SipMessage message, Peer from, long epochMillis) {}

        @Override
        public void outbound(SipMessage message, byte[] encoded, Peer to, long epochMillis) {
            tapped.add("out " + message.callId() + " " + encoded.length + " -> " + to);
        }

        @Override
        public void outboundAgain(String callId, byte[] encoded, Peer to, long epochMillis) {
            tapped.add("again " + callId + " " + encoded.length + " -> " + to);
        }
    };

    @BeforeEach
    void start() throws Exception {
        server = new RunningTransport(tap);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aKeptUdpResponseIsSentAgainByteForByteToTheSamePlace() throws Exception {
        try (UdpPeer phone = new UdpPeer()) {
            phone.send(SipText.register("SIP/2.0/UDP 10.1.1.1:4540;rport;branch=z9hG4bKkept1", "kept1@h"), server.port);
            Inbound in = server.handler.nextMessage();
            CopyOnWriteArrayList<Throwable> failures = new CopyOnWriteArrayList<>();

            SentMessage sent = server.transport.sendResponseAndKeep(
                    Responses.create((SipRequest) in.message(), 200, "OK", "t1"), in.source(), failures::add);
            String first = phone.receive();
            server.transport.resend(sent, failures::add);
            String again = phone.receive();

            assertThat(first).startsWith("SIP/2.0 200 OK\r\n").contains("kept1@h");
            assertThat(again).isEqualTo(first);
            assertThat(new String(sent.bytes(), StandardCharsets.ISO_8859_1)).isEqualTo(first);
            assertThat(sent.protocol()).isEqualTo(TransportProtocol.UDP);
            assertThat(sent.connection()).isNull();
            // received=127.0.0.1;rport=<port>: the very address object of the request's source is kept
            assertThat(sent.destination()).isSameAs(in.source().address());
            assertThat(failures).isEmpty();
            String to = " -> udp:127.0.0.1:" + phone.port();
            assertThat(tapped).containsExactly("out kept1@h " + sent.bytes().length + to,
                    "again kept1@h " + sent.bytes().length + to);
        }
    }

    @Test
    void aKeptTcpResponseIsSentAgainOnTheRequestsConnection() throws Exception {
        try (TcpPeer phone = new TcpPeer(server.port)) {
            phone.write(SipText.register("SIP/2.0/TCP 10.1.1.1:5060;rport;branch=z9hG4bKkept2", "kept2@h"));
            Inbound in = server.handler.nextMessage();

            SentMessage sent = server.transport.sendResponseAndKeep(
                    Responses.create((SipRequest) in.message(), 486, "Busy Here", "t2"), in.source(), SendListener.IGNORE);
            String first = phone.readMessage();
            server.transport.resend(sent, SendListener.IGNORE);
            String again = phone.readMessage();

            assertThat(first).startsWith("SIP/2.0 486 Busy Here\r\n").contains("kept2@h");
            assertThat(again).isEqualTo(first);
            assertThat(sent.connection()).isEqualTo(in.source().address());
            assertThat(server.transport.connectionCount()).isEqualTo(1);
        }
    }

    @Test
    void aKeptRequestIsSentAgainToItsDestination() throws Exception {
        try (UdpPeer proxy = new UdpPeer()) {
            SipRequest ack = SipText.request(SipText.register("SIP/2.0/UDP 127.0.0.1:" + server.port
                    + ";branch=z9hG4bKkept3", "kept3@h"));
            Peer to = Peer.udp("127.0.0.1", proxy.port());

            SentMessage sent = server.transport.sendAndKeep(ack, to, SendListener.IGNORE);
            String first = proxy.receive();
            server.transport.resend(sent, SendListener.IGNORE);

            assertThat(proxy.receive()).isEqualTo(first).contains("kept3@h");
            assertThat(sent.peer()).isEqualTo(to);
            assertThat(tapped).containsExactly("out kept3@h " + sent.bytes().length + " -> " + to,
                    "again kept3@h " + sent.bytes().length + " -> " + to);
        }
    }

    @Test
    void aResendAfterStopFailsThroughTheListener() throws Exception {
        try (UdpPeer proxy = new UdpPeer()) {
            SipRequest req = SipText.request(SipText.register("SIP/2.0/UDP 127.0.0.1:" + server.port
                    + ";branch=z9hG4bKkept4", "kept4@h"));
            SentMessage sent = server.transport.sendAndKeep(req, Peer.udp("127.0.0.1", proxy.port()),
                    SendListener.IGNORE);
            server.transport.stop();
            CopyOnWriteArrayList<Throwable> failures = new CopyOnWriteArrayList<>();

            server.transport.resend(sent, failures::add);

            assertThat(failures).singleElement().isInstanceOf(IllegalStateException.class);
        }
    }
}
