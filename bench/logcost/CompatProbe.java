import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.clearline.store.CallRecord;
import org.clearline.store.CallLogStore;
import org.clearline.store.JdbcStore;

/**
 * The same calls written through the one log API every build has
 * (JdbcStore.open(dir).callLog().append), so an older build's log store (one
 * row per message in the main database) and this one (one compressed value per
 * call in calllog.mv.db) can be measured back to back:
 *
 *   java -cp 'OLD/target/classes:target/lib/*' bench/logcost/CompatProbe.java 20
 *   java -cp 'target/classes:target/lib/*' bench/logcost/CompatProbe.java 20
 *
 * Reports calls/s, calls per CPU-second of the process (without making the
 * records) and MB per 1000 calls once H2 has compacted the files. This build's
 * writer does less than this (it encodes from wire bytes, see LogStoreProbe).
 */
public final class CompatProbe {
    /** Records per append, as the log's writer batches them. */
    static final int BATCH = 500;

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path dir = Files.createTempDirectory("clearline-compatprobe-");
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var threads = ManagementFactory.getThreadMXBean();
        SplittableRandom random = new SplittableRandom(42);
        long rows = 0;
        long measured = 0;
        long generationCpu = 0;
        long warmupEnd = System.nanoTime() + 5_000_000_000L;
        long start = -1;
        long cpuStart = 0;
        try (JdbcStore store = JdbcStore.open(dir)) {
            CallLogStore log = store.callLog();
            while (true) {
                long now = System.nanoTime();
                if (start < 0 && now >= warmupEnd) {
                    start = now;
                    cpuStart = os.getProcessCpuTime();
                }
                if (start >= 0 && now - start >= seconds * 1_000_000_000L) break;
                long g0 = threads.getCurrentThreadCpuTime();
                List<CallRecord> calls = new ArrayList<>(BATCH);
                for (int i = 0; i < BATCH; i++) calls.add(SipLadders.call(random, rows + i, true));
                if (start >= 0) generationCpu += threads.getCurrentThreadCpuTime() - g0;
                log.append(calls, List.of());
                rows += BATCH;
                if (start >= 0) measured += BATCH;
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuStart - generationCpu) / 1e9;
        long live = 0;
        for (String db : List.of("clearline", "calllog")) {  // whichever files the build wrote
            if (!Files.exists(dir.resolve(db + ".mv.db"))) continue;
            try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(db), "sa", "");
                 Statement s = c.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            }
            live += Files.size(dir.resolve(db + ".mv.db"));
        }
        System.out.printf("COMPAT calls=%d seconds=%.1f calls_per_s=%.0f calls_per_cpu_s=%.0f cpu_pct=%.0f"
                + " live_mb_per_1000=%.3f%n", measured, elapsed, measured / elapsed, measured / cpu,
                100 * cpu / elapsed, live / 1e6 / rows * 1000);
        for (File f : dir.toFile().listFiles()) f.delete();
        Files.delete(dir);
    }
}
