package org.clearline.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.clearline.time.Clock;
import org.clearline.time.Scheduler;
import org.junit.jupiter.api.Test;

class TransportLifecycleTest {

    @Test
    void startingOnAPortInUseFailsAndLeavesNothingRunning() throws Exception {
        try (RunningTransport first = new RunningTransport()) {
            NettyTransportLayer second = new NettyTransportLayer(
                    TransportConfig.of("127.0.0.1", first.port), Clock.SYSTEM);
            second.setHandler(new RecordingHandler());
            assertThatThrownBy(second::start).isInstanceOf(Exception.class);
            assertThat(second.listeningPoints()).isEmpty();
            second.stop();  // harmless after a failed start

            try (UdpPeer phone = new UdpPeer()) {  // the first one is unaffected
                phone.send(SipText.register("SIP/2.0/UDP 10.1.1.1:4540;branch=z9hG4bKlc", "lc@h"), first.port);
                assertThat(first.handler.nextMessage().message().callId()).isEqualTo("lc@h");
            }
        }
    }

    @Test
    void aHandlerIsRequiredBeforeStart() {
        NettyTransportLayer t = new NettyTransportLayer(TransportConfig.of("127.0.0.1", 0), Clock.SYSTEM);
        assertThatThrownBy(t::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("setHandler");
    }

    @Test
    void ioShardsRunOnTheIoThreadsAndDoNotOwnThem() throws Exception {
        try (RunningTransport server = new RunningTransport(c -> c.withIoThreads(2))) {
            Shards shards = server.transport.ioShards(Clock.SYSTEM);
            assertThat(shards.size()).isEqualTo(2);
            AtomicReference<String> thread = new AtomicReference<>();
            Scheduler s = shards.schedulers().get(0);
            s.schedule(Duration.ofMillis(1), () -> thread.set(Thread.currentThread().getName()));
            await().atMost(Duration.ofSeconds(5)).until(() -> thread.get() != null);
            assertThat(thread.get()).startsWith("clearline-io");

            shards.close();  // borrowed: the transport keeps serving
            try (UdpPeer phone = new UdpPeer()) {
                phone.send(SipText.register("SIP/2.0/UDP 10.1.1.1:4540;branch=z9hG4bKio", "io@h"), server.port);
                assertThat(server.handler.nextMessage().message().callId()).isEqualTo("io@h");
            }
        }
    }
}
