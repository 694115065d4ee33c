import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDictCompress;
import com.github.luben.zstd.ZstdDictTrainer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clearline.store.CallFilter;
import org.clearline.store.CallRecord;
import org.clearline.store.JdbcCallLogStore;
import org.clearline.store.LoggedMessage;

/**
 * What the writer's compressor costs a ladder, at zstd levels and with or without
 * the frame checksum, on the ladders of a real call log (a benchmark server's data
 * directory, stopped): the newest calls with ten messages or more, each made into
 * the kind of plain the writer compresses (peer, start line and text per message).
 * A dictionary is learnt from the first half, as the log learns its own, and the
 * second half is compressed with it, whole and in two frames (as a call compacted
 * at its answer is). Bounded: at most {@code LIMIT} calls, 30 rounds.
 *
 * <pre>
 *   java -cp "target/classes:target/lib/*" bench/logcost/ZstdLevels.java DATA_DIR [LIMIT]
 * </pre>
 */
public final class ZstdLevels {
    private static final int ROUNDS = 30;
    private static final int WARM_ROUNDS = 20;

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ZstdLevels DATA_DIR [LIMIT]  (a stopped server's data directory)");
            System.exit(2);
        }
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        List<byte[]> plains = plains(Path.of(args[0]), limit);
        if (plains.size() < 20) {
            System.err.println("only " + plains.size() + " calls with ten messages or more: run a benchmark first");
            System.exit(1);
        }
        System.out.printf("%d ladders, %.0f bytes of plain each on average%n", plains.size(),
                plains.stream().mapToInt(p -> p.length).average().orElse(0));
        List<byte[]> learn = plains.subList(0, plains.size() / 2);
        List<byte[]> test = plains.subList(plains.size() / 2, plains.size());
        ZstdDictTrainer trainer = new ZstdDictTrainer(4 << 20, 16 * 1024);
        for (byte[] p : learn) trainer.addSample(p);
        byte[] dictionary = trainer.trainSamples();
        for (int level : new int[] {1, -1, -3, -5, -10}) {
            for (boolean checksum : new boolean[] {true, false}) measure(dictionary, level, checksum, test);
        }
    }

    private static void measure(byte[] dictionary, int level, boolean checksum, List<byte[]> test) {
        try (ZstdDictCompress dict = new ZstdDictCompress(dictionary, level);
             ZstdCompressCtx ctx = new ZstdCompressCtx().setLevel(level).setChecksum(checksum).setContentSize(true)) {
            ctx.loadDict(dict);
            byte[] out = new byte[256 * 1024];
            for (int r = 0; r < WARM_ROUNDS; r++) {
                for (byte[] p : test) ctx.compressByteArray(out, 0, out.length, p, 0, p.length);
            }
            long in = 0, whole = 0, split = 0;
            long t0 = System.nanoTime();
            for (int r = 0; r < ROUNDS; r++) {
                for (byte[] p : test) {
                    whole += ctx.compressByteArray(out, 0, out.length, p, 0, p.length);
                    in += p.length;
                }
            }
            long wholeNanos = System.nanoTime() - t0;
            t0 = System.nanoTime();
            for (int r = 0; r < ROUNDS; r++) {
                for (byte[] p : test) {
                    int first = p.length * 2 / 3;  // about the messages up to the 200 OK
                    split += ctx.compressByteArray(out, 0, out.length, p, 0, first);
                    split += ctx.compressByteArray(out, 0, out.length, p, first, p.length - first);
                }
            }
            long splitNanos = System.nanoTime() - t0;
            double ladders = (double) ROUNDS * test.size();
            System.out.printf("level %3d, checksum %-5s: %5.2f µs a ladder (%4.0f MB/s), ratio %5.2f;"
                            + " in two frames %5.2f µs, %4.0f bytes%n", level, checksum, wholeNanos / 1000.0 / ladders,
                    in * 1000.0 / wholeNanos, (double) in / whole, splitNanos / 1000.0 / ladders, split / ladders);
        }
    }

    /** The newest calls' ladders as plains of peer, start line and text per message. */
    private static List<byte[]> plains(Path dataDir, int limit) throws Exception {
        JdbcCallLogStore store = JdbcCallLogStore.open(dataDir);
        try {
            List<byte[]> out = new ArrayList<>();
            for (CallRecord c : store.list(new CallFilter(false, null, 0, null, limit))) {
                List<LoggedMessage> messages = store.find(c.callId()).map(CallRecord::messages).orElse(List.of());
                if (messages.size() < 10) continue;
                ByteArrayOutputStream b = new ByteArrayOutputStream(16 * 1024);
                for (LoggedMessage m : messages) {
                    b.write(m.direction() == LoggedMessage.Direction.IN ? 0 : 1);
                    b.writeBytes(m.peer().getBytes(StandardCharsets.UTF_8));
                    b.writeBytes(m.startLine().getBytes(StandardCharsets.UTF_8));
                    b.writeBytes(m.text().getBytes(StandardCharsets.UTF_8));
                }
                out.add(b.toByteArray());
            }
            return out;
        } finally {
            store.close();
        }
    }
}
