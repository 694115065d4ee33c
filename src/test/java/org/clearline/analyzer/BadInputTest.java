package org.clearline.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.analyzer.Packets.ALICE;
import static org.clearline.analyzer.Packets.SERVER;
import static org.clearline.analyzer.Packets.ascii;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.clearline.analyzer.Packets.Frame;
import org.clearline.analyzer.capture.LinkTypes;
import org.clearline.analyzer.diagnosis.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever the input, the analysis names what it could not read and tells what it could; it never throws. */
class BadInputTest {
    @TempDir Path dir;

    private static byte[] callPcap() {
        String inv = Trace.invite("busy@x", 1, "z9hG4bK1");
        String busy = Trace.response(486, "Busy Here", inv, "b1");
        String ack = Trace.request("ACK", "sip:bob@example.com", "busy@x", 1, "z9hG4bK1", "b1");
        String opts = Packets.options("later@x", "z9hG4bK9");
        return Packets.pcap(LinkTypes.ETHERNET, frame(0, inv, true), frame(100_000, busy, false),
                frame(120_000, ack, true), frame(5_000_000, opts, true));
    }

    private static Frame frame(long micros, String sip, boolean fromAlice) {
        byte[] udp = Packets.udp(5060, 5060, ascii(sip));
        byte[] ip = fromAlice ? Packets.ipv4(ALICE, SERVER, Packets.UDP, udp) : Packets.ipv4(SERVER, ALICE, Packets.UDP, udp);
        return new Frame(1_700_000_000_000_000L + micros, Packets.ethernet(Packets.IPV4, ip));
    }

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static AnalysisReport analyze(Path... files) {
        return new Analyzer().analyze(List.of(files));
    }

    @Test
    void aGoodCaptureIsReadWithoutProblems() throws IOException {
        AnalysisReport r = analyze(file("call.pcap", callPcap()));
        assertThat(r.problems()).isEmpty();
        assertThat(r.counts().calls()).isEqualTo(1);
        assertThat(r.call("busy@x")).hasValueSatisfying(c -> assertThat(c.diagnosis().code()).isEqualTo(486));
        assertThat(r.sources()).containsExactly(new AnalysisReport.Source(dir.resolve("call.pcap").toString(), "pcap",
                "Ethernet"));
    }

    @Test
    void aTruncatedCaptureIsAnalysedAsFarAsItGoes() throws IOException {
        byte[] whole = callPcap();
        Path cut = file("cut.pcap", Arrays.copyOf(whole, whole.length - 40));
        AnalysisReport r = analyze(cut);
        assertThat(r.problems()).singleElement().asString().startsWith(cut + ": truncated: the file ends inside packet 4");
        assertThat(r.call("busy@x")).hasValueSatisfying(c -> assertThat(c.diagnosis().code()).isEqualTo(486));
        assertThat(r.call("later@x")).isEmpty();
    }

    @Test
    void binaryGarbageIsNamedByItsFirstBytes() throws IOException {
        byte[] junk = new byte[5000];
        new Random(42).nextBytes(junk);
        junk[0] = 0x50;
        junk[1] = 0x4b;
        junk[2] = 0x03;
        junk[3] = 0x04;
        Path zip = file("archive.zip", junk);
        AnalysisReport r = analyze(zip);
        assertThat(r.problems()).containsExactly(zip + ": not a capture (pcap, pcapng) or a text log: the file starts"
                + " with bytes 50 4b 03 04 " + String.format("%02x %02x %02x %02x", junk[4], junk[5], junk[6], junk[7])
                + "; not read");
        assertThat(r.counts().total()).isZero();
    }

    @Test
    void missingEmptyAndDirectoryInputsAreNamed() throws IOException {
        Path empty = file("empty.pcap", new byte[0]);
        AnalysisReport r = analyze(dir.resolve("nope.pcap"), empty, dir);
        assertThat(r.problems()).containsExactly(dir.resolve("nope.pcap") + ": no such file", empty + ": the file is empty",
                dir + ": not a regular file");
    }

    @Test
    void aCaptureWithoutSipSaysSo() throws IOException {
        byte[] rtp = new byte[160];
        rtp[0] = (byte) 0x80;
        byte[] frame = Packets.ethernet(Packets.IPV4, Packets.ipv4(ALICE, SERVER, Packets.UDP, Packets.udp(4000, 4002, rtp)));
        Path f = file("rtp.pcap", Packets.pcap(LinkTypes.ETHERNET, new Frame(0, frame), new Frame(20_000, frame)));
        AnalysisReport r = analyze(f);
        assertThat(r.problems()).containsExactly(f + ": no SIP messages found in this capture");
        assertThat(r.input().otherPackets()).isEqualTo(2);
        Path text = file("notes.txt", ascii("just some\nnotes without SIP\n"));
        assertThat(analyze(text).problems()).containsExactly(text + ": no SIP messages found in this log");
    }

    @Test
    void anUnknownLinkTypeIsNamed() throws IOException {
        Path f = file("usb.pcap", Packets.pcap(189, new Frame(0, new byte[64])));
        assertThat(analyze(f).problems()).contains(f + ": unknown link type 189; its packets cannot be read");
    }

    @Test
    void aCompressedCaptureIsReadAndACallSplitOverTwoFilesComesTogether() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(callPcap());
        }
        Path zipped = file("call.pcap.gz", gz.toByteArray());
        String inv = Trace.invite("split@x", 1, "z9hG4bK5");
        Path first = file("a.pcap", Packets.pcap(LinkTypes.ETHERNET, frame(10_000_000, inv, true)));
        Path second = file("b.pcap", Packets.pcap(LinkTypes.ETHERNET,
                frame(10_100_000, Trace.response(200, "OK", inv, "b"), false)));
        AnalysisReport r = analyze(zipped, first, second);
        assertThat(r.problems()).isEmpty();
        assertThat(r.sources().getFirst().format()).isEqualTo("pcap (gzip)");
        assertThat(r.call("busy@x")).isPresent();
        assertThat(r.call("split@x")).hasValueSatisfying(c -> {
            assertThat(c.diagnosis().outcome()).isEqualTo(Outcome.SUCCESS);
            assertThat(c.messages()).isEqualTo(2);
        });
    }

    @Test
    void aStreamIsAnalysedLikeAFile() {
        AnalysisReport r = new Analyzer().analyze(new ByteArrayInputStream(callPcap()), "upload.pcap");
        assertThat(r.sources()).extracting(AnalysisReport.Source::name).containsExactly("upload.pcap");
        assertThat(r.counts().calls()).isEqualTo(1);
        assertThat(r.input().bytes()).isEqualTo(callPcap().length);
    }

    @Test
    void randomBytesAfterAValidHeaderNeverThrow() throws IOException {
        Random random = new Random(7);
        byte[] good = callPcap();
        for (int i = 0; i < 200; i++) {
            byte[] damaged = good.clone();
            for (int k = 0; k < 10; k++) damaged[24 + random.nextInt(damaged.length - 24)] = (byte) random.nextInt();
            AnalysisReport r = new Analyzer().analyze(new ByteArrayInputStream(damaged), "fuzz.pcap");
            assertThat(r.problems()).noneMatch(p -> p.contains("internal error"));
        }
    }
}
