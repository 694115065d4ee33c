package org.clearline.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CopyOnWriteArrayList;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** §18.1.1: requests above the UDP MTU limit go over TCP; responses never switch. */
class UdpSizeSwitchTest {
    private RunningTransport server;

    @BeforeEach
    void start() throws Exception {
        server = new RunningTransport();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String via() {
        return "SIP/2.0/UDP 127.0.0.1:" + server.port + ";branch=z9hG4bKbig;rport";
    }

    @Test
    void aLargeRequestGoesOverTcpWithItsViaRewritten() throws Exception {
        try (TcpTestServer peer = new TcpTestServer()) {
            SipRequest big = SipText.request(SipText.optionsWithBody(via(), "big@h", 1_500));
            CopyOnWriteArrayList<Throwable> failures = new CopyOnWriteArrayList<>();
            server.transport.send(big, Peer.udp("127.0.0.1", peer.port()), failures::add);

            String got = peer.nextMessage();
            assertThat(got).isNotNull().contains("big@h")
                    .contains("Via: SIP/2.0/TCP 127.0.0.1:" + server.port + ";branch=z9hG4bKbig;rport");
            assertThat(big.topVia().transport()).as("the caller's copy says TCP too").isEqualTo("TCP");
            assertThat(server.stats().switchedToTcp()).isEqualTo(1);
            assertThat(failures).isEmpty();
        }
    }

    @Test
    void whenTcpIsRefusedTheLargeRequestIsRetriedOverUdp() throws Exception {
        try (UdpPeer peer = new UdpPeer()) {  // nothing listens on TCP at this port
            SipRequest big = SipText.request(SipText.optionsWithBody(via(), "retry@h", 1_500));
            CopyOnWriteArrayList<Throwable> failures = new CopyOnWriteArrayList<>();
            server.transport.send(big, Peer.udp("127.0.0.1", peer.port()), failures::add);

            String got = peer.receive();
            assertThat(got).contains("retry@h").contains("Via: SIP/2.0/UDP 127.0.0.1:" + server.port);
            assertThat(failures).isEmpty();
            assertThat(server.stats().sendFailures()).isZero();
        }
    }

    @Test
    void aSmallRequestStaysOnUdp() throws Exception {
        try (UdpPeer peer = new UdpPeer()) {
            SipRequest small = SipText.request(SipText.optionsWithBody(via(), "small@h", 100));
            server.transport.send(small, Peer.udp("127.0.0.1", peer.port()), SendListener.IGNORE);
            assertThat(peer.receive()).contains("small@h").contains("SIP/2.0/UDP");
            assertThat(server.stats().switchedToTcp()).isZero();
        }
    }

    @Test
    void aLargeResponseIsNeverSwitched() throws Exception {
        try (UdpPeer peer = new UdpPeer()) {
            String text = SipText.ok("bigresp@h", "SIP/2.0/UDP 127.0.0.1:" + peer.port() + ";branch=z9hG4bKr")
                    .replace("Content-Length: 0\r\n\r\n",
                            "Content-Type: text/plain\r\nContent-Length: 2000\r\n\r\n" + "z".repeat(2_000));
            SipResponse ok = SipText.response(text);
            server.transport.sendResponse(ok, Peer.udp("127.0.0.1", peer.port()), SendListener.IGNORE);

            String got = peer.receive();
            assertThat(got).startsWith("SIP/2.0 200 OK").contains("bigresp@h");
            assertThat(got.length()).isGreaterThan(2_000);
            assertThat(server.stats().switchedToTcp()).isZero();
        }
    }
}
