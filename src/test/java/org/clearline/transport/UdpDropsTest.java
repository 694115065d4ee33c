package org.clearline.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.StandardSocketOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The kernel's count of datagrams dropped unread, read back per port. */
class UdpDropsTest {
    @Test
    void sumsTheDropsColumnOfEverySocketOnThePortAndNoOther() {
        List<String> table = List.of(
                "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode"
                        + " ref pointer drops",
                // two sockets on 127.0.0.1:5080 (SO_REUSEPORT), hex 13D8
                " 1021: 0100007F:13D8 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 4711"
                        + " 2 0000000000000000 1500",
                " 1021: 0100007F:13D8 00000000:0000 07 00000000:00034000 00:00000000 00000000     0        0 4712"
                        + " 2 0000000000000000 25",
                // another port, and a line too short to be a socket
                " 1022: 0100007F:13D9 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 4713"
                        + " 2 0000000000000000 999",
                " garbage");
        assertThat(UdpDrops.parse(table, 5080, null)).isEqualTo(1525);
        assertThat(UdpDrops.parse(table, 5081, null)).isEqualTo(999);
        assertThat(UdpDrops.parse(table, 5082, null)).isZero();
        assertThat(UdpDrops.parse(table, 5080, Set.of(4711L, 4713L))).as("only our own sockets").isEqualTo(1500);
        assertThat(UdpDrops.parse(table, 5080, Set.of())).isZero();
    }

    @Test
    void countsWhatASocketNobodyReadsDrops() throws Exception {
        assumeThat(Files.isReadable(Path.of("/proc/net/udp"))).as("Linux reports drops per socket").isTrue();
        try (DatagramSocket unread = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             DatagramSocket sender = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            unread.setOption(StandardSocketOptions.SO_RCVBUF, 4096);
            int port = unread.getLocalPort();
            long before = UdpDrops.at(port);
            assertThat(before).isZero();
            byte[] datagram = new byte[1000];
            for (int i = 0; i < 200; i++) {
                sender.send(new DatagramPacket(datagram, datagram.length, InetAddress.getLoopbackAddress(), port));
            }
            assertThat(UdpDrops.at(port)).as("a 4 KB buffer of our own socket holds a few of 200 datagrams of 1 KB")
                    .isGreaterThan(150);
        }
    }
}
