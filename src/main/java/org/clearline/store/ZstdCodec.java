package org.clearline.store;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdDictCompress;
import com.github.luben.zstd.ZstdDictDecompress;
import com.github.luben.zstd.ZstdDictTrainer;
import com.github.luben.zstd.ZstdException;
import com.github.luben.zstd.util.Native;
import java.util.List;

/**
 * zstd (RFC 8878) for {@link LadderBlob}, through zstd-jni's native library.
 * The library is loaded once; when it cannot be (an unusual platform, a
 * temporary directory that may not hold executables), {@link #AVAILABLE} is
 * false, ladders are written as zlib, and reading a zstd ladder names why it
 * cannot be read instead of failing.
 */
final class ZstdCodec {
    /** Level 1: the fastest regular level; SIP ladders compress as well as with zlib's best speed. */
    static final int LEVEL = 1;
    /** Null when the native library loaded, else why not (one line). */
    static final String PROBLEM = load();
    static final boolean AVAILABLE = PROBLEM == null;

    private ZstdCodec() {}

    private static String load() {
        try {
            Native.load();
            return null;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return "zstd is not available on this machine: " + e.getMessage();
        }
    }

    /** The most bytes a frame of {@code plainBytes} can take. */
    static int bound(int plainBytes) {
        return Math.toIntExact(Zstd.compressBound(plainBytes));
    }

    /** What decompressing gives: the plain bytes, or why there are none. */
    sealed interface Result {}

    record Plain(byte[] bytes) implements Result {}

    record Failed(String problem) implements Result {}

    /** The frame that starts at {@code offset} of {@code blob}, refused beyond {@code maxBytes} of content. */
    static Result decompress(byte[] blob, int offset, int maxBytes) {
        return decompress(blob, offset, maxBytes, null);
    }

    /** The same, for a frame compressed with {@code dictionary} (null: none). */
    static Result decompress(byte[] blob, int offset, int maxBytes, Dictionary dictionary) {
        return decompress(blob, offset, blob.length - offset, maxBytes, dictionary);
    }

    /** The frame in {@code blob[offset, offset + length)}, compressed with {@code dictionary} (null: none). */
    static Result decompress(byte[] blob, int offset, int length, int maxBytes, Dictionary dictionary) {
        if (!AVAILABLE) return new Failed("ladder is zstd-compressed, and " + PROBLEM);
        long size = Zstd.getFrameContentSize(blob, offset, length);
        if (size < 0) return new Failed("ladder is damaged: " + (length < 4 ? "no zstd frame" : "bad zstd frame header"));
        if (size > maxBytes) return new Failed("ladder inflates beyond " + maxBytes + " bytes");
        byte[] plain = new byte[(int) size];
        try (ZstdDecompressCtx ctx = new ZstdDecompressCtx()) {
            if (dictionary != null) ctx.loadDict(dictionary.forDecompressing());
            int n = ctx.decompressByteArray(plain, 0, plain.length, blob, offset, length);
            if (n != plain.length) return new Failed("ladder is truncated (" + blob.length + " bytes stored)");
            return new Plain(plain);
        } catch (ZstdException e) {
            // a frame cut short ends before its content does: zstd's srcSize_wrong (its code, not its text)
            if (e.getErrorCode() == Zstd.errSrcSizeWrong()) {
                return new Failed("ladder is truncated (" + blob.length + " bytes stored)");
            }
            return new Failed("ladder is damaged: " + (e.getMessage() == null ? "bad zstd data" : e.getMessage()));
        }
    }

    /**
     * A dictionary trained on {@code samples} (plain ladders), at most {@code maxBytes}
     * long; null when zstd finds too little in them to learn from.
     */
    static byte[] train(List<byte[]> samples, int maxBytes) {
        long total = 0;
        for (byte[] s : samples) total += s.length;
        ZstdDictTrainer trainer = new ZstdDictTrainer(Math.toIntExact(total), maxBytes);
        for (byte[] s : samples) trainer.addSample(s);
        try {
            byte[] dictionary = trainer.trainSamples();
            return dictionary == null || dictionary.length == 0 ? null : dictionary;
        } catch (ZstdException e) {
            return null;  // too few or too uniform samples: the ladders stay without a dictionary
        }
    }

    /**
     * A trained dictionary with the id the log knows it by, and its digested forms for
     * compressing and decompressing, made once when first needed (each digest costs
     * more than compressing one ladder). Thread-safe.
     */
    static final class Dictionary {
        private final int id;
        private final byte[] bytes;
        private volatile ZstdDictCompress compress;
        private volatile ZstdDictDecompress decompress;

        /** {@code id} from 1 on (the log's table counts so; a ladder writes 0 for no dictionary). */
        Dictionary(int id, byte[] bytes) {
            if (id <= 0) throw new IllegalArgumentException("dictionary id " + id);
            this.id = id;
            this.bytes = bytes.clone();
        }

        int id() {
            return id;
        }

        ZstdDictCompress forCompressing() {
            ZstdDictCompress c = compress;
            if (c == null) compress = c = new ZstdDictCompress(bytes, LEVEL);
            return c;
        }

        ZstdDictDecompress forDecompressing() {
            ZstdDictDecompress d = decompress;
            if (d == null) decompress = d = new ZstdDictDecompress(bytes);
            return d;
        }
    }

    /**
     * One compression context, reused across blobs; not thread-safe; close it to free its
     * native memory. Its frames carry no checksum: the blob they go into has a CRC-32C
     * of its stored bytes ({@link LadderBlob#CHECKED}), which costs less than XXH64 of
     * the content.
     */
    static final class Compressor implements AutoCloseable {
        private final ZstdCompressCtx ctx = new ZstdCompressCtx()
                .setLevel(LEVEL).setChecksum(false).setContentSize(true);

        Compressor() {
        }

        /** A context that compresses with {@code dictionary}. */
        Compressor(Dictionary dictionary) {
            ctx.loadDict(dictionary.forCompressing());
        }

        /** Compresses {@code plain[0, length)} into {@code out} from {@code offset}; returns the bytes written. */
        int compress(byte[] plain, int length, byte[] out, int offset) {
            return ctx.compressByteArray(out, offset, out.length - offset, plain, 0, length);
        }

        @Override
        public void close() {
            ctx.close();
        }
    }
}
