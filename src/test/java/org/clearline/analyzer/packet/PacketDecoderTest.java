package org.clearline.analyzer.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.analyzer.Packets.ALICE;
import static org.clearline.analyzer.Packets.IPV4;
import static org.clearline.analyzer.Packets.IPV6;
import static org.clearline.analyzer.Packets.SERVER;
import static org.clearline.analyzer.Packets.UDP;
import static org.clearline.analyzer.Packets.ascii;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.clearline.analyzer.Packets;
import org.clearline.analyzer.capture.LinkTypes;
import org.clearline.analyzer.input.CapturedMessage;
import org.clearline.analyzer.input.Endpoint;
import org.clearline.analyzer.input.InputCounters;
import org.clearline.analyzer.input.Problems;
import org.clearline.syntax.SyntaxLimits;
import org.junit.jupiter.api.Test;

/** From frames to SIP messages over UDP: every link layer, IPv4 and IPv6, fragments, and what is skipped. */
class PacketDecoderTest {
    private final List<CapturedMessage> messages = new ArrayList<>();
    private final Problems problems = new Problems();
    private final InputCounters counters = new InputCounters();
    private final PacketDecoder decoder = new PacketDecoder("t.pcap", SyntaxLimits.DEFAULT, messages::add, problems,
            counters);

    private static final byte[] SIP = ascii(Packets.options("c1@x", "z9hG4bK1"));

    private void frame(int linkType, byte[] data) {
        decoder.frame(1_000_000, linkType, data, data.length, data.length);
    }

    private static byte[] udp4() {
        return Packets.ipv4(ALICE, SERVER, UDP, Packets.udp(5062, 5060, SIP));
    }

