package org.clearline.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutated and random inputs, with a fixed seed and a fixed count: whatever the
 * bytes, the parser and the framer answer with a value, never an exception,
 * and a message they accept is one whose accessors and encoding work.
 */
class ParserFuzzTest {
    private static final byte[] INTERESTING = {'\r', '\n', ' ', '\t', 0, ':', ';', ',', '<', '>', '"', '\\', '[', ']',
        '@', '%', '=', '?', '/', '0', '9', (byte) 0xff, (byte) 0x80};

    private final List<byte[]> corpus = Corpus.all().stream().map(Corpus.Entry::bytes).toList();
    private final MessageParser parser = new MessageParser(SyntaxLimits.DEFAULT);
    private final MessageParser tight = new MessageParser(new SyntaxLimits(600, 400, 12, 120));
    private final StreamFramer framer = new StreamFramer(SyntaxLimits.DEFAULT);

    @Test
    void mutatedCorpusMessages() {
        Random random = new Random(4475);
        int accepted = 0;
        for (int i = 0; i < 10_000; i++) {
            byte[] input = mutate(corpus.get(random.nextInt(corpus.size())), random);
            if (check(input)) accepted++;
        }
        // the mutations are mild enough that many still parse, so the checks on accepted messages ran
        assertThat(accepted).isGreaterThan(500);
    }

    @Test
    void randomBytes() {
        Random random = new Random(5118);
        for (int i = 0; i < 5_000; i++) {
            byte[] input = new byte[random.nextInt(300)];
            random.nextBytes(input);
            if (random.nextBoolean() && input.length > 8) System.arraycopy("SIP/2.0 ".getBytes(), 0, input, 0, 8);
            check(input);
        }
    }

    /** Returns true when the default parser accepted the input. */
    private boolean check(byte[] input) {
        ParseResult r = parser.parse(input);
        noInternalError(r);
        noInternalError(tight.parse(input));
        StreamFramer.Frame f = framer.next(input, 0, input.length);
        assertThat(f.skip() + f.length()).isBetween(0, input.length);
        if (f.failure() != null) noInternalError(f.failure());
        if (r instanceof ParseResult.Failure fail) {
            if (fail.partial() != null) {
                fail.partial().vias();
                fail.partial().from();
                fail.partial().to();
                fail.partial().cseq();
                fail.partial().toString();
            }
            return false;
        }
        SipMessage m = ((ParseResult.Success) r).message();
        assertThat(m.vias()).isNotEmpty();
        assertThat(m.from()).isNotNull();
        assertThat(m.to()).isNotNull();
        assertThat(m.cseq()).isNotNull();
        assertThat(m.callId()).isNotNull();
        m.maxForwards();
        m.expires();
        if (!m.isContactWildcard()) m.addressList(HeaderNames.CONTACT);
        m.addressList(HeaderNames.ROUTE);
        m.addressList(HeaderNames.RECORD_ROUTE);
        // what we accept, we can send, and the receiver reads the same message back
        ParseResult again = parser.parse(m.encode());
        assertThat(again).as(() -> SipText.text(input)).isInstanceOf(ParseResult.Success.class);
        assertThat(((ParseResult.Success) again).message().startLine()).isEqualTo(m.startLine());
        return true;
    }

    private static void noInternalError(ParseResult r) {
        if (r instanceof ParseResult.Failure f) assertThat(f.detail()).doesNotStartWith(MessageParser.INTERNAL);
    }

    private static byte[] mutate(byte[] original, Random random) {
        byte[] b = original;
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            if (b.length == 0) return b;
            int at = random.nextInt(b.length);
            switch (random.nextInt(6)) {
                case 0 -> {
                    b = b.clone();
                    b[at] = INTERESTING[random.nextInt(INTERESTING.length)];
                }
                case 1 -> {
                    b = b.clone();
                    b[at] = (byte) random.nextInt(256);
                }
                case 2 -> b = Arrays.copyOf(b, at);
                case 3 -> {
                    int len = Math.min(b.length - at, 1 + random.nextInt(20));
                    byte[] out = new byte[b.length - len];
                    System.arraycopy(b, 0, out, 0, at);
                    System.arraycopy(b, at + len, out, at, b.length - at - len);
                    b = out;
                }
                case 4 -> {
                    byte[] out = new byte[b.length + 1];
                    System.arraycopy(b, 0, out, 0, at);
                    out[at] = INTERESTING[random.nextInt(INTERESTING.length)];
                    System.arraycopy(b, at, out, at + 1, b.length - at);
                    b = out;
                }
                default -> {
                    int len = Math.min(b.length - at, 1 + random.nextInt(40));
                    byte[] out = new byte[b.length + len];
                    System.arraycopy(b, 0, out, 0, at + len);
                    System.arraycopy(b, at, out, at + len, b.length - at);
                    b = out;
                }
            }
        }
        return b;
    }
}
