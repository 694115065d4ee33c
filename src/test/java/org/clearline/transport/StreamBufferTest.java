package org.clearline.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StreamBufferTest {

    private static String text(StreamBuffer b) {
        return new String(b.array(), b.start(), b.readable(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void appendsAndConsumesInOrder() {
        StreamBuffer b = new StreamBuffer();
        b.append(Unpooled.copiedBuffer("INVITE ", StandardCharsets.ISO_8859_1));
        b.append(Unpooled.copiedBuffer("sip:bob@example.com", StandardCharsets.ISO_8859_1));
        assertThat(text(b)).isEqualTo("INVITE sip:bob@example.com");
        b.skip(7);
        assertThat(text(b)).isEqualTo("sip:bob@example.com");
    }

    @Test
    void releasesTheArrayWhenEverythingIsConsumed() {
        StreamBuffer b = new StreamBuffer();
        byte[] msg = "OPTIONS".getBytes(StandardCharsets.ISO_8859_1);
        b.append(msg, 0, msg.length);
        b.skip(msg.length);
        assertThat(b.isEmpty()).isTrue();
        assertThat(b.array()).as("an idle connection holds no buffer").isNull();
    }

    @Test
    void oneByteAtATimeKeepsEveryByteAndGrowsGeometrically() {
        StreamBuffer b = new StreamBuffer();
        int grows = 0;
        byte[] last = null;
        for (int i = 0; i < 100_000; i++) {
            b.append(new byte[] {(byte) ('a' + i % 26)}, 0, 1);
            if (b.array() != last) {
                grows++;
                last = b.array();
            }
        }
        assertThat(b.readable()).isEqualTo(100_000);
        assertThat(grows).as("doubling, not one copy per byte").isLessThan(12);
        for (int i = 0; i < 100_000; i++) assertThat(b.array()[b.start() + i]).isEqualTo((byte) ('a' + i % 26));
    }

    @Test
    void slidesLiveBytesDownInsteadOfGrowingWhenMostIsConsumed() {
        StreamBuffer b = new StreamBuffer();
        byte[] big = new byte[1024];
        big[1000] = 'X';
        b.append(big, 0, big.length);
        byte[] before = b.array();
        b.skip(1000);
        b.append(new byte[] {'Y'}, 0, 1);
        assertThat(b.array()).isSameAs(before);
        assertThat(b.readable()).isEqualTo(25);
        assertThat(b.array()[b.start()]).isEqualTo((byte) 'X');
        assertThat(b.array()[b.start() + 24]).isEqualTo((byte) 'Y');
    }

    @Test
    void refusesToSkipMoreThanBuffered() {
        StreamBuffer b = new StreamBuffer();
        b.append(new byte[] {1, 2}, 0, 2);
        assertThatThrownBy(() -> b.skip(3)).isInstanceOf(IllegalArgumentException.class);
    }
}
