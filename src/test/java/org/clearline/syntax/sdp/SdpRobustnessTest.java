package org.clearline.syntax.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Line-ending leniency, and no body (cut short or mangled) ever makes the parser throw or fail internally. */
class SdpRobustnessTest {
    static final java.util.List<String> FIXTURES = Fixtures.ALL;

    @ParameterizedTest
    @FieldSource("FIXTURES")
    void bareLfTrailingBlanksAndMissingFinalNewlineReadTheSame(String name) {
        SessionDescription crlf = Fixtures.parsed(name);
        String text = new String(Fixtures.bytes(name), StandardCharsets.UTF_8);
        assertThat(Sdp.parse(text.replace("\r\n", "\n"))).isEqualTo(crlf);
        assertThat(Sdp.parse(text.replace("\r\n", " \t\r\n"))).isEqualTo(crlf);
        assertThat(Sdp.parse(text.strip())).isEqualTo(crlf);
        assertThat(Sdp.parse(text + "\r\n\r\n")).isEqualTo(crlf);
    }

    @ParameterizedTest
    @FieldSource("FIXTURES")
    void everyTruncationIsAValueNeverAnException(String name) {
        byte[] b = Fixtures.bytes(name);
        for (int len = 0; len <= b.length; len++) {
            assertWellBehaved(Arrays.copyOf(b, len));
        }
    }

    @ParameterizedTest
    @FieldSource("FIXTURES")
    void seededByteMutationsAreValuesNeverExceptions(String name) {
        byte[] original = Fixtures.bytes(name);
        Random random = new Random(name.hashCode());
        byte[] interesting = " =/:\r\n\t0a-m\"\u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        for (int round = 0; round < 2000; round++) {
            byte[] b = original.clone();
            for (int k = 1 + random.nextInt(4); k > 0; k--) {
                int at = random.nextInt(b.length);
                b[at] = random.nextBoolean() ? interesting[random.nextInt(interesting.length)] : (byte) random.nextInt(256);
            }
            assertWellBehaved(b);
        }
    }

    private static void assertWellBehaved(byte[] body) {
        assertThatCode(() -> {
            SdpResult r = Sdp.parse(body);
            assertThat(r).isNotNull();
            if (r instanceof SdpError e) {
                assertThat(e.reason()).doesNotStartWith(Sdp.INTERNAL).matches("[\\x20-\\x7E&&[^\"\\\\]]+");
                assertThat(e.line()).isPositive();
            }
        }).as("body %s", new String(body, StandardCharsets.ISO_8859_1)).doesNotThrowAnyException();
    }
}
