package org.clearline.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A ladder (the messages of one call or registration attempt) as one compact
 * value: a format byte, then the length-prefixed records compressed. SIP
 * messages of one exchange repeat most of their header lines, so they shrink
 * to an eighth.
 *
 * <pre>
 * blob    = ZSTD zstd-frame(plain)     (RFC 8878, content size and XXH64 checksum in the frame)
 *         | ZSTD_DICT varint(dictionary id) zstd-frame(plain, compressed with that dictionary)
 *         | ZLIB zlib(plain)           (RFC 1950 with its Adler-32; what the first version wrote)
 * plain   = varlong(count) message*
 * message = varlong(zigzag(atMillis - previous atMillis)) direction(0 in, 1 out)
 *           string(peer) string(startLine) string(text)
 * string  = varint(byte length) UTF-8 bytes
 * </pre>
 *
 * The writer encodes every call, so the compressor is chosen for speed: zstd at
 * level 1 packs a call's ladder as small as zlib does in about a quarter of the
 * time. Once the log has learnt a dictionary from its own ladders
 * ({@link LadderDictionaries}), zstd compresses with it: one ladder on its own
 * repeats too little for the compressor to find much, while the dictionary
 * already holds what every SIP exchange of this server says, so a ladder
 * shrinks to less than half and compresses in about half the time. Every format
 * is read forever; where zstd's native library cannot be loaded, blobs are
 * written as zlib.
 *
 * <p>Reading never throws: a blob that does not decode gives {@link Decoded.Corrupt}
 * naming the problem, so one damaged row cannot break a listing or the CLI.
 */
public final class LadderBlob {
    /** Format byte of a zlib blob (written when zstd is unavailable, and by the first version). */
    public static final int ZLIB = 1;
    /** Format byte of a zstd blob, what this version writes until the log has a dictionary. */
    public static final int ZSTD = 2;
    /** Format byte of a zstd blob compressed with one of the log's dictionaries (its id follows). */
    public static final int ZSTD_DICT = 3;
    /** The format new blobs are written in on this machine. */
    public static final int FORMAT = ZstdCodec.AVAILABLE ? ZSTD : ZLIB;
    /** More messages than this in one blob are taken as corruption (the recorder keeps far fewer). */
    static final int MAX_MESSAGES = 10_000;
    /** The inflated size a blob may reach; beyond it decoding stops (a damaged or hostile value). */
    static final int MAX_INFLATED_BYTES = 64 << 20;

    private LadderBlob() {}

    /** What a blob holds. */
    public sealed interface Decoded {
        record Messages(List<LoggedMessage> messages) implements Decoded {
            public Messages {
                messages = List.copyOf(messages);
            }
        }

        /** The blob could not be read; {@code problem} says why, in one line. */
        record Corrupt(String problem) implements Decoded {}
    }

    /**
     * One message as it went over the wire, for {@link Encoder#encodeWire}: its bytes
     * are written as they are, never made into text (the writer encodes every call).
     */
    public record Wire(long atMillis, LoggedMessage.Direction direction, String peer, byte[] bytes) {}

    /** Encodes {@code messages}; null for none (nothing is stored then). */
    public static byte[] encode(List<LoggedMessage> messages) {
        try (Encoder encoder = new Encoder()) {
            return encoder.encode(messages);
        }
    }

    /** Sees each ladder's plain bytes before they are compressed (what a dictionary is learnt from). */
    interface Sampler {
        /** {@code plain[0, length)}: the encoded ladder of {@code messages} messages; copy what is kept. */
        void offer(byte[] plain, int length, int messages);
    }

    /**
     * Encodes blobs one after another with one compressor and buffers that are
     * reused (a batch of the writer allocates little beyond the blobs). Not
     * thread-safe; close it to free the compressor's native memory.
     */
    public static final class Encoder implements AutoCloseable {
        private final int format;
        private final Deflater deflater;
        private final ZstdCodec.Compressor zstd;
        private final ZstdCodec.Dictionary dictionary;
        private final Sampler sampler;
        private final Bytes plain = new Bytes(32 * 1024);
        private final Bytes out = new Bytes(8 * 1024);

        /** An encoder of this machine's {@link #FORMAT}, without a dictionary. */
        public Encoder() {
            this(FORMAT);
        }

