package org.clearline.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import org.clearline.syntax.ParseError;
import org.clearline.syntax.Responses;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipResponse;
import org.clearline.syntax.Via;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** UDP receive and send paths over real sockets on 127.0.0.1 (§18.1.1, §18.2.1, §18.2.2, RFC 3581). */
class UdpTransportTest {
    private RunningTransport server;
    private UdpPeer phone;

    @BeforeEach
    void start() throws Exception {
        server = new RunningTransport();
        phone = new UdpPeer();
    }

    @AfterEach
    void stop() {
        phone.close();
        server.close();
    }

    @Test
    void listeningPointsReportTheChosenPortForBothProtocols() {
        ListeningPoint udp = server.transport.listeningPoint(TransportProtocol.UDP);
        ListeningPoint tcp = server.transport.listeningPoint(TransportProtocol.TCP);
        assertThat(udp.port()).isPositive().isEqualTo(tcp.port());
        assertThat(udp.host()).isEqualTo("127.0.0.1");
        assertThat(server.transport.listeningPoints()).containsExactly(udp, tcp);
    }

    @Test
    void rfc3581EmptyRportIsFilledAndReceivedAdded() throws Exception {
        phone.send(SipText.register("SIP/2.0/UDP 10.1.1.1:4540;rport;branch=z9hG4bKkjshdyff", "c1@h"), server.port);

        Inbound in = server.handler.nextMessage();
        Via top = in.message().topVia();
        assertThat(top.received()).isEqualTo("127.0.0.1");
        assertThat(top.rport()).isEqualTo(phone.port());
        assertThat(top.branch()).isEqualTo("z9hG4bKkjshdyff");
        assertThat(top.sentBy()).isEqualTo("10.1.1.1:4540");
        assertThat(in.source()).isEqualTo(Peer.udp("127.0.0.1", phone.port()));
        assertThat(in.local()).isEqualTo(server.transport.listeningPoint(TransportProtocol.UDP));
        assertThat(in.wireBytes()).isEqualTo(SipText.register(
                "SIP/2.0/UDP 10.1.1.1:4540;rport;branch=z9hG4bKkjshdyff", "c1@h").length());
        assertThat(in.receivedNanos()).isPositive();
    }

    @Test
    void rportIsFilledAndReceivedAddedEvenWhenTheAddressMatches() throws Exception {
        phone.send(SipText.register("SIP/2.0/UDP 127.0.0.1:" + phone.port() + ";branch=z9hG4bK1;rport", "c2@h"),
                server.port);

        Via top = server.handler.nextMessage().message().topVia();
        assertThat(top.received()).isEqualTo("127.0.0.1");
        assertThat(top.rport()).isEqualTo(phone.port());
    }

    @Test
    void aMatchingSentByWithoutRportIsLeftAlone() throws Exception {
        phone.send(SipText.register("SIP/2.0/UDP 127.0.0.1:" + phone.port() + ";branch=z9hG4bK2", "c3@h"),
                server.port);

        Via top = server.handler.nextMessage().message().topVia();
        assertThat(top.received()).isNull();
        assertThat(top.hasRport()).isFalse();
    }

    @Test
    void aSentByNameOrOtherAddressGetsReceived() throws Exception {
        phone.send(SipText.register("SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bK3", "c4@h"), server.port);
        phone.send(SipText.register("SIP/2.0/UDP 192.0.2.4:5060;branch=z9hG4bK4", "c5@h"), server.port);

        assertThat(server.handler.nextMessage().message().topVia().received()).isEqualTo("127.0.0.1");
        assertThat(server.handler.nextMessage().message().topVia().received()).isEqualTo("127.0.0.1");
    }

    @Test
    void onlyTheTopViaIsStampedAndTheOthersKeepTheirOrder() throws Exception {
        String twoVias = SipText.register("SIP/2.0/UDP 10.0.0.9:5060;branch=z9hG4bKtop;rport", "c6@h")
                .replace("Max-Forwards: 70", "Via: SIP/2.0/UDP 10.0.0.8:5060;branch=z9hG4bKsecond\r\nMax-Forwards: 70");
        phone.send(twoVias, server.port);

        var vias = server.handler.nextMessage().message().vias();
        assertThat(vias).hasSize(2);
        assertThat(vias.get(0).branch()).isEqualTo("z9hG4bKtop");
        assertThat(vias.get(0).rport()).isEqualTo(phone.port());
        assertThat(vias.get(1).branch()).isEqualTo("z9hG4bKsecond");
        assertThat(vias.get(1).received()).isNull();
    }

    @Test
    void responsesAreDeliveredUntouched() throws Exception {
        String via = "SIP/2.0/UDP 192.0.2.99:5060;branch=z9hG4bKresp;rport";
        phone.send(SipText.ok("c7@h", via), server.port);

        Inbound in = server.handler.nextMessage();
        assertThat(in.message().isRequest()).isFalse();
        assertThat(in.message().header("Via")).isEqualTo(via);
    }

    @Test
    void responseGoesToReceivedAtRport() throws Exception {
        phone.send(SipText.register("SIP/2.0/UDP 10.1.1.1:4540;rport;branch=z9hG4bKkjshdyff", "c8@h"), server.port);
        Inbound in = server.handler.nextMessage();

        SipResponse ok = Responses.create((SipRequest) in.message(), 200, "OK", "a6c85cf");
        CopyOnWriteArrayList<Throwable> failures = new CopyOnWriteArrayList<>();
        server.transport.sendResponse(ok, in.source(), failures::add);

        String received = phone.receive();
        assertThat(received).startsWith("SIP/2.0 200 OK\r\n")
                .contains("received=127.0.0.1").contains("rport=" + phone.port()).contains("c8@h");
        assertThat(failures).isEmpty();
    }

