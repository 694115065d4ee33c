package org.clearline.store;

import static org.clearline.store.LadderBlob.BIG_ENDIAN_INT;
import static org.clearline.store.LadderBlob.CHANGED;
import static org.clearline.store.LadderBlob.CHECKED;
import static org.clearline.store.LadderBlob.CHECKED_HEADER;
import static org.clearline.store.LadderBlob.FORMAT;
import static org.clearline.store.LadderBlob.MAX_INFLATED_BYTES;
import static org.clearline.store.LadderBlob.PARTS;
import static org.clearline.store.LadderBlob.WHOLE;
import static org.clearline.store.LadderBlob.ZLIB;
import static org.clearline.store.LadderBlob.ZSTD;
import static org.clearline.store.LadderBlob.ZSTD_DICT;
import static org.clearline.store.LadderBlob.zigzag;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.Deflater;

/**
 * Writes ladders as {@link LadderBlob}s, one after another, with one compressor
 * and buffers that are reused (a batch of the writer allocates little beyond the
 * blobs). Not thread-safe; close it to free the compressor's native memory.
 */
public final class LadderEncoder implements AutoCloseable {
    /**
     * How many messages back a message looks for the one it repeats: a relayed copy
     * follows its original within a few messages (a response goes out right after it
     * came in; an INVITE after the 100 that answered it).
     */
    static final int MAX_BACK = 8;
    /**
     * An earlier message is looked at only when it begins with the same bytes as this many:
     * a request of the same method, or a response (the copy of a message always does).
     */
    static final int SAME_KIND = 4;
    /** A message is written as what differs from an earlier one when they share at least this many bytes. */
    static final int MIN_SHARED = 64;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * One message as it went over the wire, for {@link #encodeWire}: its bytes
     * are written as they are, never made into text (the writer encodes every call).
     */
    public record Wire(long atMillis, LoggedMessage.Direction direction, String peer, byte[] bytes) {}

    /**
     * The first messages of an exchange in progress, compressed ({@link #part}):
     * a zstd frame of their records without the count, what it was compressed with,
     * and the time of its last message (the next part's times go on from it).
     */
    public static final class Part {
        private final byte[] frame;
        private final int messages;
        private final long lastAt;
        private final ZstdCodec.Dictionary dictionary;

        private Part(byte[] frame, int messages, long lastAt, ZstdCodec.Dictionary dictionary) {
            this.frame = frame;
            this.messages = messages;
            this.lastAt = lastAt;
            this.dictionary = dictionary;
        }

        /** The bytes it takes. */
        public int size() {
            return frame.length;
        }

        /** How many messages it holds. */
        public int messages() {
            return messages;
        }
    }

    /** Sees each ladder's plain bytes before they are compressed (what a dictionary is learnt from). */
    interface Sampler {
        /** {@code plain[0, length)}: the encoded ladder of {@code messages} messages; copy what is kept. */
        void offer(byte[] plain, int length, int messages);
    }

    private final int format;
    private final Deflater deflater;
    private final ZstdCodec.Compressor zstd;
    private final ZstdCodec.Dictionary dictionary;
    private final Sampler sampler;
    private final LadderBytes plain = new LadderBytes(32 * 1024);
    private final LadderBytes out = new LadderBytes(8 * 1024);
    private final LadderBytes frame = new LadderBytes(8 * 1024);

    /** An encoder of this machine's {@link LadderBlob#FORMAT}, without a dictionary. */
    public LadderEncoder() {
        this(FORMAT);
    }

    /** An encoder of {@code format}, {@link LadderBlob#ZSTD} or {@link LadderBlob#ZLIB}. */
    LadderEncoder(int format) {
        this(format, null, null);
    }

    /**
     * An encoder of this machine's format that compresses with {@code dictionary}
     * when there is one and zstd can, and shows {@code sampler} (when not null)
     * every ladder it encodes.
     */
    LadderEncoder(ZstdCodec.Dictionary dictionary, Sampler sampler) {
        this(FORMAT, dictionary, sampler);
    }

    /** An encoder of {@code format}; {@code dictionary} (zstd only) and {@code sampler} may be null. */
    LadderEncoder(int format, ZstdCodec.Dictionary dictionary, Sampler sampler) {
        if (format != ZLIB && format != ZSTD) throw new IllegalArgumentException("ladder format " + format);
        if (format == ZSTD && !ZstdCodec.AVAILABLE) throw new IllegalStateException(ZstdCodec.PROBLEM);
        this.format = format;
        this.deflater = format == ZLIB ? new Deflater(Deflater.BEST_SPEED) : null;
        this.zstd = format != ZSTD ? null
                : dictionary == null ? new ZstdCodec.Compressor() : new ZstdCodec.Compressor(dictionary);
        this.dictionary = format == ZSTD ? dictionary : null;
        this.sampler = sampler;
    }

    /**
     * The blob of {@code messages}; null for none. Messages whose start line is the
     * text before its first CRLF (all that come from the wire) are written as
     * {@link #encodeWire} writes them; a ladder with any other is written in the
     * first versions' records, which carry each start line.
     */
    public byte[] encode(List<LoggedMessage> messages) {
        if (messages == null || messages.isEmpty()) return null;
        List<Wire> wire = new java.util.ArrayList<>(messages.size());
        for (LoggedMessage m : messages) {
            byte[] text = (m.text() == null ? "" : m.text()).getBytes(StandardCharsets.UTF_8);
            if (!(m.startLine() == null ? "" : m.startLine())
                    .equals(new String(text, 0, startLineLength(text), StandardCharsets.UTF_8))) {
                return encodeWithStartLines(messages);
            }
            wire.add(new Wire(m.atMillis(), m.direction(), m.peer(), text));
        }
        return encodeWire(wire);
    }

    /** The first versions' records: each with its start line beside its text. */
    private byte[] encodeWithStartLines(List<LoggedMessage> messages) {
        plain.size = 0;
        plain.varLong(messages.size());
        long previous = 0;
        for (LoggedMessage m : messages) {
            plain.varLong(zigzag(m.atMillis() - previous));
            previous = m.atMillis();
            plain.add(m.direction() == LoggedMessage.Direction.IN ? 0 : 1);
            plain.string(m.peer());
            plain.string(m.startLine());
            plain.string(m.text());
        }
        return compress(messages.size());
    }

    /**
     * The blob of messages given as wire bytes: the same value {@link #encode} gives
     * for their UTF-8 text, with each start line the bytes before the first CRLF.
     */
    public byte[] encodeWire(List<Wire> messages) {
        if (messages == null || messages.isEmpty()) return null;
        plain.size = 0;
        plain.varLong(messages.size());
        records(messages, 0);
        return compress(messages.size());
    }

    /**
     * The first messages of an exchange still in progress as one {@link Part}, to be
     * finished by {@link #encodeWire(List, List)}; null where parts are not written
     * (zlib, when zstd is not available) or for no messages.
     */
    public Part part(List<Wire> messages) {
        if (format != ZSTD || messages.isEmpty()) return null;
        plain.size = 0;
        long last = records(messages, 0);
        if (sampler != null) sampler.offer(plain.data, plain.size, messages.size());
        return new Part(java.util.Arrays.copyOf(frame.data, zstdFrame()), messages.size(), last, dictionary);
    }

    /**
     * The blob of an exchange whose first messages were compressed while it went on
     * ({@code parts}, in order) and of the messages that came after them: the parts as
     * they are and the rest as one more; null for none at all. Parts made with another
     * dictionary (the log learnt a new one meanwhile) are unpacked and written again,
     * so every blob needs one dictionary at most.
     */
    public byte[] encodeWire(List<Part> parts, List<Wire> rest) {
        if (parts.isEmpty()) return encodeWire(rest);
        boolean asMade = format == ZSTD;
        for (Part p : parts) asMade &= p.dictionary == dictionary;
        if (!asMade) return unpacked(parts, rest);
        beginChecked();
        out.add(PARTS);
        out.varLong(dictionary == null ? 0 : dictionary.id());
        int count = rest.size();
        for (Part p : parts) count += p.messages;
        out.varLong(count);
        for (Part p : parts) out.raw(p.frame, p.frame.length);
        if (!rest.isEmpty()) {
            plain.size = 0;
            records(rest, parts.get(parts.size() - 1).lastAt);
            if (sampler != null) sampler.offer(plain.data, plain.size, rest.size());
            int length = zstdFrame();
            out.raw(frame.data, length);
        }
        return sealed();
    }

    /** The parts' records unpacked and the rest after them, as one plain compressed the usual way. */
    private byte[] unpacked(List<Part> parts, List<Wire> rest) {
        int count = rest.size();
        for (Part p : parts) count += p.messages;
        plain.size = 0;
        plain.varLong(count);
        for (Part p : parts) {
            // the writer's own bytes, made moments ago: they cannot fail to decompress unless memory is damaged
            byte[] records = switch (ZstdCodec.decompress(p.frame, 0, p.frame.length, MAX_INFLATED_BYTES,
                    p.dictionary)) {
                case ZstdCodec.Plain ok -> ok.bytes();
                case ZstdCodec.Failed f -> throw new IllegalStateException("a ladder part of this writer: "
                        + f.problem());
            };
            plain.grow(plain.size + records.length);
            System.arraycopy(records, 0, plain.data, plain.size, records.length);
            plain.size += records.length;
        }
        records(rest, parts.get(parts.size() - 1).lastAt);
        return compress(count);
    }

    /**
     * Appends the records of {@code messages} to the plain, times going on from
     * {@code previous}; returns the last. A message that repeats most of one of the
     * {@link #MAX_BACK} before it (the copy of a request or response the proxy relayed,
     * a retransmission) is written as what differs from it: the compressor then
     * reads a call's ladder at about 60 % of its size.
     */
    private long records(List<Wire> messages, long previous) {
        for (int i = 0; i < messages.size(); i++) {
            Wire m = messages.get(i);
            plain.varLong(zigzag(m.atMillis() - previous));
            previous = m.atMillis();
            int direction = m.direction() == LoggedMessage.Direction.IN ? 0 : 1;
            byte[] b = m.bytes();
            int base = -1;
            int prefix = 0;
            int suffix = 0;
            for (int j = i - 1; j >= 0 && j >= i - MAX_BACK; j--) {
                byte[] earlier = messages.get(j).bytes();
                int p = commonPrefix(b, earlier);
                if (p < SAME_KIND) continue;  // a request of another method, or a response to a request
                int s = commonSuffix(b, earlier, Math.min(b.length, earlier.length) - p);
                if (p + s > prefix + suffix) {
                    base = j;
                    prefix = p;
                    suffix = s;
                    if (8L * (p + s) >= 7L * b.length) break;  // as good as a copy gets
                }
            }
            boolean changed = prefix + suffix >= MIN_SHARED;
            plain.add((changed ? CHANGED : WHOLE) | direction);
            plain.string(m.peer());
            if (changed) {
                plain.varLong(i - base);
                plain.varLong(prefix);
                plain.varLong(suffix);
                plain.raw(b, prefix, b.length - prefix - suffix);
            } else {
                plain.raw(b, 0, b.length);
            }
        }
        return previous;
    }

    /** Bytes {@code a} and {@code b} share at their start. */
    static int commonPrefix(byte[] a, byte[] b) {
        int i = java.util.Arrays.mismatch(a, b);
        return i < 0 ? a.length : i;
    }

    /** Bytes {@code a} and {@code b} share at their end, at most {@code max}; eight at a time where it can. */
    static int commonSuffix(byte[] a, byte[] b, int max) {
        int n = 0;
        while (n + Long.BYTES <= max) {
            long x = (long) LONGS.get(a, a.length - n - Long.BYTES) ^ (long) LONGS.get(b, b.length - n - Long.BYTES);
            // little-endian: the byte nearest the end is the long's most significant one
            if (x != 0) return n + Long.numberOfLeadingZeros(x) / Byte.SIZE;
            n += Long.BYTES;
        }
        while (n < max && a[a.length - n - 1] == b[b.length - n - 1]) n++;
        return n;
    }

    /** Compresses the plain into {@link #frame} (zstd only); returns the frame's length. */
    private int zstdFrame() {
        frame.size = 0;
        frame.grow(ZstdCodec.bound(plain.size));
        return zstd.compress(plain.data, plain.size, frame.data, 0);
    }

    private byte[] compress(int messages) {
        if (sampler != null) sampler.offer(plain.data, plain.size, messages);
        if (format == ZSTD) {
            beginChecked();
            if (dictionary == null) {
                out.add(ZSTD);
            } else {
                out.add(ZSTD_DICT);
                out.varLong(dictionary.id());
            }
            out.grow(out.size + ZstdCodec.bound(plain.size));
            out.size += zstd.compress(plain.data, plain.size, out.data, out.size);
            return sealed();
        }
        out.size = 0;
        out.add(ZLIB);
        deflater.reset();
        deflater.setInput(plain.data, 0, plain.size);
        deflater.finish();
        while (!deflater.finished()) {
            if (out.size == out.data.length) out.grow(out.size + 1);
            out.size += deflater.deflate(out.data, out.size, out.data.length - out.size);
        }
        return java.util.Arrays.copyOf(out.data, out.size);
    }

    /** Starts a zstd blob in {@link #out}: CHECKED, and room for the CRC that {@link #sealed} writes. */
    private void beginChecked() {
        out.size = 0;
        out.grow(CHECKED_HEADER);
        out.add(CHECKED);
        out.size = CHECKED_HEADER;
    }

    /** The blob begun by {@link #beginChecked}, with the CRC-32C of what follows the CRC. */
    private byte[] sealed() {
        BIG_ENDIAN_INT.set(out.data, 1, LadderBlob.crc32c(out.data, CHECKED_HEADER, out.size));
        return java.util.Arrays.copyOf(out.data, out.size);
    }

    @Override
    public void close() {
        if (deflater != null) deflater.end();
        if (zstd != null) zstd.close();
    }

    /** Bytes before the first CRLF (all of them when there is none). */
    static int startLineLength(byte[] b) {
        for (int i = 0; i + 1 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') return i;
        }
        return b.length;
    }
}
