package org.clearline.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import org.clearline.syntax.Params;
import org.clearline.syntax.Via;
import org.junit.jupiter.api.Test;

/** §18.2.2 and RFC 3581 §4, with the Via values built directly (no parser involved). */
class ResponseRouteTest {
    private static final InetSocketAddress SOURCE = new InetSocketAddress("192.0.2.1", 9988);

    private static Via via(String host, int port, String... params) {
        List<Params.Param> list = new java.util.ArrayList<>();
        list.add(new Params.Param("branch", "z9hG4bKkjshdyff"));
        for (int i = 0; i < params.length; i += 2) list.add(new Params.Param(params[i], params[i + 1]));
        return new Via("UDP", host, port, Params.of(list));
    }

    @Test
    void rfc3581ExampleGoesToReceivedAtRport() {
        Via v = via("10.1.1.1", 4540, "received", "192.0.2.1", "rport", "9988");
        assertThat(ResponseRoute.destination(v, TransportProtocol.UDP, SOURCE))
                .isEqualTo(new InetSocketAddress("192.0.2.1", 9988));
    }

    @Test
    void receivedWithoutRportUsesTheSentByPort() {
        Via v = via("10.1.1.1", 4540, "received", "192.0.2.1");
        assertThat(ResponseRoute.destination(v, TransportProtocol.UDP, SOURCE))
                .isEqualTo(new InetSocketAddress("192.0.2.1", 4540));
    }

    @Test
    void plainSentByIpAndDefaultPort() {
        Via v = via("192.0.2.7", -1);
        assertThat(ResponseRoute.destination(v, TransportProtocol.UDP, SOURCE))
                .isEqualTo(new InetSocketAddress("192.0.2.7", 5060));
    }

    @Test
    void aSentByNameIsNeverResolvedTheSourceIsUsedInstead() {
        Via v = via("localhost", 5070);
        assertThat(ResponseRoute.destination(v, TransportProtocol.UDP, SOURCE)).isEqualTo(SOURCE);
        assertThat(ResponseRoute.destination(v, TransportProtocol.UDP, null)).isNull();
    }

    @Test
    void aNewTcpConnectionGoesToTheSentByPortNotTheEphemeralRport() {
        Via v = via("10.1.1.1", 5062, "received", "192.0.2.1", "rport", "40001");
        assertThat(ResponseRoute.destination(v, TransportProtocol.TCP, SOURCE))
                .isEqualTo(new InetSocketAddress("192.0.2.1", 5062));
    }

    @Test
    void maddrIsIgnored() {
        Via v = via("192.0.2.7", 5060, "maddr", "224.0.1.75", "ttl", "16");
        assertThat(ResponseRoute.destination(v, TransportProtocol.UDP, SOURCE))
                .isEqualTo(new InetSocketAddress("192.0.2.7", 5060));
    }
}
