package org.clearline.analyzer.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.analyzer.Packets.ascii;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.clearline.analyzer.Packets.Pcapng;
import org.clearline.analyzer.input.Problems;
import org.junit.jupiter.api.Test;

/** The pcapng reader: sections, interfaces with their time resolution, the packet block kinds, and damage. */
class PcapngReaderTest {
    record Seen(long micros, int linkType, String data) {}

    private final List<Seen> seen = new ArrayList<>();
    private final Problems problems = new Problems();

    private List<Integer> read(byte[] file) throws IOException {
        return PcapngReader.read(new ByteArrayInputStream(file), "t.pcapng",
                (micros, linkType, data, length, original) -> seen.add(new Seen(micros, linkType,
                        new String(data, 0, length, java.nio.charset.StandardCharsets.ISO_8859_1))), problems);
    }

    @Test
    void readsEnhancedSimpleAndOtherBlocksWithEachInterfacesResolution() throws IOException {
        for (boolean le : new boolean[] {true, false}) {
            seen.clear();
            byte[] file = new Pcapng(le)
                    .iface(LinkTypes.ETHERNET, -1)                 // microseconds
                    .iface(LinkTypes.LINUX_SLL2, 9)                // nanoseconds
                    .other()
                    .enhanced(0, 1_700_000_000_000_001L, ascii("first"))
                    .enhanced(1, 1_700_000_000_000_002_000L, ascii("second!"))
                    .simple(ascii("third"))
                    .bytes();
            assertThat(read(file)).containsExactly(LinkTypes.ETHERNET, LinkTypes.LINUX_SLL2);
            assertThat(seen).containsExactly(
                    new Seen(1_700_000_000_000_001L, LinkTypes.ETHERNET, "first"),
                    new Seen(1_700_000_000_000_002L, LinkTypes.LINUX_SLL2, "second!"),
                    new Seen(0, LinkTypes.ETHERNET, "third"));
            assertThat(problems.isEmpty()).isTrue();
        }
    }

    @Test
    void aNewSectionMayChangeTheByteOrderAndForgetsTheInterfaces() throws IOException {
        byte[] first = new Pcapng(true).iface(LinkTypes.ETHERNET, -1).enhanced(0, 5, ascii("le")).bytes();
        byte[] second = new Pcapng(false).iface(LinkTypes.RAW, -1).enhanced(0, 6, ascii("be")).bytes();
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        read(both);
        assertThat(seen).containsExactly(new Seen(5, LinkTypes.ETHERNET, "le"), new Seen(6, LinkTypes.RAW, "be"));
    }

    @Test
    void packetsOfAnUnknownLinkTypeOrAnUndescribedInterfaceAreSkippedWithANote() throws IOException {
        byte[] file = new Pcapng(true).iface(147, -1).iface(LinkTypes.ETHERNET, -1)
                .enhanced(0, 1, ascii("usb")).enhanced(0, 2, ascii("usb")).enhanced(1, 3, ascii("ok"))
                .enhanced(7, 4, ascii("nowhere")).bytes();
        read(file);
        assertThat(seen).containsExactly(new Seen(3, LinkTypes.ETHERNET, "ok"));
        assertThat(problems.lines()).containsExactly(
                "t.pcapng: interface 0 has an unknown link type 147; its packets are skipped",
                "t.pcapng: a packet names interface 7, which was never described; skipped");
    }

    @Test
    void aFileCutInsideABlockKeepsThePacketsBeforeIt() throws IOException {
        byte[] file = new Pcapng(true).iface(LinkTypes.ETHERNET, -1).enhanced(0, 1, ascii("one"))
                .enhanced(0, 2, ascii("two")).bytes();
        read(Arrays.copyOf(file, file.length - 6));
        assertThat(seen).extracting(Seen::data).containsExactly("one");
        assertThat(problems.lines()).containsExactly(
                "t.pcapng: truncated: the file ends inside a block; the 1 packets before it were read");
    }

    @Test
    void anImpossibleBlockLengthStopsTheReading() throws IOException {
        Pcapng p = new Pcapng(true).iface(LinkTypes.ETHERNET, -1).enhanced(0, 1, ascii("one"));
        byte[] good = p.bytes();
        byte[] file = Arrays.copyOf(good, good.length + 12);
        // a block claiming 7 bytes: shorter than any block can be
        file[good.length] = 6;
        file[good.length + 4] = 7;
        read(file);
        assertThat(seen).hasSize(1);
        assertThat(problems.lines().getFirst()).startsWith("t.pcapng: damaged: block 4 claims a length of 7 bytes");
    }

    @Test
    void timeResolutionsInPowersOfTenAndTwo() {
        assertThat(PcapngReader.resolution(6)).isEqualTo(1_000_000);
        assertThat(PcapngReader.resolution(9)).isEqualTo(1_000_000_000);
        assertThat(PcapngReader.resolution(0x80 | 10)).isEqualTo(1024);
        assertThat(PcapngReader.toMicros(1_500_000_000L, 1_000_000_000)).isEqualTo(1_500_000);
        assertThat(PcapngReader.toMicros(2048 + 512, 1024)).isEqualTo(2_500_000);
        assertThat(PcapngReader.toMicros(17, 1_000_000)).isEqualTo(17);
    }
}
