package org.clearline.analyzer.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.analyzer.Packets.ACK;
import static org.clearline.analyzer.Packets.ALICE;
import static org.clearline.analyzer.Packets.FIN;
import static org.clearline.analyzer.Packets.PSH;
import static org.clearline.analyzer.Packets.SERVER;
import static org.clearline.analyzer.Packets.SYN;
import static org.clearline.analyzer.Packets.TCP;
import static org.clearline.analyzer.Packets.ascii;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.clearline.analyzer.Packets;
import org.clearline.analyzer.capture.LinkTypes;
import org.clearline.analyzer.input.CapturedMessage;
import org.clearline.analyzer.input.InputCounters;
import org.clearline.analyzer.input.Problems;
import org.clearline.syntax.SyntaxLimits;
import org.junit.jupiter.api.Test;

/** SIP over TCP: messages split over segments, several in one, out of order, resent, or after a gap. */
class TcpReassemblyTest {
    private static final long ISN = 4_294_967_000L; // close to the wrap of the 32-bit sequence space
    private final List<CapturedMessage> messages = new ArrayList<>();
    private final Problems problems = new Problems();
    private final InputCounters counters = new InputCounters();
    private final PacketDecoder decoder = new PacketDecoder("t.pcap", SyntaxLimits.DEFAULT, messages::add, problems,
            counters);

    private static final byte[] ONE = ascii(Packets.options("one@x", "z9hG4bK1"));
    private static final byte[] TWO = ascii(Packets.options("two@x", "z9hG4bK2"));
    private long time = 1_000_000;

    private void segment(long seq, int flags, byte[] payload) {
        byte[] ip = Packets.ipv4(ALICE, SERVER, TCP, Packets.tcp(40000, 5060, seq & 0xffffffffL, flags, payload));
        decoder.frame(time++, LinkTypes.RAW, ip, ip.length, ip.length);
    }

    private static byte[] both() {
        byte[] b = Arrays.copyOf(ONE, ONE.length + TWO.length);
        System.arraycopy(TWO, 0, b, ONE.length, TWO.length);
        return b;
    }

    private List<String> callIds() {
        return messages.stream().map(m -> m.message().callId()).toList();
    }

    @Test
    void aMessageSplitAtEveryPositionComesOutWhole() {
        for (int cut = 1; cut < ONE.length; cut += 7) {
            messages.clear();
            long isn = ISN + cut;
            segment(isn, SYN, new byte[0]);
            segment(isn + 1, ACK | PSH, Arrays.copyOfRange(ONE, 0, cut));
            assertThat(messages).isEmpty();
            segment(isn + 1 + cut, ACK | PSH, Arrays.copyOfRange(ONE, cut, ONE.length));
            segment(isn + 1 + ONE.length, ACK | FIN, new byte[0]);
            assertThat(callIds()).as("cut at %d", cut).containsExactly("one@x");
            assertThat(messages.getFirst().transport()).isEqualTo("TCP");
        }
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void twoMessagesInOneSegmentAreTwoMessages() {
        segment(ISN, SYN, new byte[0]);
        segment(ISN + 1, ACK | PSH, both());
        assertThat(callIds()).containsExactly("one@x", "two@x");
        assertThat(counters.totals().tcpStreams()).isEqualTo(1);
    }

    @Test
    void segmentsOutOfOrderAreHeldUntilTheGapFills() {
        byte[] all = both();
        int a = 50;
        int b = ONE.length + 20;
        segment(ISN, SYN, new byte[0]);
        segment(ISN + 1 + b, ACK, Arrays.copyOfRange(all, b, all.length));
        segment(ISN + 1 + a, ACK, Arrays.copyOfRange(all, a, b));
        assertThat(messages).isEmpty();
        segment(ISN + 1, ACK, Arrays.copyOfRange(all, 0, a));
        assertThat(callIds()).containsExactly("one@x", "two@x");
    }

    @Test
    void retransmittedAndOverlappingSegmentsAddNothing() {
        segment(ISN, SYN, new byte[0]);
        segment(ISN + 1, ACK, Arrays.copyOfRange(ONE, 0, 100));
        segment(ISN + 1, ACK, Arrays.copyOfRange(ONE, 0, 100));          // resent whole
        segment(ISN + 1 + 60, ACK, Arrays.copyOfRange(ONE, 60, ONE.length)); // overlaps the first
        assertThat(callIds()).containsExactly("one@x");
    }

    @Test
    void aCaptureThatStartsInsideAStreamFindsTheNextMessage() {
        byte[] all = both();
        segment(ISN + 500, ACK, Arrays.copyOfRange(all, 30, all.length)); // no SYN seen, starts mid-message
        assertThat(callIds()).containsExactly("two@x");
    }

    @Test
    void aLostSegmentThatNeverArrivesIsSkippedAndTheStreamGoesOn() {
        byte[] all = both();
        segment(ISN, SYN, new byte[0]);
        segment(ISN + 1, ACK, Arrays.copyOfRange(all, 0, 40));
        // bytes 40..(ONE.length+10) were never captured; more data than the early buffer holds comes after them
        long seq = ISN + 1 + ONE.length + 10;
        byte[] rest = Arrays.copyOfRange(all, ONE.length + 10, all.length);
        segment(seq, ACK, rest);
        seq += rest.length;
        byte[] filler = ascii(("a=filler\r\n").repeat(5000));
        while (seq - (ISN + 1 + ONE.length + 10) <= TcpReassembler.MAX_EARLY) {
            segment(seq, ACK, filler);
            seq += filler.length;
        }
        byte[] three = ascii(Packets.options("three@x", "z9hG4bK3"));
        segment(seq, ACK, three);
        assertThat(callIds()).containsExactly("three@x"); // the messages around the gap are lost, the next one is read
        decoder.finish();
        assertThat(problems.lines()).anyMatch(l -> l.contains("1 gaps in TCP streams"));
    }

    @Test
    void aStreamThatIsNotSipIsIgnored() {
        segment(ISN, SYN, new byte[0]);
        long seq = ISN + 1;
        byte[] http = ascii("GET / HTTP/1.1\r\nHost: x\r\n\r\n" + "x".repeat(2000) + "\n");
        for (int i = 0; i < 40; i++) {
            segment(seq, ACK, http);
            seq += http.length;
        }
        assertThat(messages).isEmpty();
        assertThat(counters.totals().tcpStreams()).isZero();
        assertThat(counters.totals().otherPackets()).isEqualTo(41);
    }
}
