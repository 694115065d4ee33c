package org.clearline.analyzer.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.analyzer.Packets.ALICE;
import static org.clearline.analyzer.Packets.SERVER;
import static org.clearline.analyzer.Packets.ascii;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.clearline.analyzer.Packets;
import org.clearline.analyzer.Packets.Frame;
import org.clearline.analyzer.input.Problems;
import org.junit.jupiter.api.Test;

/** The classic pcap reader: both byte orders, both time resolutions, and every kind of damage as a note. */
class PcapReaderTest {
    record Seen(long micros, int linkType, byte[] data, int originalLength) {}

    private final List<Seen> seen = new ArrayList<>();
    private final Problems problems = new Problems();

    private int read(byte[] file) throws IOException {
        return PcapReader.read(new ByteArrayInputStream(file), "t.pcap",
                (micros, linkType, data, length, original) -> seen.add(new Seen(micros, linkType,
                        Arrays.copyOf(data, length), original)), problems);
    }

    private static byte[] packet(int n) {
        return Packets.ethernet(Packets.IPV4, Packets.ipv4(ALICE, SERVER, Packets.UDP,
                Packets.udp(5060, 5060, ascii("packet " + n))));
    }

    @Test
    void readsEveryRecordInBothByteOrdersAndResolutions() throws IOException {
        for (boolean le : new boolean[] {true, false}) {
            for (boolean nanos : new boolean[] {true, false}) {
                seen.clear();
                byte[] file = Packets.pcap(LinkTypes.ETHERNET, le, nanos,
                        new Frame(1_700_000_000_123_456L, packet(1)), new Frame(1_700_000_001_000_001L, packet(2)));
                assertThat(read(file)).isEqualTo(LinkTypes.ETHERNET);
                assertThat(seen).hasSize(2);
                assertThat(seen.get(0).micros()).isEqualTo(1_700_000_000_123_456L);
                assertThat(seen.get(1).micros()).isEqualTo(1_700_000_001_000_001L);
                assertThat(seen.get(1).data()).isEqualTo(packet(2));
                assertThat(problems.isEmpty()).isTrue();
            }
        }
    }

    @Test
    void aFileCutInsideARecordKeepsTheRecordsBeforeIt() throws IOException {
        byte[] whole = Packets.pcap(LinkTypes.ETHERNET, new Frame(1_000_000, packet(1)), new Frame(2_000_000, packet(2)));
        read(Arrays.copyOf(whole, whole.length - 5));
        assertThat(seen).hasSize(1);
        assertThat(problems.lines()).containsExactly("t.pcap: truncated: the file ends inside packet 2 ("
                + (packet(2).length - 5) + " of " + packet(2).length + " bytes); the 1 packets before it were read");
    }

    @Test
    void aFileCutInsideARecordHeaderIsTruncatedToo() throws IOException {
        byte[] whole = Packets.pcap(LinkTypes.ETHERNET, new Frame(1_000_000, packet(1)), new Frame(2_000_000, packet(2)));
        int firstEnds = 24 + 16 + packet(1).length;
        read(Arrays.copyOf(whole, firstEnds + 7));
        assertThat(seen).hasSize(1);
        assertThat(problems.lines().getFirst()).contains("truncated: the file ends inside the header of packet 2");
    }

    @Test
    void anImpossibleRecordLengthStopsTheReadingWithANote() throws IOException {
        byte[] file = Packets.pcap(LinkTypes.ETHERNET, new Frame(1_000_000, packet(1)), new Frame(2_000_000, packet(2)));
        int second = 24 + 16 + packet(1).length;
        file[second + 8] = (byte) 0xff; // captured length of packet 2, little endian: 0x7fff00ff-ish
        file[second + 11] = 0x7f;
        read(file);
        assertThat(seen).hasSize(1);
        assertThat(problems.lines().getFirst()).startsWith("t.pcap: damaged: packet 2 claims").endsWith("reading stopped there");
    }

    @Test
    void anUnknownLinkTypeIsNamedAndNothingIsDecoded() throws IOException {
        assertThat(read(Packets.pcap(147, new Frame(0, packet(1))))).isEqualTo(147);
        assertThat(seen).isEmpty();
        assertThat(problems.lines()).containsExactly("t.pcap: unknown link type 147; its packets cannot be read");
    }

    @Test
    void garbageIsNotAPcapFile() throws IOException {
        assertThat(read(ascii("this is no capture at all"))).isEqualTo(-1);
        assertThat(problems.lines().getFirst()).contains("not a pcap file");
        assertThat(PcapReader.matches(ascii("GIF89a"), 6)).isFalse();
    }

    @Test
    void theOriginalLengthTellsOfACutPacket() throws IOException {
        read(Packets.pcap(LinkTypes.ETHERNET, new Frame(0, packet(1), 1500)));
        assertThat(seen.getFirst().originalLength()).isEqualTo(1500);
        assertThat(seen.getFirst().data()).hasSize(packet(1).length);
    }
}
