package org.clearline.store;

import static org.clearline.store.LadderBlob.CHANGED;
import static org.clearline.store.LadderBlob.MAX_INFLATED_BYTES;
import static org.clearline.store.LadderBlob.MAX_MESSAGES;
import static org.clearline.store.LadderBlob.WHOLE;
import static org.clearline.store.LadderBlob.unzigzag;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.clearline.store.LadderBlob.Decoded;

/**
 * Reads the records of an inflated {@link LadderBlob} (its plain, or one part of it),
 * checking every length against what is left, and the header fields of a blob.
 * Never throws on bad input: a record that does not add up ends the reading with
 * a problem named in one line.
 */
final class LadderReader {
    private final byte[] data;
    /** Where reading goes on; {@link LadderBlob} moves it over a blob's header and frames. */
    int pos;
    /** The time of the message read last (the next one's is relative to it). */
    private long at;
    /**
     * The bytes of every message read so far, over all parts, for the CHANGED ones
     * after them (null for a record of the first versions, which none refers to).
     */
    private List<byte[]> texts = new ArrayList<>();
    /** Bytes of text made so far: CHANGED records could repeat a large message thousands of times. */
    private long made;

    LadderReader(byte[] data) {
        this.data = data;
    }

    /** A reader of the next part of a ladder, going on from {@code before}. */
    LadderReader(byte[] data, LadderReader before) {
        this.data = data;
        this.at = before.at;
        this.texts = before.texts;
        this.made = before.made;
    }

    Decoded messages() {
        long count = varLong();
        if (count < 0 || count > MAX_MESSAGES) return new Decoded.Corrupt("ladder claims " + count + " messages");
        List<LoggedMessage> out = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            if (!message(out)) {
                return new Decoded.Corrupt("ladder message " + (i + 1) + " of " + count + " is cut short or malformed");
            }
        }
        if (pos != data.length) return new Decoded.Corrupt("ladder has " + (data.length - pos) + " stray bytes");
        return new Decoded.Messages(out);
    }

    /** The records of one part, to its end, added to {@code out}; null, or the problem. */
    String records(List<LoggedMessage> out) {
        while (pos < data.length) {
            if (out.size() >= MAX_MESSAGES) return "ladder holds more than " + MAX_MESSAGES + " messages";
            if (!message(out)) return "ladder message " + (out.size() + 1) + " is cut short or malformed";
        }
        return null;
    }

    /** Reads one message record into {@code out}; false when it is cut short or malformed. */
    private boolean message(List<LoggedMessage> out) {
        long delta = varLong();
        int kind = delta == Long.MIN_VALUE || pos >= data.length ? -1 : data[pos++];
        String peer = kind < 0 || kind > (CHANGED | 1) ? null : string();
        if (peer == null) return false;
        String startLine;
        String text;
        byte[] bytes = null;  // the first versions' records: none, and no later record refers to them
        if (kind < WHOLE) {
            startLine = string();
            text = startLine == null ? null : string();
        } else {
            bytes = kind < CHANGED ? bytes() : changed();
            if (bytes == null) return false;
            made += bytes.length;
            startLine = new String(bytes, 0, LadderEncoder.startLineLength(bytes), StandardCharsets.UTF_8);
            text = new String(bytes, StandardCharsets.UTF_8);
        }
        if (text == null) return false;
        texts.add(bytes);
        at += unzigzag(delta);
        out.add(new LoggedMessage(at, (kind & 1) == 0 ? LoggedMessage.Direction.IN
                : LoggedMessage.Direction.OUT, peer, startLine, text));
        return true;
    }

    /** The text of a CHANGED record, made from the earlier message it names; null when it does not add up. */
    private byte[] changed() {
        long back = varLong();
        long prefix = varLong();
        long suffix = varLong();
        long length = varLong();
        if (back < 1 || back > texts.size() || prefix < 0 || suffix < 0 || length < 0
                || length > data.length - pos) {
            return null;
        }
        byte[] base = texts.get(texts.size() - (int) back);
        if (base == null || prefix + suffix > base.length
                || made + prefix + length + suffix > MAX_INFLATED_BYTES) {  // checked before it is made
            return null;
        }
        byte[] text = new byte[(int) (prefix + length + suffix)];
        System.arraycopy(base, 0, text, 0, (int) prefix);
        System.arraycopy(data, pos, text, (int) prefix, (int) length);
        System.arraycopy(base, base.length - (int) suffix, text, (int) (prefix + length), (int) suffix);
        pos += (int) length;
        return text;
    }

    /** A string's bytes, or null when its length runs past the end. */
    private byte[] bytes() {
        int length = length();
        if (length < 0) return null;
        byte[] b = Arrays.copyOfRange(data, pos, pos + length);
        pos += length;
        return b;
    }

    /** A string's length, or -1 when it runs past the end. */
    private int length() {
        long length = varLong();
        return length < 0 || length > data.length - pos ? -1 : (int) length;
    }

    /** A varint, or Long.MIN_VALUE when it runs past the end or is too long. */
    long varLong() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= data.length) return Long.MIN_VALUE;
            byte b = data[pos++];
            value |= (long) (b & 0x7f) << shift;
            if (b >= 0) return value;
        }
        return Long.MIN_VALUE;
    }

    private String string() {
        int length = length();
        if (length < 0) return null;
        String s = new String(data, pos, length, StandardCharsets.UTF_8);
        pos += length;
        return s;
    }
}