        /** An encoder of {@code format}, {@link #ZSTD} or {@link #ZLIB}. */
        Encoder(int format) {
            this(format, null, null);
        }

        /**
         * An encoder of this machine's format that compresses with {@code dictionary}
         * when there is one and zstd can, and shows {@code sampler} (when not null)
         * every ladder it encodes.
         */
        Encoder(ZstdCodec.Dictionary dictionary, Sampler sampler) {
            this(FORMAT, dictionary, sampler);
        }

        /** An encoder of {@code format}; {@code dictionary} (zstd only) and {@code sampler} may be null. */
        Encoder(int format, ZstdCodec.Dictionary dictionary, Sampler sampler) {
            if (format != ZLIB && format != ZSTD) throw new IllegalArgumentException("ladder format " + format);
            if (format == ZSTD && !ZstdCodec.AVAILABLE) throw new IllegalStateException(ZstdCodec.PROBLEM);
            this.format = format;
            this.deflater = format == ZLIB ? new Deflater(Deflater.BEST_SPEED) : null;
            this.zstd = format != ZSTD ? null
                    : dictionary == null ? new ZstdCodec.Compressor() : new ZstdCodec.Compressor(dictionary);
            this.dictionary = format == ZSTD ? dictionary : null;
            this.sampler = sampler;
        }

        /** The blob of {@code messages}; null for none. */
        public byte[] encode(List<LoggedMessage> messages) {
            if (messages == null || messages.isEmpty()) return null;
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
            long previous = 0;
            for (Wire m : messages) {
                plain.varLong(zigzag(m.atMillis() - previous));
                previous = m.atMillis();
                plain.add(m.direction() == LoggedMessage.Direction.IN ? 0 : 1);
                plain.string(m.peer());
                byte[] b = m.bytes();
                plain.raw(b, startLineLength(b));
                plain.raw(b, b.length);
            }
            return compress(messages.size());
        }

        private byte[] compress(int messages) {
            if (sampler != null) sampler.offer(plain.data, plain.size, messages);
            out.size = 0;
            if (format == ZSTD) {
                if (dictionary == null) {
                    out.add(ZSTD);
                } else {
                    out.add(ZSTD_DICT);
                    out.varLong(dictionary.id());
                }
                out.grow(out.size + ZstdCodec.bound(plain.size));
                out.size += zstd.compress(plain.data, plain.size, out.data, out.size);
                return java.util.Arrays.copyOf(out.data, out.size);
            }
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

        @Override
        public void close() {
            if (deflater != null) deflater.end();
            if (zstd != null) zstd.close();
        }
    }

    /** Bytes before the first CRLF (all of them when there is none). */
    private static int startLineLength(byte[] b) {
        for (int i = 0; i + 1 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') return i;
        }
        return b.length;
    }

    /** The log's dictionaries by id, for reading ladders compressed with one; null for an id it does not have. */
    interface Dictionaries {
        Dictionaries NONE = id -> null;

        ZstdCodec.Dictionary find(int id);
    }

    /** Decodes a blob written without a dictionary; null or empty is an empty ladder. */
    public static Decoded decode(byte[] blob) {
        return decode(blob, Dictionaries.NONE);
    }

    /** Decodes a blob, looking up its dictionary in {@code dictionaries} if it was compressed with one. */
    static Decoded decode(byte[] blob, Dictionaries dictionaries) {
        if (blob == null || blob.length == 0) return new Decoded.Messages(List.of());
        return switch (blob[0] & 0xff) {
            case ZLIB -> inflate(blob);
            case ZSTD -> unzstd(ZstdCodec.decompress(blob, 1, MAX_INFLATED_BYTES));
            case ZSTD_DICT -> withDictionary(blob, dictionaries);
            default -> new Decoded.Corrupt("unknown ladder format " + (blob[0] & 0xff) + " (this version reads "
                    + ZLIB + ", " + ZSTD + " and " + ZSTD_DICT + ")");
        };
    }

