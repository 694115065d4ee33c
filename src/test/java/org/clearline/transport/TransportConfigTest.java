package org.clearline.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TransportConfigTest {

    @Test
    void defaultsAreTheNamedConstants() {
        TransportConfig c = TransportConfig.of("127.0.0.1", 0);
        assertThat(c.udpMtuLimit()).isEqualTo(1300);
        assertThat(c.tcpIdleTimeout()).isEqualTo(TransportConfig.DEFAULT_TCP_IDLE_TIMEOUT);
        assertThat(c.messageReadTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.maxTcpConnections()).isEqualTo(10_000);
        assertThat(c.ioThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(c.effectiveAdvertisedHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void advertisesTheConfiguredHostAndBracketsIpv6() {
        assertThat(TransportConfig.of("0.0.0.0", 5060).withAdvertisedHost("192.0.2.10").effectiveAdvertisedHost())
                .isEqualTo("192.0.2.10");
        assertThat(TransportConfig.of("::1", 5060).effectiveAdvertisedHost()).isEqualTo("[::1]");
    }

    @Test
    void errorsNameTheKey() {
        assertThatThrownBy(() -> TransportConfig.of("sip.example.com", 5060))
                .hasMessageContaining("transport.bindHost");
        assertThatThrownBy(() -> TransportConfig.of("127.0.0.1", 70_000))
                .hasMessageContaining("transport.port");
        assertThatThrownBy(() -> TransportConfig.of("127.0.0.1", 0).withIoThreads(0))
                .hasMessageContaining("transport.ioThreads");
        assertThatThrownBy(() -> TransportConfig.of("127.0.0.1", 0).withMessageReadTimeout(Duration.ZERO))
                .hasMessageContaining("transport.messageReadTimeout");
    }
}
