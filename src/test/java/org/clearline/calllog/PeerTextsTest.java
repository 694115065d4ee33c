package org.clearline.calllog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.clearline.transport.Peer;
import org.clearline.transport.TransportProtocol;
import org.junit.jupiter.api.Test;

class PeerTextsTest {
    @Test
    void everyPeerGetsItsOwnTextAlsoWhenPeersShareASlot() {
        PeerTexts texts = new PeerTexts();
        List<Peer> peers = new ArrayList<>();
        // more peers than slots: many share one, and each hit must still be checked
        for (int i = 0; i < 700; i++) {
            TransportProtocol protocol = i % 3 == 0 ? TransportProtocol.TCP : TransportProtocol.UDP;
            peers.add(new Peer(protocol, new InetSocketAddress("192.0.2." + (i % 250 + 1), 5060 + i)));
        }
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < peers.size(); i += round + 1) {
                Peer p = peers.get(i);
                assertThat(texts.of(p)).isEqualTo(p.toString());
                // an equal peer that is another instance reads the same text
                assertThat(texts.of(new Peer(p.protocol(), p.address()))).isEqualTo(p.toString());
            }
        }
    }
}
