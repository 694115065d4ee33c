package org.clearline.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.clearline.syntax.SipRequest;
import org.clearline.time.ManualClock;
import org.junit.jupiter.api.Test;

class LoopTransportTest {
    private static final String OPTIONS = """
            OPTIONS sip:proxy.example.com SIP/2.0
            Via: SIP/2.0/UDP ${sentBy};branch=z9hG4bK-lt1${rport}
            Max-Forwards: 70
            From: <sip:alice@example.com>;tag=1
            To: <sip:proxy.example.com>
            Call-ID: loop-1@192.0.2.10
            CSeq: 1 OPTIONS
            Content-Length: 0

            """.replace("\n", "\r\n");

    private final ManualClock clock = new ManualClock();
    private final LoopTransport transport = new LoopTransport(clock);
    private final List<Inbound> inbound = new ArrayList<>();
    private final List<Malformed> malformed = new ArrayList<>();
    private final List<Throwable> failures = new ArrayList<>();

    LoopTransportTest() {
        transport.setHandler(new MessageHandler() {
            @Override
            public void onMessage(Inbound in) {
                inbound.add(in);
            }

            @Override
            public void onMalformed(Malformed m) {
                malformed.add(m);
            }
        });
    }

    private static String options(String sentBy, String rport) {
        return OPTIONS.replace("${sentBy}", sentBy).replace("${rport}", rport);
    }

    @Test
    void deliveredRequestsGetReceivedAndRportLikeFromARealTransport() {
        Peer natted = Peer.udp("198.51.100.7", 40123);

        Inbound plain = transport.deliver(options("192.0.2.10:5060", ""), Peer.udp("192.0.2.10", 5060));
        Inbound behindNat = transport.deliver(options("10.0.0.5:5060", ";rport"), natted);

        assertThat(inbound).containsExactly(plain, behindNat);
        assertThat(plain.message().topVia().received()).isNull();
        assertThat(behindNat.message().topVia().received()).isEqualTo("198.51.100.7");
        assertThat(behindNat.message().topVia().rport()).isEqualTo(40123);
        assertThat(behindNat.message().vias()).hasSize(1);
        assertThat(behindNat.local()).isEqualTo(transport.listeningPoint(TransportProtocol.UDP));
        assertThat(behindNat.wireBytes()).isEqualTo(options("10.0.0.5:5060", ";rport").length());
    }

    @Test
    void textThatDoesNotParseArrivesAsMalformed() {
        assertThat(transport.deliver("HELLO\r\n\r\n", Peer.tcp("192.0.2.10", 5060))).isNull();

        assertThat(inbound).isEmpty();
        assertThat(malformed).hasSize(1);
        assertThat(malformed.get(0).local().protocol()).isEqualTo(TransportProtocol.TCP);
    }

    @Test
    void sendsAreRecordedAsCopiesWithDestinationAndTime() {
        SipRequest request = (SipRequest) transport.deliver(options("192.0.2.10:5060", ""), Peer.udp("192.0.2.10", 5060))
                .message();
        clock.advance(Duration.ofMillis(1500));
        Peer bob = Peer.udp("192.0.2.20", 5060);

        transport.send(request, bob, failures::add);
        request.setHeader("Max-Forwards", "1");

        LoopTransport.Sent sent = transport.lastSent();
        assertThat(sent.destination()).isEqualTo(bob);
        assertThat(sent.at()).isEqualTo(Duration.ofMillis(1500));
        assertThat(sent.summary()).isEqualTo("OPTIONS");
        assertThat(sent.request().header("Max-Forwards")).isEqualTo("70");
        assertThat(transport.sentTo(bob)).containsExactly(sent);
        assertThat(transport.takeSent()).containsExactly(sent);
        assertThat(transport.sent()).isEmpty();
        assertThat(failures).isEmpty();
    }

    @Test
    void sendsCanBeMadeToFail() {
        SipRequest request = (SipRequest) transport.deliver(options("192.0.2.10:5060", ""), Peer.udp("192.0.2.10", 5060))
                .message();
        Peer down = Peer.tcp("192.0.2.99", 5060);
        IOException refused = new IOException("connection refused");
        transport.failSendsTo(down, refused);

        transport.send(request, down, failures::add);
        transport.send(request, Peer.udp("192.0.2.20", 5060), failures::add);
        transport.stopFailing();
        transport.send(request, down, failures::add);

        assertThat(failures).containsExactly(refused);
        assertThat(transport.failed()).extracting(LoopTransport.Sent::destination).containsExactly(down);
        assertThat(transport.sent()).hasSize(2);
    }

    @Test
    void linkedTransportsDeliverToEachOther() {
        LoopTransport other = new LoopTransport(clock,
                new ListeningPoint(TransportProtocol.UDP, "192.0.2.20", 5060));
        List<Inbound> atOther = new ArrayList<>();
        other.setHandler(new MessageHandler() {
            @Override
            public void onMessage(Inbound in) {
                atOther.add(in);
            }

            @Override
            public void onMalformed(Malformed m) {}
        });
        Peer otherAddress = Peer.udp("192.0.2.20", 5060);
        transport.link(otherAddress, other);
        SipRequest request = (SipRequest) transport.deliver(options("127.0.0.1:5060", ""), Peer.udp("127.0.0.1", 5060))
                .message();

        transport.send(request, otherAddress, failures::add);

        assertThat(atOther).hasSize(1);
        assertThat(atOther.get(0).source()).isEqualTo(Peer.udp("127.0.0.1", 5060));
        assertThat(((SipRequest) atOther.get(0).message()).method()).isEqualTo("OPTIONS");
    }
}