    private static Decoded withDictionary(byte[] blob, Dictionaries dictionaries) {
        Reader header = new Reader(blob);
        header.pos = 1;
        long id = header.varLong();
        if (id < 0 || id > Integer.MAX_VALUE) return new Decoded.Corrupt("ladder is damaged: bad dictionary id");
        ZstdCodec.Dictionary dictionary = dictionaries.find((int) id);
        if (dictionary == null) {
            return new Decoded.Corrupt("ladder was compressed with dictionary " + id + ", which this log no longer has");
        }
        return unzstd(ZstdCodec.decompress(blob, header.pos, MAX_INFLATED_BYTES, dictionary));
    }

    private static Decoded unzstd(ZstdCodec.Result result) {
        return switch (result) {
            case ZstdCodec.Plain p -> new Reader(p.bytes()).messages();
            case ZstdCodec.Failed f -> new Decoded.Corrupt(f.problem());
        };
    }

    private static Decoded inflate(byte[] blob) {
        byte[] plain;
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(blob, 1, blob.length - 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream(blob.length * 4);
            byte[] chunk = new byte[16 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return new Decoded.Corrupt("ladder is truncated (" + blob.length + " bytes stored)");
                }
                out.write(chunk, 0, n);
                if (out.size() > MAX_INFLATED_BYTES) {
                    return new Decoded.Corrupt("ladder inflates beyond " + MAX_INFLATED_BYTES + " bytes");
                }
            }
            plain = out.toByteArray();
        } catch (DataFormatException e) {
            return new Decoded.Corrupt("ladder is damaged: " + (e.getMessage() == null ? "bad zlib data" : e.getMessage()));
        } finally {
            inflater.end();
        }
        return new Reader(plain).messages();
    }

    /** Reads the records of an inflated blob, checking every length against what is left. */
    private static final class Reader {
        private final byte[] data;
        private int pos;

        Reader(byte[] data) {
            this.data = data;
        }

        Decoded messages() {
            long count = varLong();
            if (count < 0 || count > MAX_MESSAGES) return new Decoded.Corrupt("ladder claims " + count + " messages");
            List<LoggedMessage> out = new ArrayList<>((int) count);
            long at = 0;
            for (int i = 0; i < count; i++) {
                long delta = varLong();
                int direction = pos < data.length ? data[pos++] : -1;
                String peer = delta == Long.MIN_VALUE || direction < 0 ? null : string();
                String startLine = peer == null ? null : string();
                String text = startLine == null ? null : string();
                if (text == null || (direction != 0 && direction != 1)) {
                    return new Decoded.Corrupt("ladder message " + (i + 1) + " of " + count + " is cut short or malformed");
                }
                at += unzigzag(delta);
                out.add(new LoggedMessage(at, direction == 0 ? LoggedMessage.Direction.IN
                        : LoggedMessage.Direction.OUT, peer, startLine, text));
            }
            if (pos != data.length) return new Decoded.Corrupt("ladder has " + (data.length - pos) + " stray bytes");
            return new Decoded.Messages(out);
        }

        /** A varint, or Long.MIN_VALUE when it runs past the end or is too long. */
        private long varLong() {
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
            long length = varLong();
            if (length < 0 || length > data.length - pos) return null;
            String s = new String(data, pos, (int) length, StandardCharsets.UTF_8);
            pos += (int) length;
            return s;
        }
    }

    /** A growable byte array without the locking of ByteArrayOutputStream (the writer encodes every call). */
    private static final class Bytes {
        byte[] data;
        int size;

        Bytes(int capacity) {
            data = new byte[Math.max(16, capacity)];
        }

        void grow(int needed) {
            if (needed > data.length) data = java.util.Arrays.copyOf(data, Math.max(needed, data.length * 2));
        }

        void add(int b) {
            grow(size + 1);
            data[size++] = (byte) b;
        }

        void varLong(long v) {
            grow(size + 10);
            while ((v & ~0x7fL) != 0) {
                data[size++] = (byte) ((v & 0x7f) | 0x80);
                v >>>= 7;
            }
            data[size++] = (byte) v;
        }

        void string(String s) {
            byte[] b = (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
            raw(b, b.length);
        }

        /** The first {@code length} bytes of {@code b}, length first. */
        void raw(byte[] b, int length) {
            varLong(length);
            grow(size + length);
            System.arraycopy(b, 0, data, size, length);
            size += length;
        }
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }
}
