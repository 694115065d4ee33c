package org.clearline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.store.LadderBlobTest.INVITE;
import static org.clearline.store.LadderBlobTest.TRYING;
import static org.clearline.store.LadderBlobTest.zlib;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.clearline.store.LadderBlob.Decoded;
import org.clearline.store.LoggedMessage.Direction;
import org.junit.jupiter.api.Test;

/**
 * The records inside a ladder: a relayed message written as what it changed in an earlier
 * one, start lines left out, the first versions' records still read, and records that do
 * not add up named, never read as another ladder.
 */
class LadderRecordsTest {
    /** The INVITE as the proxy relays it: its own Via on top, Record-Route, one hop less, the same body. */
    private static final String RELAYED = INVITE.replace("Max-Forwards: 70\r\n",
            "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-relay-1\r\nRecord-Route: <sip:192.0.2.1;lr>\r\n"
                    + "Max-Forwards: 69\r\n").replace("INVITE sip:bob@example.com SIP/2.0", "INVITE sip:bob@192.0.2.20 SIP/2.0");

    @Test
    void aRelayedCopyIsWrittenAsWhatDiffersFromWhatCameIn() {
        List<LoggedMessage> ladder = List.of(
                new LoggedMessage(1_000, Direction.IN, "udp:192.0.2.10:5060", "INVITE sip:bob@example.com SIP/2.0", INVITE),
                new LoggedMessage(1_001, Direction.OUT, "udp:192.0.2.10:5060", "SIP/2.0 100 Trying", TRYING),
                new LoggedMessage(1_001, Direction.OUT, "udp:192.0.2.20:5060", "INVITE sip:bob@192.0.2.20 SIP/2.0",
                        RELAYED));
        int[] plain = new int[1];
        byte[] blob;
        int withoutCopy;
        try (LadderEncoder encoder = new LadderEncoder(LadderBlob.ZSTD, null, (bytes, length, n) -> plain[0] = length)) {
            encoder.encode(ladder.subList(0, 2));
            withoutCopy = plain[0];
            blob = encoder.encode(ladder);
        }
        // the relayed INVITE costs what it changed (start line, its Via, Record-Route, Max-Forwards) and the
        // line between them, not its whole text again
        String changed = RELAYED.substring("INVITE sip:bob@".length(), RELAYED.indexOf("69\r\n") + 2);
        assertThat(plain[0] - withoutCopy).as("plain bytes for a copy of %d bytes", RELAYED.length())
                .isLessThanOrEqualTo(changed.length() + 32)
                .isLessThan(RELAYED.length() / 2);
        assertThat(LadderBlob.decode(blob)).isEqualTo(new Decoded.Messages(ladder));
    }

    @Test
    void wireBytesThatAreNotUtf8ComeBackAsTheirTextAndTheirCopiesToo() {
        byte[] odd = (INVITE.substring(0, INVITE.length() - 4) + "v=\u0000").getBytes(StandardCharsets.ISO_8859_1);
        odd[odd.length - 2] = (byte) 0xff;  // not UTF-8: the reader's text shows a replacement character
        byte[] copy = Arrays.copyOf(odd, odd.length);
        copy[10] = 'X';
        List<LadderEncoder.Wire> wire = List.of(new LadderEncoder.Wire(1, Direction.IN, "udp:192.0.2.10:5060", odd),
                new LadderEncoder.Wire(2, Direction.OUT, "udp:192.0.2.20:5060", copy));
        byte[] blob;
        try (LadderEncoder encoder = new LadderEncoder()) {
            blob = encoder.encodeWire(wire);
        }
        List<LoggedMessage> read = ((Decoded.Messages) LadderBlob.decode(blob)).messages();
        assertThat(read).extracting(LoggedMessage::text).containsExactly(
                new String(odd, StandardCharsets.UTF_8),
                new String(copy, StandardCharsets.UTF_8));
        assertThat(read.get(1).startLine()).isEqualTo("INVITE sipXbob@example.com SIP/2.0");
    }