    @Test
    void everyLinkLayerLeadsToTheSameMessage() {
        frame(LinkTypes.ETHERNET, Packets.ethernet(IPV4, udp4()));
        frame(LinkTypes.ETHERNET, Packets.ethernetVlan(42, IPV4, udp4()));
        frame(LinkTypes.LINUX_SLL, Packets.sll(IPV4, udp4()));
        frame(LinkTypes.LINUX_SLL2, Packets.sll2(IPV4, udp4()));
        frame(LinkTypes.NULL, Packets.nullLoopback(2, udp4()));
        frame(LinkTypes.LOOP, Packets.nullLoopback(2, udp4()));
        frame(LinkTypes.RAW, udp4());
        frame(LinkTypes.IPV4, udp4());
        assertThat(messages).hasSize(8).allSatisfy(m -> {
            assertThat(m.source()).isEqualTo(new Endpoint("192.0.2.10", 5062));
            assertThat(m.destination()).isEqualTo(new Endpoint("198.51.100.1", 5060));
            assertThat(m.transport()).isEqualTo("UDP");
            assertThat(m.message().callId()).isEqualTo("c1@x");
            assertThat(m.micros()).isEqualTo(1_000_000);
        });
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void ipv6WithExtensionHeadersIsRead() {
        // a hop-by-hop options header (8 bytes, next header UDP) before the UDP datagram
        byte[] udp = Packets.udp(5062, 5060, SIP);
        byte[] payload = new byte[8 + udp.length];
        payload[0] = UDP;
        System.arraycopy(udp, 0, payload, 8, udp.length);
        frame(LinkTypes.ETHERNET, Packets.ethernet(IPV6, Packets.ipv6(Packets.v6("10"), Packets.v6("1"), 0, payload)));
        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(m.source()).isEqualTo(new Endpoint("2001:db8::a", 5062));
            assertThat(m.source().toString()).isEqualTo("[2001:db8::a]:5062");
        });
    }

    @Test
    void ipv4FragmentsAreReassembledInAnyOrder() {
        byte[] datagram = Packets.udp(5062, 5060, SIP);
        byte[] first = Arrays.copyOfRange(datagram, 0, 64);
        byte[] second = Arrays.copyOfRange(datagram, 64, 128);
        byte[] last = Arrays.copyOfRange(datagram, 128, datagram.length);
        frame(LinkTypes.RAW, Packets.ipv4(ALICE, SERVER, UDP, 77, 0x2000 | 8, second));
        frame(LinkTypes.RAW, Packets.ipv4(ALICE, SERVER, UDP, 77, 16, last));
        assertThat(messages).isEmpty();
        frame(LinkTypes.RAW, Packets.ipv4(ALICE, SERVER, UDP, 77, 0x2000, first));
        assertThat(messages).singleElement().satisfies(m -> assertThat(m.message().callId()).isEqualTo("c1@x"));
        assertThat(counters.totals().reassembledDatagrams()).isEqualTo(1);
    }

    @Test
    void ipv6FragmentsAreReassembled() {
        byte[] datagram = Packets.udp(5062, 5060, SIP);
        byte[] a = Arrays.copyOfRange(datagram, 0, 96);
        byte[] b = Arrays.copyOfRange(datagram, 96, datagram.length);
        frame(LinkTypes.RAW, Packets.ipv6(Packets.v6("10"), Packets.v6("1"), 44, fragment(0, true, a)));
        frame(LinkTypes.RAW, Packets.ipv6(Packets.v6("10"), Packets.v6("1"), 44, fragment(96, false, b)));
        assertThat(messages).singleElement().satisfies(m -> assertThat(m.message().callId()).isEqualTo("c1@x"));
    }

    private static byte[] fragment(int offset, boolean more, byte[] data) {
        byte[] f = new byte[8 + data.length];
        f[0] = UDP;
        int field = offset | (more ? 1 : 0);
        f[2] = (byte) (field >> 8);
        f[3] = (byte) field;
        f[7] = 9; // identification
        System.arraycopy(data, 0, f, 8, data.length);
        return f;
    }

    @Test
    void aMissingFragmentIsNotedAtTheEnd() {
        byte[] datagram = Packets.udp(5062, 5060, SIP);
        frame(LinkTypes.RAW, Packets.ipv4(ALICE, SERVER, UDP, 5, 0x2000, Arrays.copyOfRange(datagram, 0, 64)));
        decoder.finish();
        assertThat(messages).isEmpty();
        assertThat(problems.lines()).containsExactly("t.pcap: 1 fragmented IP datagrams were incomplete (fragments"
                + " missing from the capture) and were skipped");
    }

    @Test
    void otherTrafficIsCountedAndSkipped() {
        byte[] rtp = new byte[172];
        rtp[0] = (byte) 0x80;
        frame(LinkTypes.ETHERNET, Packets.ethernet(IPV4, Packets.ipv4(ALICE, SERVER, UDP, Packets.udp(10000, 20000, rtp))));
        frame(LinkTypes.ETHERNET, Packets.ethernet(0x0806, new byte[28])); // ARP
        frame(LinkTypes.ETHERNET, Packets.ethernet(IPV4, Packets.ipv4(ALICE, SERVER, 1, new byte[8]))); // ICMP
        frame(LinkTypes.ETHERNET, Packets.ethernet(IPV4, Packets.ipv4(ALICE, SERVER, UDP,
                Packets.udp(5060, 5060, ascii("\r\n\r\n"))))); // keep-alive
        frame(LinkTypes.ETHERNET, new byte[] {1, 2, 3}); // runt
        assertThat(messages).isEmpty();
        assertThat(counters.totals().packets()).isEqualTo(5);
        assertThat(counters.totals().otherPackets()).isEqualTo(5);
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void aPacketCutByTheSnapLengthIsNoted() {
        byte[] data = Packets.ethernet(IPV4, udp4());
        byte[] cut = Arrays.copyOf(data, 14 + 20 + 8 + 100);
        decoder.frame(0, LinkTypes.ETHERNET, cut, cut.length, data.length);
        decoder.finish();
        assertThat(problems.lines()).anyMatch(l -> l.contains("1 SIP packets were cut short by the capture's snap length"));
        assertThat(counters.totals().cutShort()).isEqualTo(1);
    }

    @Test
    void aMessageTheParserRefusesStillCountsWhenItHasACallId() {
        String bad = Packets.options("c9@x", "z9hG4bK9").replace("CSeq: 1 OPTIONS", "CSeq: one OPTIONS");
        frame(LinkTypes.RAW, Packets.ipv4(ALICE, SERVER, UDP, Packets.udp(5062, 5060, ascii(bad))));
        assertThat(messages).singleElement().satisfies(m -> assertThat(m.defect()).contains("CSeq"));
        assertThat(counters.totals().unreadableMessages()).isEqualTo(1);
    }
}
