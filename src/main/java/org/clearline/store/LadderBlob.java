package org.clearline.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
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
 *         | PARTS varint(dictionary id, 0 for none) varlong(count) part+
 * part    = varint(frame length) zstd-frame(message*)
 * plain   = varlong(count) message*
 * message = varlong(zigzag(atMillis - previous atMillis)) kind string(peer) body
 * kind    = direction (0 in, 1 out), plus WHOLE (2) or CHANGED (4)
 * body    = string(startLine) string(text)       kind 0, 1: what the first versions wrote
 *         | string(text)                         WHOLE: the start line is the text before its first CRLF
 *         | varint(back) varint(prefix) varint(suffix) string(middle)
 *                                                CHANGED: the text is the first prefix bytes of the
 *                                                message back messages before it, then middle, then
 *                                                the last suffix bytes of that message
 * string  = varint(byte length) bytes (UTF-8; a message's text is its bytes as sent or received)
 * </pre>
 *
 * <p>A proxy's ladder holds most messages twice: as they came in and as they were
 * relayed, changed in a few header lines. Written as CHANGED, the copy costs the
 * compressor only what differs (the benchmark's call: its plain shrinks by 40 %, its
 * blob by a fifth), and the start line, which the text already holds, is not written again.
 *
 * <p>The writer encodes every call, so the compressor is chosen for speed: zstd at
 * level 1 packs a call's ladder as small as zlib does in about a quarter of the
 * time. Once the log has learnt a dictionary from its own ladders
 * ({@link LadderDictionaries}), zstd compresses with it: one ladder on its own
 * repeats too little for the compressor to find much, while the dictionary
 * already holds what every SIP exchange of this server says, so a ladder
 * shrinks to less than half and compresses in about half the time. Every format
 * is read forever; where zstd's native library cannot be loaded, blobs are
 * written as zlib.
 *
 * <p>A call that goes on after it was answered need not hold its first messages
 * until it ends: the writer compresses them into a {@link LadderEncoder.Part} while the call
 * lasts, and the blob is then made of the parts and a last part of the rest
 * (PARTS). The times go on from part to part as in one plain; parts made with
 * another dictionary than the final one are unpacked and written as one plain.
 *
 * <p>{@link LadderEncoder} writes the formats; this class names them and reads them.
 * Reading never throws: a blob that does not decode gives {@link Decoded.Corrupt}
 * naming the problem, so one damaged row cannot break a listing or the CLI.
 */
public final class LadderBlob {
    /** Format byte of a zlib blob (written when zstd is unavailable, and by the first version). */
    public static final int ZLIB = 1;
    /** Format byte of a zstd blob, what this version writes until the log has a dictionary. */
    public static final int ZSTD = 2;
    /** Format byte of a zstd blob compressed with one of the log's dictionaries (its id follows). */
    public static final int ZSTD_DICT = 3;
    /** Format byte of a ladder written in parts, the first ones made while its exchange went on. */
    public static final int PARTS = 4;
    /** Added to a message's direction: its text follows alone (its start line is its first line). */
    static final int WHOLE = 2;
    /** Added to a message's direction: its text is written as what differs from an earlier message's. */
    static final int CHANGED = 4;
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

    /** Encodes {@code messages}; null for none (nothing is stored then). */
    public static byte[] encode(List<LoggedMessage> messages) {
        try (LadderEncoder encoder = new LadderEncoder()) {
            return encoder.encode(messages);
        }
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
            case PARTS -> inParts(blob, dictionaries);
            default -> new Decoded.Corrupt("unknown ladder format " + (blob[0] & 0xff) + " (this version reads "
                    + ZLIB + ", " + ZSTD + ", " + ZSTD_DICT + " and " + PARTS + ")");
        };
    }

    private static Decoded inParts(byte[] blob, Dictionaries dictionaries) {
        Reader header = new Reader(blob);
        header.pos = 1;
        Named named = dictionary(header, dictionaries, true);
        if (named.problem() != null) return named.problem();
        ZstdCodec.Dictionary dictionary = named.dictionary();
        long count = header.varLong();
        if (count <= 0 || count > MAX_MESSAGES) return new Decoded.Corrupt("ladder claims " + count + " messages");
        List<LoggedMessage> out = new ArrayList<>((int) count);
        Reader part = null;
        int inflated = 0;
        do {
            long length = header.varLong();
            if (length <= 0 || length > blob.length - header.pos) {
                return new Decoded.Corrupt("ladder is truncated (" + blob.length + " bytes stored)");
            }
            byte[] records;
            switch (ZstdCodec.decompress(blob, header.pos, (int) length, MAX_INFLATED_BYTES - inflated, dictionary)) {
                case ZstdCodec.Plain p -> records = p.bytes();
                case ZstdCodec.Failed f -> {
                    return new Decoded.Corrupt(f.problem());
                }
            }
            inflated += records.length;
            header.pos += (int) length;
            part = part == null ? new Reader(records) : new Reader(records, part);
            String problem = part.records(out);
            if (problem != null) return new Decoded.Corrupt(problem);
        } while (header.pos < blob.length);
        if (out.size() != count) {
            return new Decoded.Corrupt("ladder holds " + out.size() + " of the " + count + " messages it claims");
        }
        return new Decoded.Messages(out);
    }

    private static Decoded withDictionary(byte[] blob, Dictionaries dictionaries) {
        Reader header = new Reader(blob);
        header.pos = 1;
        Named named = dictionary(header, dictionaries, false);
        if (named.problem() != null) return named.problem();
        return unzstd(ZstdCodec.decompress(blob, header.pos, MAX_INFLATED_BYTES, named.dictionary()));
    }

    /** The dictionary a blob names, or why it cannot be had; a null dictionary for none. */
    private record Named(ZstdCodec.Dictionary dictionary, Decoded.Corrupt problem) {}

    /**
     * Reads the dictionary id at {@code header}'s position and finds that dictionary;
     * id 0 names none where {@code zeroIsNone} (PARTS), else it is looked up like any other.
     */
    private static Named dictionary(Reader header, Dictionaries dictionaries, boolean zeroIsNone) {
        long id = header.varLong();
        if (id < 0 || id > Integer.MAX_VALUE) {
            return new Named(null, new Decoded.Corrupt("ladder is damaged: bad dictionary id"));
        }
        if (id == 0 && zeroIsNone) return new Named(null, null);
        ZstdCodec.Dictionary dictionary = dictionaries.find((int) id);
        if (dictionary == null) {
            return new Named(null, new Decoded.Corrupt("ladder was compressed with dictionary " + id
                    + ", which this log no longer has"));
        }
        return new Named(dictionary, null);
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
        /** The time of the message read last (the next one's is relative to it). */
        private long at;
        /**
         * The bytes of every message read so far, over all parts, for the CHANGED ones
         * after them (null for a record of the first versions, which none refers to).
         */
        private List<byte[]> texts = new ArrayList<>();
        /** Bytes of text made so far: CHANGED records could repeat a large message thousands of times. */
        private long made;

        Reader(byte[] data) {
            this.data = data;
        }

        /** A reader of the next part of a ladder, going on from {@code before}. */
        Reader(byte[] data, Reader before) {
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
            byte[] b = java.util.Arrays.copyOfRange(data, pos, pos + length);
            pos += length;
            return b;
        }

        /** A string's length, or -1 when it runs past the end. */
        private int length() {
            long length = varLong();
            return length < 0 || length > data.length - pos ? -1 : (int) length;
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
            int length = length();
            if (length < 0) return null;
            String s = new String(data, pos, length, StandardCharsets.UTF_8);
            pos += length;
            return s;
        }
    }

    static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }
}