    @Test
    void responseWithoutRportGoesToReceivedAtTheSentByPort() throws Exception {
        try (UdpPeer other = new UdpPeer()) {
            // A sent-by naming another address makes the server add received; the port is other's.
            String via = "SIP/2.0/UDP 192.0.2.4:" + other.port() + ";branch=z9hG4bK5";
            phone.send(SipText.register(via, "c9@h"), server.port);
            Inbound in = server.handler.nextMessage();
            server.transport.sendResponse(Responses.create((SipRequest) in.message(), 200, "OK", "t"),
                    in.source(), SendListener.IGNORE);

            assertThat(other.receive()).startsWith("SIP/2.0 200 OK").contains("c9@h");
        }
    }

    @Test
    void responseToASentByNameWithoutReceivedGoesToTheRequestSource() throws Exception {
        SipResponse ok = SipText.response(SipText.ok("c10@h", "SIP/2.0/UDP phone.invalid:5999;branch=z9hG4bK6"));

        server.transport.sendResponse(ok, Peer.udp("127.0.0.1", phone.port()), SendListener.IGNORE);

        assertThat(phone.receive()).startsWith("SIP/2.0 200 OK").contains("c10@h");
    }

    @Test
    void sendDeliversARequestDatagram() throws Exception {
        SipRequest register = SipText.request(SipText.register("SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK7", "c11@h"));
        server.transport.send(register, Peer.udp("127.0.0.1", phone.port()), SendListener.IGNORE);

        String got = phone.receive();
        assertThat(got).startsWith("REGISTER sip:example.com SIP/2.0\r\n").contains("z9hG4bK7");
        await().atMost(Duration.ofSeconds(5)).until(() -> server.stats().messagesOut() == 1);
    }

    @Test
    void keepAliveCrlfDatagramsAreDroppedQuietly() throws Exception {
        phone.send("\r\n\r\n", server.port);
        phone.send(SipText.register("SIP/2.0/UDP 10.1.1.1:4540;branch=z9hG4bK8", "c12@h"), server.port);

        assertThat(server.handler.nextMessage().message().callId()).isEqualTo("c12@h");
        assertThat(server.handler.malformed).isEmpty();
        assertThat(server.stats().keepAlivesIn()).isEqualTo(1);
    }

    @Test
    void binaryGarbageIsReportedAndTheSocketKeepsServing() throws Exception {
        byte[] garbage = new byte[600];
        new java.util.Random(3261).nextBytes(garbage);
        garbage[0] = (byte) 0x80;  // never a method letter
        phone.send(garbage, server.port);
        phone.send(SipText.register("SIP/2.0/UDP 10.1.1.1:4540;branch=z9hG4bK9", "c13@h"), server.port);

        assertThat(server.handler.nextMessage().message().callId()).isEqualTo("c13@h");
        Malformed m = server.handler.nextMalformed();
        assertThat(m.source()).isEqualTo(Peer.udp("127.0.0.1", phone.port()));
        assertThat(m.wireBytes()).isEqualTo(600);
        assertThat(m.failure().error()).isNotEqualTo(ParseError.INCOMPLETE);
    }

    @Test
    void aDatagramAboveTheSizeLimitIsReportedTooLarge() throws Exception {
        try (RunningTransport small = new RunningTransport(
                c -> c.withLimits(new org.clearline.syntax.SyntaxLimits(4_096, 2_048, 64, 1_024)))) {
            phone.send(SipText.optionsWithBody("SIP/2.0/UDP 10.1.1.1:4540;branch=z9hG4bKbig", "big@h", 5_000),
                    small.port);
            Malformed m = small.handler.nextMalformed();
            assertThat(m.failure().error()).isEqualTo(ParseError.TOO_LARGE);
            assertThat(m.wireBytes()).isGreaterThan(5_000);
            phone.send(SipText.register("SIP/2.0/UDP 10.1.1.1:4540;branch=z9hG4bKnext", "next@h"), small.port);
            assertThat(small.handler.nextMessage().message().callId()).isEqualTo("next@h");
        }
    }

    @Test
    void aThrowingHandlerIsCountedAndTheNextMessageStillArrives() throws Exception {
        server.handler.onMessage = in -> {
            if ("boom@h".equals(in.message().callId())) throw new IllegalStateException("handler bug");
        };
        phone.send(SipText.register("SIP/2.0/UDP 10.1.1.1:4540;branch=z9hG4bK10", "boom@h"), server.port);
        phone.send(SipText.register("SIP/2.0/UDP 10.1.1.1:4540;branch=z9hG4bK11", "fine@h"), server.port);

        assertThat(server.handler.nextMessage().message().callId()).isEqualTo("boom@h");
        assertThat(server.handler.nextMessage().message().callId()).isEqualTo("fine@h");
        assertThat(server.stats().handlerFailures()).isEqualTo(1);
    }

    @Test
    void sendBeforeStartOrAfterStopFailsThroughTheListener() throws Exception {
        SipRequest register = SipText.request(SipText.register("SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK12", "c14@h"));
        server.close();
        CopyOnWriteArrayList<Throwable> failures = new CopyOnWriteArrayList<>();
        server.transport.send(register, Peer.udp("127.0.0.1", phone.port()), failures::add);
        assertThat(failures).hasSize(1);
        assertThat(server.transport.listeningPoints()).isEmpty();
    }
}