    @Test
    void recordsOfTheFirstVersionsStillRead() throws Exception {
        // as the first versions wrote every message: direction, peer, start line and text
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        plain.write(2);
        plain.writeBytes(new byte[] {(byte) 0x80, (byte) 0xa0, (byte) 0xd5, (byte) 0xed, (byte) 0xee, 0x66});  // zigzag time
        plain.write(0);
        string(plain, "udp:192.0.2.10:5060");
        string(plain, "INVITE sip:bob@example.com SIP/2.0");
        string(plain, INVITE);
        plain.write(4);  // two milliseconds later
        plain.write(1);
        string(plain, "udp:192.0.2.10:5060");
        string(plain, "a start line of its own");
        string(plain, TRYING);
        assertThat(LadderBlob.decode(zlib(plain.toByteArray()))).isEqualTo(new Decoded.Messages(List.of(
                new LoggedMessage(1_767_225_600_000L, Direction.IN, "udp:192.0.2.10:5060",
                        "INVITE sip:bob@example.com SIP/2.0", INVITE),
                new LoggedMessage(1_767_225_600_002L, Direction.OUT, "udp:192.0.2.10:5060", "a start line of its own",
                        TRYING))));
        // and a ladder whose start lines are not the texts' first lines is still written that way
        List<LoggedMessage> own = List.of(new LoggedMessage(5, Direction.IN, "udp:192.0.2.10:5060", "own", INVITE));
        assertThat(LadderBlob.decode(LadderBlob.encode(own))).isEqualTo(new Decoded.Messages(own));
    }

    @Test
    void aChangedRecordThatDoesNotAddUpIsNamed() throws Exception {
        byte[] whole = {0, 2, 1, 'p', 3, 'a', 'b', 'c'};  // a first message "abc", kind WHOLE | in
        // back beyond the first message, more bytes than the base has, a base of the first versions' records
        assertThat(LadderBlob.decode(zlib(concat(new byte[] {2}, whole, new byte[] {0, 5, 1, 'p', 2, 0, 0, 0}))))
                .isEqualTo(new Decoded.Corrupt("ladder message 2 of 2 is cut short or malformed"));
        assertThat(LadderBlob.decode(zlib(concat(new byte[] {2}, whole, new byte[] {0, 5, 1, 'p', 1, 2, 2, 0}))))
                .isEqualTo(new Decoded.Corrupt("ladder message 2 of 2 is cut short or malformed"));
        assertThat(LadderBlob.decode(zlib(new byte[] {2, 0, 0, 1, 'p', 1, 'a', 1, 'a', 0, 5, 1, 'p', 1, 1, 0, 0})))
                .isEqualTo(new Decoded.Corrupt("ladder message 2 of 2 is cut short or malformed"));
        assertThat(LadderBlob.decode(zlib(concat(new byte[] {2}, whole, new byte[] {0, 5, 1, 'p', 1, 1, 1, 1, 'x'}))))
                .isEqualTo(new Decoded.Messages(List.of(new LoggedMessage(0, Direction.IN, "p", "abc", "abc"),
                        new LoggedMessage(0, Direction.OUT, "p", "axc", "axc"))));
        // 10,000 copies of a 64 KB message: refused once the texts pass what a blob may inflate to
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        bomb.writeBytes(new byte[] {(byte) 0x90, 0x4e});  // 10,000 messages
        bomb.writeBytes(new byte[] {0, 2, 1, 'p', (byte) 0x80, (byte) 0x80, 0x04});
        bomb.writeBytes(new byte[64 * 1024]);
        for (int i = 1; i < 10_000; i++) bomb.writeBytes(new byte[] {0, 4, 1, 'p', 1, (byte) 0x80, (byte) 0x80, 0x04, 0, 0});
        assertThat(LadderBlob.decode(zlib(bomb.toByteArray())))
                .isEqualTo(new Decoded.Corrupt("ladder message 1025 of 10000 is cut short or malformed"));
    }

    private static void string(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write(b.length & 0x7f | (b.length > 0x7f ? 0x80 : 0));
        if (b.length > 0x7f) out.write(b.length >>> 7);
        out.writeBytes(b);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
