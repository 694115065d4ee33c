package org.clearline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import org.clearline.store.LadderBlob.Decoded;
import org.clearline.store.LoggedMessage.Direction;
import org.junit.jupiter.api.Test;

/** A ladder as one compressed value: exact round trips, and damaged values that become a problem, not an exception. */
class LadderBlobTest {
    static final String INVITE = "INVITE sip:bob@example.com SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds;rport\r\n"
            + "Max-Forwards: 70\r\nFrom: \"Älice Müller\" <sip:alice@example.com>;tag=1928301774\r\n"
            + "To: <sip:bob@example.com>\r\nCall-ID: a84b4c76e66710@pc33.example.com\r\nCSeq: 314159 INVITE\r\n"
            + "Contact: <sip:alice@192.0.2.10>\r\nContent-Type: application/sdp\r\nContent-Length: 4\r\n\r\nv=0\n";
    static final String TRYING = "SIP/2.0 100 Trying\r\n"
            + "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds;rport=5060;received=192.0.2.10\r\n"
            + "From: \"Älice Müller\" <sip:alice@example.com>;tag=1928301774\r\nTo: <sip:bob@example.com>\r\n"
            + "Call-ID: a84b4c76e66710@pc33.example.com\r\nCSeq: 314159 INVITE\r\nContent-Length: 0\r\n\r\n";

    private static List<LoggedMessage> ladder() {
        return List.of(
                new LoggedMessage(1_767_225_600_000L, Direction.IN, "udp:192.0.2.10:5060",
                        "INVITE sip:bob@example.com SIP/2.0", INVITE),
                new LoggedMessage(1_767_225_600_002L, Direction.OUT, "udp:192.0.2.10:5060", "SIP/2.0 100 Trying",
                        TRYING),
                // an earlier time than the message before it (another thread's clock reading) survives too
                new LoggedMessage(1_767_225_600_001L, Direction.OUT, "tcp:[2001:db8::1]:5061", "", ""));
    }

    @Test
    void aLadderComesBackExactly() {
        byte[] blob = LadderBlob.encode(ladder());
        assertThat(blob[0]).isEqualTo((byte) LadderBlob.CHECKED);
        assertThat(format(blob)).as("this machine loads zstd").isEqualTo(LadderBlob.ZSTD);
        assertThat(LadderBlob.decode(blob)).isEqualTo(new Decoded.Messages(ladder()));
    }

    @Test
    void zlibLaddersOfTheFirstVersionStillRead() {
        try (LadderEncoder zlib = new LadderEncoder(LadderBlob.ZLIB)) {
            byte[] blob = zlib.encode(ladder());
            assertThat(blob[0]).isEqualTo((byte) LadderBlob.ZLIB);
            assertThat(blob[1]).as("a zlib header (RFC 1950: deflate, 32K window)").isEqualTo((byte) 0x78);
            assertThat(LadderBlob.decode(blob)).isEqualTo(new Decoded.Messages(ladder()));
        }
    }

    @Test
    void bothFormatsCarryTheSameRecords() {
        try (LadderEncoder zlib = new LadderEncoder(LadderBlob.ZLIB);
             LadderEncoder zstd = new LadderEncoder(LadderBlob.ZSTD)) {
            byte[] a = zlib.encode(ladder());
            byte[] b = zstd.encode(ladder());
            assertThat(java.util.Arrays.copyOfRange(inner(b), 1, 5)).as("a zstd frame's magic number, RFC 8878 3.1.1")
                    .containsExactly(0x28, 0xb5, 0x2f, 0xfd);
            assertThat(LadderBlob.decode(a)).isEqualTo(LadderBlob.decode(b));
        }
    }

