package org.clearline.store;

import java.io.ByteArrayOutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A ladder (the messages of one call or registration attempt) as one compact
 * value: a format byte, then the length-prefixed records compressed. SIP
 * messages of one exchange repeat most of their header lines, so they shrink
 * to an eighth.
 *
 * <pre>
 * blob    = CHECKED crc32c inner      (what this version writes with zstd: crc32c is the CRC-32C
 *                                      (RFC 3720 B.4) of inner, 4 bytes big-endian)
 *         | inner                      (what earlier versions wrote: their zstd frames carry XXH64)
 *         | ZLIB zlib(plain)           (RFC 1950 with its Adler-32; what the first version wrote)
 * inner   = ZSTD zstd-frame(plain)     (RFC 8878, with its content size)
 *         | ZSTD_DICT varint(dictionary id) zstd-frame(plain, compressed with that dictionary)
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
 * <p>A zstd blob is checked by a CRC-32C of its stored bytes rather than by zstd's
 * XXH64 of its content in each frame. Both tell a damaged ladder from another one,
 * but the CRC covers every stored byte (the dictionary id and the parts' lengths too),
 * and it reads the compressed bytes, a seventh of the content, with the processor's
 * CRC32C instruction: the writer spends about 5 % less on encoding a call
 * (bench/RESULTS.md, twentieth pass). Frames of earlier versions keep their XXH64,
 * which zstd checks as it reads them.
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
    /** Format byte of a zstd ladder (ZSTD, ZSTD_DICT or PARTS) checked by the CRC-32C after it. */
    public static final int CHECKED = 5;
    /** Bytes a CHECKED blob has before the ladder it checks: its format byte and the CRC. */
    static final int CHECKED_HEADER = 1 + Integer.BYTES;
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
    /** Reads and writes a CHECKED blob's CRC. */
    static final VarHandle BIG_ENDIAN_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

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
            case ZSTD, ZSTD_DICT, PARTS -> zstd(blob, dictionaries);
            case CHECKED -> checked(blob, dictionaries);
            default -> new Decoded.Corrupt("unknown ladder format " + (blob[0] & 0xff) + " (this version reads "
                    + ZLIB + ", " + ZSTD + ", " + ZSTD_DICT + ", " + PARTS + " and " + CHECKED + ")");
        };
    }

    /** The CRC-32C a CHECKED blob stores for {@code blob[from, to)}. */
    static int crc32c(byte[] blob, int from, int to) {
        CRC32C crc = new CRC32C();
        crc.update(blob, from, to - from);
        return (int) crc.getValue();
    }

    /** A CHECKED blob: its CRC first, then the zstd ladder inside (never another CHECKED one). */
    private static Decoded checked(byte[] blob, Dictionaries dictionaries) {
        if (blob.length <= CHECKED_HEADER) {
            return new Decoded.Corrupt("ladder is truncated (" + blob.length + " bytes stored)");
        }
        if ((int) BIG_ENDIAN_INT.get(blob, 1) != crc32c(blob, CHECKED_HEADER, blob.length)) {
            return new Decoded.Corrupt("ladder is damaged or truncated: its CRC-32C does not match ("
                    + blob.length + " bytes stored)");
        }
        return zstd(Arrays.copyOfRange(blob, CHECKED_HEADER, blob.length), dictionaries);
    }

    /** A ZSTD, ZSTD_DICT or PARTS ladder: as earlier versions wrote it, or from inside a CHECKED one. */
    private static Decoded zstd(byte[] blob, Dictionaries dictionaries) {
        return switch (blob[0] & 0xff) {
            case ZSTD -> unzstd(ZstdCodec.decompress(blob, 1, MAX_INFLATED_BYTES));
            case ZSTD_DICT -> withDictionary(blob, dictionaries);
            case PARTS -> inParts(blob, dictionaries);
            default -> new Decoded.Corrupt("ladder is damaged: format " + (blob[0] & 0xff)
                    + " inside a checked ladder");
        };
    }

    private static Decoded inParts(byte[] blob, Dictionaries dictionaries) {
        LadderReader header = new LadderReader(blob);
        header.pos = 1;
        Named named = dictionary(header, dictionaries, true);
        if (named.problem() != null) return named.problem();
        ZstdCodec.Dictionary dictionary = named.dictionary();
        long count = header.varLong();
        if (count <= 0 || count > MAX_MESSAGES) return new Decoded.Corrupt("ladder claims " + count + " messages");
        List<LoggedMessage> out = new ArrayList<>((int) count);
        LadderReader part = null;
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
            part = part == null ? new LadderReader(records) : new LadderReader(records, part);
            String problem = part.records(out);
            if (problem != null) return new Decoded.Corrupt(problem);
        } while (header.pos < blob.length);
        if (out.size() != count) {
            return new Decoded.Corrupt("ladder holds " + out.size() + " of the " + count + " messages it claims");
        }
        return new Decoded.Messages(out);
    }

    private static Decoded withDictionary(byte[] blob, Dictionaries dictionaries) {
        LadderReader header = new LadderReader(blob);
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
    private static Named dictionary(LadderReader header, Dictionaries dictionaries, boolean zeroIsNone) {
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
            case ZstdCodec.Plain p -> new LadderReader(p.bytes()).messages();
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
        return new LadderReader(plain).messages();
    }

    static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }
}
