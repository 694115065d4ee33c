package org.clearline.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Netty's habit: every message fed split at every byte position and in chunks
 * of every small size must come out framed the same.
 */
class StreamFramerTest {
    private final StreamFramer framer = new StreamFramer(SyntaxLimits.DEFAULT);
    private final MessageParser parser = new MessageParser(SyntaxLimits.DEFAULT);

    /** What a transport does: append what arrives, take every complete frame, drop skipped keep-alives. */
    private static final class Connection {
        private final StreamFramer framer;
        private byte[] buf = new byte[0];
        final List<byte[]> frames = new ArrayList<>();
        ParseResult.Failure failure;

        Connection(StreamFramer framer) {
            this.framer = framer;
        }

        void receive(byte[] data, int from, int to) {
            if (failure != null) return;
            byte[] grown = Arrays.copyOf(buf, buf.length + to - from);
            System.arraycopy(data, from, grown, buf.length, to - from);
            buf = grown;
            while (true) {
                StreamFramer.Frame f = framer.next(buf, 0, buf.length);
                if (f.failure() != null) {
                    failure = f.failure();
                    return;
                }
                assertThat(f.skip()).isBetween(0, buf.length);
                int taken = f.skip() + f.length();
                if (f.complete()) frames.add(Arrays.copyOfRange(buf, f.skip(), taken));
                buf = Arrays.copyOfRange(buf, taken, buf.length);
                if (!f.complete()) return;
            }
        }
    }

    /** Corpus messages that are complete on a stream: they parse and carry Content-Length. */
    static Stream<Corpus.Entry> framable() {
        return Corpus.all().stream().filter(e -> {
            ParseResult r = new MessageParser(SyntaxLimits.DEFAULT).parse(e.bytes());
            return r instanceof ParseResult.Success s && s.message().hasHeader(HeaderNames.CONTENT_LENGTH);
        });
    }

    /** The message's own frame: header section plus Content-Length octets, computed without the framer. */
    private byte[] expectedFrame(Corpus.Entry e) {
        SipMessage m = ((ParseResult.Success) parser.parse(e.bytes())).message();
        int length = Corpus.headerEnd(e.bytes()) + Integer.parseInt(m.header(HeaderNames.CONTENT_LENGTH).strip());
        return Arrays.copyOf(e.bytes(), length);
    }

    @ParameterizedTest
    @MethodSource("framable")
    void splitAtEveryBytePosition(Corpus.Entry e) {
        byte[] msg = expectedFrame(e);
        for (int cut = 0; cut <= msg.length; cut++) {
            Connection c = new Connection(framer);
            c.receive(msg, 0, cut);
            c.receive(msg, cut, msg.length);
            assertThat(c.failure).as("cut at %d", cut).isNull();
            assertThat(c.frames).as("cut at %d", cut).hasSize(1);
            assertThat(c.frames.get(0)).isEqualTo(msg);
        }
        assertThat(parser.parse(msg)).isInstanceOf(ParseResult.Success.class);
    }

    @ParameterizedTest
    @MethodSource("framable")
    void fedInChunksOfEverySmallSize(Corpus.Entry e) {
        byte[] msg = expectedFrame(e);
        Random random = new Random(e.file().hashCode());
        for (int size = 1; size <= 40; size++) {
            Connection c = new Connection(framer);
            for (int from = 0; from < msg.length; from += size) c.receive(msg, from, Math.min(msg.length, from + size));
            assertThat(c.frames).as("chunk size %d", size).containsExactly(msg);
        }
        for (int round = 0; round < 20; round++) {
            Connection c = new Connection(framer);
            for (int from = 0; from < msg.length; ) {
                int to = Math.min(msg.length, from + 1 + random.nextInt(msg.length));
                c.receive(msg, from, to);
                from = to;
            }
            assertThat(c.frames).containsExactly(msg);
        }
    }

