package org.clearline.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.netty.channel.epoll.Epoll;
import org.clearline.syntax.Responses;
import org.clearline.syntax.SipRequest;
import org.junit.jupiter.api.Test;

/** The same receive and answer paths on NIO (no epoll) and, where available, on epoll. */
class NioFallbackTest {

    @Test
    void nioServesUdpAndTcp() throws Exception {
        try (RunningTransport server = new RunningTransport(c -> c.withPreferNative(false))) {
            assertThat(server.transport.isNative()).isFalse();
            roundTrips(server);
        }
    }

    @Test
    void epollIsUsedWhenAvailable() throws Exception {
        assumeThat(Epoll.isAvailable()).isTrue();
        try (RunningTransport server = new RunningTransport(c -> c.withIoThreads(2))) {
            assertThat(server.transport.isNative()).isTrue();
            roundTrips(server);
        }
    }

    private static void roundTrips(RunningTransport server) throws Exception {
        server.handler.onMessage = in -> server.transport.sendResponse(
                Responses.create((SipRequest) in.message(), 200, "OK", "t"), in.source(), SendListener.IGNORE);
        try (UdpPeer udp = new UdpPeer(); TcpPeer tcp = new TcpPeer(server.port)) {
            udp.send(SipText.register("SIP/2.0/UDP 10.1.1.1:4540;rport;branch=z9hG4bKu", "u@h"), server.port);
            assertThat(udp.receive()).startsWith("SIP/2.0 200 OK").contains("rport=" + udp.port());
            tcp.write(SipText.register("SIP/2.0/TCP 10.1.1.1:4540;branch=z9hG4bKt", "t@h"));
            assertThat(tcp.readMessage()).startsWith("SIP/2.0 200 OK").contains("t@h");
        }
    }
}
