package org.clearline.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** A peer written as text (a registration's source) reads back as the same peer, without name look-ups. */
class PeerTest {
    @Test
    void readsWhatToStringWrites() {
        for (Peer p : new Peer[] {Peer.udp("192.0.2.1", 5060), Peer.tcp("::1", 5070), Peer.udp("2001:db8::7", 40312)}) {
            assertThat(Peer.parse(p.toString())).isEqualTo(p);
        }
        assertThat(Peer.parse("tcp:0:0:0:0:0:0:0:1:5070")).isEqualTo(Peer.tcp("::1", 5070));
        assertThat(Peer.parse("UDP:192.0.2.1:5060")).isEqualTo(Peer.udp("192.0.2.1", 5060));
    }

    @Test
    void anythingElseIsNull() {
        assertThat(Peer.parse("sctp:192.0.2.1:5060")).isNull();
        assertThat(Peer.parse("udp:host.example:5060")).isNull();
        assertThat(Peer.parse("udp:192.0.2.1:99999")).isNull();
        assertThat(Peer.parse("udp:192.0.2.1:")).isNull();
        assertThat(Peer.parse("udp:192.0.2.1")).isNull();
        assertThat(Peer.parse("")).isNull();
        assertThat(Peer.parse(null)).isNull();
    }

    @Test
    void ofSharesOneInstancePerAddressAndKeepsTransportsApart() {
        Peer first = Peer.of(TransportProtocol.UDP, new InetSocketAddress("192.0.2.44", 5061));
        Peer again = Peer.of(TransportProtocol.UDP, new InetSocketAddress("192.0.2.44", 5061));
        assertThat(again).isSameAs(first).isEqualTo(Peer.udp("192.0.2.44", 5061));

        Peer tcp = Peer.of(TransportProtocol.TCP, new InetSocketAddress("192.0.2.44", 5061));
        assertThat(tcp).isEqualTo(Peer.tcp("192.0.2.44", 5061)).isNotEqualTo(first);
        Peer otherPort = Peer.of(TransportProtocol.UDP, new InetSocketAddress("192.0.2.44", 5062));
        assertThat(otherPort.address().getPort()).isEqualTo(5062);

        // many addresses through the small table: every answer is still the value asked for
        for (int i = 0; i < 5000; i++) {
            InetSocketAddress a = new InetSocketAddress("10.0." + (i >> 8) + "." + (i & 255), 5060 + i % 7);
            assertThat(Peer.of(TransportProtocol.UDP, a)).isEqualTo(new Peer(TransportProtocol.UDP, a));
        }
    }
}