    @Test
    void aLadderIsMuchSmallerThanItsText() {
        List<LoggedMessage> call = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            call.add(new LoggedMessage(1_000 + i, i % 2 == 0 ? Direction.IN : Direction.OUT, "udp:192.0.2.10:5060",
                    i % 2 == 0 ? "INVITE sip:bob@example.com SIP/2.0" : "SIP/2.0 100 Trying", i % 2 == 0 ? INVITE : TRYING));
        }
        int text = call.stream().mapToInt(m -> m.text().length()).sum();
        byte[] blob = LadderBlob.encode(call);
        assertThat(blob.length).as("%d bytes of text", text).isLessThan(text / 5);
        assertThat(((Decoded.Messages) LadderBlob.decode(blob)).messages()).isEqualTo(call);
    }

    @Test
    void noMessagesIsNoBlobAndNoBlobIsNoMessages() {
        assertThat(LadderBlob.encode(List.of())).isNull();
        assertThat(LadderBlob.decode(null)).isEqualTo(new Decoded.Messages(List.of()));
        assertThat(LadderBlob.decode(new byte[0])).isEqualTo(new Decoded.Messages(List.of()));
    }

    @Test
    void anEncoderServesABatchAndWireBytesEncodeAsTheirText() {
        List<LadderEncoder.Wire> wire = ladder().stream().map(m -> new LadderEncoder.Wire(m.atMillis(), m.direction(),
                m.peer(), m.text().getBytes(java.nio.charset.StandardCharsets.UTF_8))).toList();
        try (LadderEncoder encoder = new LadderEncoder()) {
            byte[] fromText = encoder.encode(ladder());
            byte[] fromWire = encoder.encodeWire(wire);
            byte[] small = encoder.encode(ladder().subList(0, 1));
            assertThat(fromWire).as("the same value, made without text").isEqualTo(fromText);
            assertThat(LadderBlob.decode(fromWire)).isEqualTo(new Decoded.Messages(ladder()));
            assertThat(LadderBlob.decode(small)).isEqualTo(new Decoded.Messages(ladder().subList(0, 1)));
            assertThat(encoder.encodeWire(List.of())).isNull();
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {LadderBlob.ZLIB, LadderBlob.ZSTD})
    void aCutBlobIsTruncated(int format) {
        byte[] blob = encode(format, ladder());
        assertThat(LadderBlob.decode(Arrays.copyOf(blob, blob.length / 2)))
                .isInstanceOfSatisfying(Decoded.Corrupt.class, c -> assertThat(c.problem()).contains("truncated"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {LadderBlob.ZLIB, LadderBlob.ZSTD})
    void aChangedByteIsCaughtNeverReadAsAnotherLadder(int format) {
        byte[] blob = encode(format, ladder());
        // the checksum (zlib's Adler-32, the CRC-32C of a zstd blob) catches changed content;
        // only bits that carry nothing (deflate's last padding) may change
        assertThat(flipsCaught(blob, 1, LadderBlob.Dictionaries.NONE, ladder())).isGreaterThanOrEqualTo(blob.length - 2);
    }

    @Test
    void anotherFormatOrGarbageIsNamed() {
        byte[] blob = LadderBlob.encode(ladder());
        blob[0] = 7;
        assertThat(LadderBlob.decode(blob))
                .isEqualTo(new Decoded.Corrupt("unknown ladder format 7 (this version reads 1, 2, 3, 4 and 5)"));
        assertThat(LadderBlob.decode(new byte[] {1, 'n', 'o', 't', ' ', 'z', 'l', 'i', 'b'}))
                .isInstanceOfSatisfying(Decoded.Corrupt.class, c -> assertThat(c.problem()).startsWith("ladder is damaged"));
        assertThat(LadderBlob.decode(new byte[] {2, 'n', 'o', 't', ' ', 'z', 's', 't', 'd'}))
                .isInstanceOfSatisfying(Decoded.Corrupt.class, c -> assertThat(c.problem()).startsWith("ladder is damaged"));
    }

    @Test
    void aFrameClaimingHugeContentIsRefusedBeforeAllocating() {
        byte[] blob = LadderBlob.encode(ladder());
        // frame header descriptor with an 8-byte content size field (RFC 8878 3.1.1.1.1), size 2^40
        byte[] forged = {2, 0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, (byte) 0xe0, 0, 0, 0, 0, 0, 1, 0, 0};
        assertThat(LadderBlob.decode(forged))
                .isEqualTo(new Decoded.Corrupt("ladder inflates beyond " + LadderBlob.MAX_INFLATED_BYTES + " bytes"));
        assertThat(LadderBlob.decode(blob)).isInstanceOf(Decoded.Messages.class);
    }

    @Test
    void aLadderCompressedWithADictionaryNeedsThatDictionaryAndNoOther() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        List<byte[]> samples = new ArrayList<>();
        List<LoggedMessage> ladder = null;
        try (LadderEncoder plain = new LadderEncoder(LadderBlob.ZSTD, null, (bytes, length, messages) ->
                samples.add(Arrays.copyOf(bytes, length)))) {
            for (int i = 0; i < 60; i++) plain.encode(LadderDictionariesTest.call(random, 1_000 + i).messages());
        }
        ZstdCodec.Dictionary dictionary = new ZstdCodec.Dictionary(300, ZstdCodec.train(samples, 16 * 1024));
        ZstdCodec.Dictionary other = new ZstdCodec.Dictionary(300, ZstdCodec.train(samples.subList(0, 30), 4 * 1024));
        ladder = LadderDictionariesTest.call(random, 5_000).messages();
        byte[] blob;
        try (LadderEncoder encoder = new LadderEncoder(dictionary, null)) {
            blob = encoder.encode(ladder);
        }
        assertThat(inner(blob)[0]).isEqualTo((byte) LadderBlob.ZSTD_DICT);
        assertThat(Arrays.copyOfRange(inner(blob), 1, 3)).as("id 300 as a varint").containsExactly(0xac, 0x02);
        assertThat(blob.length).as("without the dictionary: %d bytes", LadderBlob.encode(ladder).length)
                .isLessThan(LadderBlob.encode(ladder).length * 2 / 3);
        assertThat(LadderBlob.decode(blob, id -> id == 300 ? dictionary : null)).isEqualTo(new Decoded.Messages(ladder));
        assertThat(LadderBlob.decode(blob)).isEqualTo(
                new Decoded.Corrupt("ladder was compressed with dictionary 300, which this log no longer has"));
        assertThat(LadderBlob.decode(blob, id -> other))
                .as("another dictionary under the same id is caught (the frame names its dictionary)")
                .isInstanceOfSatisfying(Decoded.Corrupt.class, c -> assertThat(c.problem()).startsWith("ladder is damaged"));
        assertThat(LadderBlob.decode(new byte[] {3, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1},
                id -> dictionary)).isEqualTo(new Decoded.Corrupt("ladder is damaged: bad dictionary id"));
        assertThat(flipsCaught(blob, 1, id -> dictionary, ladder)).isEqualTo(blob.length - 1);
    }

    private static List<LadderEncoder.Wire> wire(List<LoggedMessage> messages) {
        return messages.stream().map(m -> new LadderEncoder.Wire(m.atMillis(), m.direction(), m.peer(),
                m.text().getBytes(java.nio.charset.StandardCharsets.UTF_8))).toList();
    }

    @Test
    void aLadderMadeInPartsReadsAsOneWithItsTimesInOrder() {
        List<LoggedMessage> ladder = ladder();
        try (LadderEncoder encoder = new LadderEncoder(LadderBlob.ZSTD)) {
            LadderEncoder.Part first = encoder.part(wire(ladder.subList(0, 2)));
            assertThat(first.messages()).isEqualTo(2);
            // the rest's first message is earlier than the part's last: its time goes on from there
            byte[] blob = encoder.encodeWire(List.of(first), wire(ladder.subList(2, 3)));
            assertThat(format(blob)).isEqualTo(LadderBlob.PARTS);
            assertThat(inner(blob)[1]).as("no dictionary").isZero();
            assertThat(LadderBlob.decode(blob)).isEqualTo(new Decoded.Messages(ladder));
            assertThat(LadderBlob.decode(encoder.encodeWire(List.of(first), List.of())))
                    .as("a call that said nothing after its part")
                    .isEqualTo(new Decoded.Messages(ladder.subList(0, 2)));
            assertThat(encoder.encodeWire(List.of(), wire(ladder))).as("no parts: the usual blob")
                    .isEqualTo(encoder.encodeWire(wire(ladder)));
        }
        try (LadderEncoder zlib = new LadderEncoder(LadderBlob.ZLIB)) {
            assertThat(zlib.part(wire(ladder))).as("zlib writes no parts").isNull();
        }
    }

    @Test
    void partsOfAnotherDictionaryAreUnpackedSoABlobNeedsOneAtMost() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        List<byte[]> samples = new ArrayList<>();
        try (LadderEncoder plain = new LadderEncoder(LadderBlob.ZSTD, null, (bytes, length, messages) ->
                samples.add(Arrays.copyOf(bytes, length)))) {
            for (int i = 0; i < 60; i++) plain.encode(LadderDictionariesTest.call(random, 1_000 + i).messages());
        }
        ZstdCodec.Dictionary older = new ZstdCodec.Dictionary(7, ZstdCodec.train(samples.subList(0, 30), 8 * 1024));
        ZstdCodec.Dictionary newer = new ZstdCodec.Dictionary(8, ZstdCodec.train(samples, 16 * 1024));
        LadderBlob.Dictionaries both = id -> id == 7 ? older : id == 8 ? newer : null;
        List<LoggedMessage> ladder = LadderDictionariesTest.call(random, 9_000).messages();
        int half = ladder.size() / 2;
        try (LadderEncoder atAnswer = new LadderEncoder(older, null);
             LadderEncoder atBye = new LadderEncoder(newer, null);
             LadderEncoder withNone = new LadderEncoder(LadderBlob.ZSTD);
             LadderEncoder zlib = new LadderEncoder(LadderBlob.ZLIB)) {
            LadderEncoder.Part part = atAnswer.part(wire(ladder.subList(0, half)));
            byte[] same = atAnswer.encodeWire(List.of(part), wire(ladder.subList(half, ladder.size())));
            assertThat(format(same)).isEqualTo(LadderBlob.PARTS);
            assertThat(inner(same)[1]).as("dictionary 7").isEqualTo((byte) 7);
            assertThat(LadderBlob.decode(same, both)).isEqualTo(new Decoded.Messages(ladder));
            assertThat(LadderBlob.decode(same)).isEqualTo(
                    new Decoded.Corrupt("ladder was compressed with dictionary 7, which this log no longer has"));

            byte[] relearnt = atBye.encodeWire(List.of(part), wire(ladder.subList(half, ladder.size())));
            assertThat(format(relearnt)).as("written again as one, with the newer dictionary only")
                    .isEqualTo(LadderBlob.ZSTD_DICT);
            assertThat(LadderBlob.decode(relearnt, id -> id == 8 ? newer : null)).isEqualTo(new Decoded.Messages(ladder));

            byte[] unpacked = withNone.encodeWire(List.of(part), wire(ladder.subList(half, ladder.size())));
            assertThat(format(unpacked)).isEqualTo(LadderBlob.ZSTD);
            assertThat(LadderBlob.decode(unpacked)).isEqualTo(new Decoded.Messages(ladder));
            byte[] asZlib = zlib.encodeWire(List.of(part), wire(ladder.subList(half, ladder.size())));
            assertThat(asZlib[0]).isEqualTo((byte) LadderBlob.ZLIB);
            assertThat(LadderBlob.decode(asZlib)).isEqualTo(new Decoded.Messages(ladder));
        }
    }

    @Test
    void aDamagedLadderInPartsIsNamedNeverReadAsAnother() {
        List<LoggedMessage> ladder = ladder();
        byte[] blob;
        try (LadderEncoder encoder = new LadderEncoder(LadderBlob.ZSTD)) {
            blob = encoder.encodeWire(List.of(encoder.part(wire(ladder.subList(0, 2)))), wire(ladder.subList(2, 3)));
        }
        for (int cut = 1; cut < blob.length; cut++) {
            assertThat(LadderBlob.decode(Arrays.copyOf(blob, cut))).as("cut to %d bytes", cut)
                    .isInstanceOf(Decoded.Corrupt.class);
        }
        assertThat(flipsCaught(blob, 1, LadderBlob.Dictionaries.NONE, ladder)).isEqualTo(blob.length - 1);
        assertThat(LadderBlob.decode(Arrays.copyOf(blob, blob.length - 20))).isEqualTo(new Decoded.Corrupt(
                "ladder is damaged or truncated: its CRC-32C does not match (" + (blob.length - 20) + " bytes stored)"));
        // what is inside the CRC is checked as well (and is how earlier versions wrote it)
        byte[] parts = inner(blob);
        for (int cut = 1; cut < parts.length; cut++) {
            assertThat(LadderBlob.decode(Arrays.copyOf(parts, cut))).as("inside, cut to %d bytes", cut)
                    .isInstanceOf(Decoded.Corrupt.class);
        }
        assertThat(LadderBlob.decode(Arrays.copyOf(parts, parts.length - 20)))
                .isEqualTo(new Decoded.Corrupt("ladder is truncated (" + (parts.length - 20) + " bytes stored)"));
        byte[] firstPartOnly;
        try (LadderEncoder encoder = new LadderEncoder(LadderBlob.ZSTD)) {
            firstPartOnly = inner(encoder.encodeWire(List.of(encoder.part(wire(ladder.subList(0, 2)))), List.of()));
        }
        byte[] claimsThree = firstPartOnly.clone();
        claimsThree[2] = 3;
        assertThat(LadderBlob.decode(claimsThree)).as("cut where a part ends")
                .isEqualTo(new Decoded.Corrupt("ladder holds 2 of the 3 messages it claims"));
        assertThat(LadderBlob.decode(new byte[] {LadderBlob.PARTS, 0, 1, 0}))
                .isEqualTo(new Decoded.Corrupt("ladder is truncated (4 bytes stored)"));
        assertThat(LadderBlob.decode(new byte[] {LadderBlob.PARTS, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff,
                (byte) 0xff, 1})).isEqualTo(new Decoded.Corrupt("ladder is damaged: bad dictionary id"));
    }

    @Test
    void aZstdLadderIsCheckedByACrcOfItsStoredBytesNotByItsFrames() throws Exception {
        byte[] blob = LadderBlob.encode(ladder());
        byte[] ladderInside = inner(blob);
        // RFC 8878 3.1.1.1.1: bit 2 of the frame header descriptor says whether a content checksum ends the frame
        assertThat(ladderInside[5] & 0x04).as("no XXH64 in the frame").isZero();

        // what earlier versions wrote: the ladder alone, its frame ending in XXH64; zstd checks it
        byte[] plain = com.github.luben.zstd.Zstd.decompress(Arrays.copyOfRange(ladderInside, 1, ladderInside.length),
                (int) com.github.luben.zstd.Zstd.getFrameContentSize(ladderInside, 1, ladderInside.length - 1));
        byte[] earlier;
        try (com.github.luben.zstd.ZstdCompressCtx ctx = new com.github.luben.zstd.ZstdCompressCtx()
                .setLevel(1).setChecksum(true).setContentSize(true)) {
            byte[] frame = ctx.compress(plain);
            earlier = new byte[frame.length + 1];
            earlier[0] = LadderBlob.ZSTD;
            System.arraycopy(frame, 0, earlier, 1, frame.length);
        }
        assertThat(earlier[5] & 0x04).as("XXH64 in the earlier frame").isNotZero();
        assertThat(LadderBlob.decode(earlier)).isEqualTo(new Decoded.Messages(ladder()));
        assertThat(flipsCaught(earlier, 1, LadderBlob.Dictionaries.NONE, ladder()))
                .isGreaterThanOrEqualTo(earlier.length - 1 - 2);

        byte[] tooShort = {LadderBlob.CHECKED, 0, 0, 0, 0};
        assertThat(LadderBlob.decode(tooShort)).isEqualTo(new Decoded.Corrupt("ladder is truncated (5 bytes stored)"));
        byte[] zlibInside = checked(zlib(new byte[] {0}));
        assertThat(LadderBlob.decode(zlibInside))
                .isEqualTo(new Decoded.Corrupt("ladder is damaged: format 1 inside a checked ladder"));
        assertThat(LadderBlob.decode(checked(blob))).as("never checked twice")
                .isEqualTo(new Decoded.Corrupt("ladder is damaged: format 5 inside a checked ladder"));
    }

    /** The format of the ladder a blob holds: the one inside a CHECKED blob, else its first byte. */
    static int format(byte[] blob) {
        int format = blob[0] & 0xff;
        return format == LadderBlob.CHECKED ? blob[LadderBlob.CHECKED_HEADER] & 0xff : format;
    }

    /** The ladder inside a CHECKED blob, whose CRC-32C must match: how earlier versions wrote zstd ladders. */
    static byte[] inner(byte[] blob) {
        assertThat(blob[0]).isEqualTo((byte) LadderBlob.CHECKED);
        byte[] ladder = Arrays.copyOfRange(blob, LadderBlob.CHECKED_HEADER, blob.length);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(ladder);
        assertThat(Arrays.copyOfRange(blob, 1, LadderBlob.CHECKED_HEADER)).as("CRC-32C, big-endian")
                .isEqualTo(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        return ladder;
    }

    /** {@code ladder} as the inside of a CHECKED blob, with its CRC-32C. */
    private static byte[] checked(byte[] ladder) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(ladder);
        return java.nio.ByteBuffer.allocate(LadderBlob.CHECKED_HEADER + ladder.length).put((byte) LadderBlob.CHECKED)
                .putInt((int) crc.getValue()).put(ladder).array();
    }

    @Test
    void tooLittleToLearnFromGivesNoDictionary() {
        assertThat(ZstdCodec.train(List.of(new byte[] {1, 2, 3}), 4 * 1024)).as("too little to learn from").isNull();
    }

    /**
     * Flips a bit in each byte of {@code blob} from {@code from} on, one at a time; returns how
     * many flips were caught. A flip not caught must read as the very same {@code ladder}.
     */
    private static int flipsCaught(byte[] blob, int from, LadderBlob.Dictionaries dictionaries,
                                   List<LoggedMessage> ladder) {
        int caught = 0;
        for (int i = from; i < blob.length; i++) {
            byte[] damaged = blob.clone();
            damaged[i] ^= 0x20;
            Decoded d = LadderBlob.decode(damaged, dictionaries);
            if (d instanceof Decoded.Corrupt) caught++;
            else assertThat(d).as("byte %d flipped", i).isEqualTo(new Decoded.Messages(ladder));
        }
        return caught;
    }

    private static byte[] encode(int format, List<LoggedMessage> messages) {
        try (LadderEncoder encoder = new LadderEncoder(format)) {
            return encoder.encode(messages);
        }
    }

    @Test
    void recordsThatDoNotAddUpAreNamed() throws Exception {
        // well-formed zlib, but the records inside lie about their lengths or count
        assertThat(LadderBlob.decode(zlib(new byte[] {2, 0, 0, 3, 'u', 'd', 'p', 0, 0})))
                .isEqualTo(new Decoded.Corrupt("ladder message 2 of 2 is cut short or malformed"));
        assertThat(LadderBlob.decode(zlib(new byte[] {1, 0, 0, 100, 'u'})))
                .isEqualTo(new Decoded.Corrupt("ladder message 1 of 1 is cut short or malformed"));
        assertThat(LadderBlob.decode(zlib(new byte[] {1, 0, 5, 0, 0, 0})))
                .isEqualTo(new Decoded.Corrupt("ladder message 1 of 1 is cut short or malformed"));
        assertThat(LadderBlob.decode(zlib(new byte[] {(byte) 0xff, (byte) 0xff, 0x7f})))
                .isEqualTo(new Decoded.Corrupt("ladder claims 2097151 messages"));
        assertThat(LadderBlob.decode(zlib(new byte[] {0, 9})))
                .isEqualTo(new Decoded.Corrupt("ladder has 1 stray bytes"));
    }

    /** {@code plain} (a ladder's records) as a blob of the first format, which needs no compressor state. */
    static byte[] zlib(byte[] plain) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(LadderBlob.ZLIB);
        try (DeflaterOutputStream z = new DeflaterOutputStream(out)) {
            z.write(plain);
        }
        return out.toByteArray();
    }
}