    @Test
    void pairsBackToBackWithKeepAlivesBetween() {
        List<Corpus.Entry> all = framable().toList();
        for (int i = 0; i < all.size(); i++) {
            byte[] a = expectedFrame(all.get(i));
            byte[] b = expectedFrame(all.get((i + 1) % all.size()));
            byte[] stream = concat(new byte[] {'\r', '\n', '\r', '\n'}, a, new byte[] {'\r', '\n'}, b);
            for (int cut = 0; cut <= stream.length; cut++) {
                Connection c = new Connection(framer);
                c.receive(stream, 0, cut);
                c.receive(stream, cut, stream.length);
                assertThat(c.frames).as("%s + %s cut at %d", all.get(i), all.get((i + 1) % all.size()), cut)
                        .containsExactly(a, b);
            }
        }
    }

    @Test
    void keepAlivesAloneAreSkipped() {
        StreamFramer.Frame f = framer.next(new byte[] {'\r', '\n', '\r', '\n'}, 0, 4);
        assertThat(f.skip()).isEqualTo(4);
        assertThat(f.complete()).isFalse();
        assertThat(f.failure()).isNull();
    }

    @Test
    void missingContentLengthFailsAndSalvagesTheRequest() {
        byte[] inv2543 = Corpus.get(Corpus.RFC4475, "inv2543").bytes();
        StreamFramer.Frame f = framer.next(inv2543, 0, inv2543.length);
        assertThat(f.failure().error()).isEqualTo(ParseError.BAD_CONTENT_LENGTH);
        assertThat(f.failure().header()).isEqualTo("Content-Length");
        assertThat(f.failure().partial().callId()).isEqualTo("inv2543.1717@ift.client.example.com");
    }

    @Test
    void badContentLengthValuesFail() {
        for (String cl : new String[] {"Content-Length: 1x", "Content-Length:", "l: -1", "Content-Length: 99999999999"}) {
            byte[] msg = SipText.lines("OPTIONS sip:a@example.com SIP/2.0", "Via: SIP/2.0/TCP h.example.com;branch=z9hG4bK1",
                    cl, "", "");
            StreamFramer.Frame f = framer.next(msg, 0, msg.length);
            assertThat(f.failure()).as(cl).isNotNull();
            assertThat(f.failure().error()).as(cl).isEqualTo(ParseError.BAD_CONTENT_LENGTH);
        }
        byte[] mcl01 = Corpus.get(Corpus.RFC4475, "mcl01").bytes();
        assertThat(framer.next(mcl01, 0, mcl01.length).failure().error()).isEqualTo(ParseError.BAD_CONTENT_LENGTH);
    }

    @Test
    void compactAndFoldedContentLength() {
        byte[] msg = SipText.lines("MESSAGE sip:a@example.com SIP/2.0", "L :", "  3", "Via: SIP/2.0/TCP h;branch=z9hG4bK1", "", "abcNEXT");
        StreamFramer.Frame f = framer.next(msg, 0, msg.length);
        assertThat(f.failure()).isNull();
        assertThat(f.length()).isEqualTo(msg.length - 4);
    }

    @Test
    void limitsAreEnforced() {
        StreamFramer small = new StreamFramer(new SyntaxLimits(300, 120, 64, 1024));
        byte[] longHeaders = SipText.lines("OPTIONS sip:a@example.com SIP/2.0", "Subject: " + "x".repeat(200));
        StreamFramer.Frame f = small.next(longHeaders, 0, longHeaders.length);
        assertThat(f.failure().error()).isEqualTo(ParseError.TOO_LARGE);
        byte[] bigBody = SipText.lines("OPTIONS sip:a@example.com SIP/2.0", "Content-Length: 1000", "", "");
        assertThat(small.next(bigBody, 0, bigBody.length).failure().error()).isEqualTo(ParseError.TOO_LARGE);
    }

    @Test
    void garbageIsRejectedAtTheFirstLine() {
        byte[] http = SipText.lines("GET / HTTP/1.1", "Host: x", "");
        StreamFramer.Frame f = framer.next(http, 0, http.length);
        assertThat(f.failure().error()).isEqualTo(ParseError.GARBAGE);
        assertThat(framer.next(null, 0, 0).failure()).isNotNull();
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
