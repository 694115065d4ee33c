package org.clearline.transport;

import static org.assertj.core.api.Assertions.assertThat;

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
}
