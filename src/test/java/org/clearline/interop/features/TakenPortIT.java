package org.clearline.interop.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.clearline.interop.harness.ClearlineProcess;
import org.clearline.interop.harness.FreePorts;
import org.clearline.interop.harness.ServerConfig;
import org.junit.jupiter.api.Test;

/**
 * The harnesses choose a free port, and the server binds it a moment later: another
 * process may take it in between (one CI run failed so). Both harnesses then start
 * the server again on another port, and the test reads the port the server got.
 */
class TakenPortIT {
    @Test
    void theDemoServerStartsAgainOnFreshPortsWhenItsPortIsTaken() throws Exception {
        DemoProvisioning chosen = DemoProvisioning.onFreePorts();
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(FreePorts.loopback(), chosen.sipPort()));
             DemoServer server = DemoServer.start("taken-port-demo", chosen)) {
            assertThat(server.port()).isNotEqualTo(chosen.sipPort()).isEqualTo(server.provisioning().sipPort());
            assertThat(server.isAlive()).isTrue();
        }
    }

    @Test
    void aServerProcessStartsAgainOnAnotherPortWhenItsPortIsTaken() throws Exception {
        ServerConfig chosen = ServerConfig.onFreePort(List.of());
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(FreePorts.loopback(), chosen.port()))) {
            ClearlineProcess server = ClearlineProcess.start("taken-port-process", chosen);
            try {
                assertThat(server.port()).isNotEqualTo(chosen.port()).isEqualTo(server.config().port());
                assertThat(server.answersOptions(Duration.ofSeconds(5))).as("answers on its new port").isTrue();
            } finally {
                server.close();
            }
        }
    }
}
