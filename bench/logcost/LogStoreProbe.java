import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.clearline.store.CallLogStore;
import org.clearline.store.CallRecord;
import org.clearline.store.JdbcCallLogStore;
import org.clearline.store.LadderEncoder;
import org.clearline.store.LoggedMessage;
import org.clearline.store.LoggedMessage.Direction;
import org.clearline.store.RegistrationRecord;
import org.clearline.store.RouteStep;

/**
 * How many log rows per second the call log store sustains: appends batches of
 * realistic records (the writer's batch size, 500) to a fresh log store in a
 * temporary data directory for a bounded time, on this one thread, as the
 * server's single writer thread does, and reports rows/s (wall clock, and per
 * CPU-second of the whole process without the probe's own making of the test
 * records, a figure a shared machine disturbs less) and
 * MB per 1000 rows on disk (live, after compaction, and the file while being
 * written, which holds pages H2 has not reused yet). The first seconds
 * (-Dprobe.warmup, 5) warm the JIT up and are not measured.
 *
 * At the end it times a lookup by Call-ID of the first row written and of a
 * Call-ID never written: both read the keys of every batch (CallLogKeys).
 *
 * Records come from SipLadders: the benchmark's call with its 18 messages,
 * and registration attempts of 4. The batch is written the way the server's
 * writer does it (CallLogWriter.write): each ladder encoded straight from its
 * wire bytes (an answered call's as the part compressed at its answer and the
 * rest), the batch appended in one transaction.
 *
 * Run from the repository root after `./mvnw -q -o -Dmaven.test.skip=true package`:
 *   java -cp 'target/classes:target/lib/*' bench/logcost/LogStoreProbe.java [SECONDS] [KIND]
 * KIND: calls (every message kept, the default), summaries (ladders: none),
 * registrations, encode (calls, but once measuring nothing is stored: what the
 * encoder alone costs, its dictionary learnt from the warm-up's ladders).
 * bench/logcost/run.sh (PART=probe) runs the first three.
 */
public final class LogStoreProbe {
    static final int BATCH = 500;
    /** Messages of SipLadders' call up to the 200 OK to the caller (its answer). */
    static final int ANSWERED_AT = 12;

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        String kind = args.length > 1 ? args[1] : "calls";
        boolean encodeOnly = kind.equals("encode");
        int warmupSeconds = Integer.getInteger("probe.warmup", 5);
        Path dir = Files.createTempDirectory("clearline-logprobe-");
        SplittableRandom random = new SplittableRandom(42);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var threads = ManagementFactory.getThreadMXBean();
        long generationCpu = 0;  // making the test records is the probe's work, not the log's: left out
        long rows = 0;
        long measuredRows = 0;
        long rawBytes = 0;
        long blobBytes = 0;
        long sampled = 0;
        long worstBatchNanos = 0;
        long epoch = 1_767_225_600_000L;
        long warmupEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        long start = -1;
        long cpuStart = -1;
        long fileWhileOpen;
        String oldestCall = null;
        double findOldestMs = 0;
        double findMissingMs = 0;
        try (JdbcCallLogStore log = JdbcCallLogStore.open(dir)) {
            String problem = log.check();
            if (problem != null) throw new IllegalStateException(problem);
            while (true) {
                long now = System.nanoTime();
                if (start < 0 && now >= warmupEnd) {  // the JIT has settled: measure from here
                    start = now;
                    cpuStart = os.getProcessCpuTime();
                }
                if (start >= 0 && now - start >= seconds * 1_000_000_000L) break;
                long genStart = threads.getCurrentThreadCpuTime();
                List<CallRecord> calls = new ArrayList<>(BATCH);
                List<RegistrationRecord> regs = new ArrayList<>(BATCH);
                for (int i = 0; i < BATCH; i++) {
                    long at = epoch + rows + i;
                    if (kind.equals("registrations")) {
                        List<LoggedMessage> ladder = SipLadders.registration(random, at);
                        RegistrationRecord r = new RegistrationRecord("reg-" + at, at, ladder.get(0).peer(), "u00001",
                                200, null, ladder, 0, null);
                        rawBytes += textBytes(r.messages());
                        regs.add(r);
                    } else {
                        CallRecord c = SipLadders.call(random, at, !kind.equals("summaries")).withRoute(List.of(
                                new RouteStep(RouteStep.Kind.CONTACT, "u09001: phone 1", "sip:u09001@127.0.0.1:5070")));
                        rawBytes += textBytes(c.messages());
                        calls.add(c);
                    }
                }
                // the server's writer holds wire bytes, not text: so does the probe, before it measures
                List<List<LadderEncoder.Wire>> callWire = calls.stream().map(c -> wire(c.messages())).toList();
                List<List<LadderEncoder.Wire>> regWire = regs.stream().map(r -> wire(r.messages())).toList();
                if (start >= 0) generationCpu += threads.getCurrentThreadCpuTime() - genStart;
                long t0 = System.nanoTime();
                // what CallLogWriter.write does with a batch: encode each ladder, append in one transaction
                List<CallLogStore.Encoded<CallRecord>> encodedCalls = new ArrayList<>(calls.size());
                List<CallLogStore.Encoded<RegistrationRecord>> encodedRegs = new ArrayList<>(regs.size());
                try (LadderEncoder encoder = log.encoder()) {  // as the writer gets it: with the log's dictionary
                    for (int i = 0; i < calls.size(); i++) {
                        // an answered call: the writer compressed its first messages, up to the 200 OK to
                        // the caller, while it went on (one part), and the rest at its BYE
                        List<LadderEncoder.Wire> w = callWire.get(i);
                        LadderEncoder.Part part = w.size() > ANSWERED_AT ? encoder.part(w.subList(0, ANSWERED_AT)) : null;
                        byte[] blob = part == null ? encoder.encodeWire(w)
                                : encoder.encodeWire(List.of(part), w.subList(ANSWERED_AT, w.size()));
                        encodedCalls.add(new CallLogStore.Encoded<>(calls.get(i).withoutMessages(), blob));
                        if (sampled < 5 * BATCH) blobBytes += size(blob);
                    }
                    for (int i = 0; i < regs.size(); i++) {
                        byte[] blob = encoder.encodeWire(regWire.get(i));
                        encodedRegs.add(new CallLogStore.Encoded<>(regs.get(i).withMessages(List.of(), null), blob));
                        if (sampled < 5 * BATCH) blobBytes += size(blob);
                    }
                }
                if (sampled < 5 * BATCH) sampled += BATCH;
                if (!encodeOnly || start < 0) log.appendEncoded(encodedCalls, encodedRegs);
                if (oldestCall == null) oldestCall = calls.isEmpty() ? regs.get(0).callId() : calls.get(0).callId();
                if (start >= 0) {
                    worstBatchNanos = Math.max(worstBatchNanos, System.nanoTime() - t0);
                    measuredRows += BATCH;
                }
                rows += BATCH;
            }
            fileWhileOpen = directorySize(dir);
            // a lookup by Call-ID reads the keys of every batch newest first: the oldest row and an
            // unknown Call-ID are the slowest lookups there are (best of three, the JIT being cold for them)
            boolean registrations = kind.equals("registrations");
            if (oldestCall != null) {
                findOldestMs = bestLookupMillis(log, oldestCall, registrations);
                findMissingMs = bestLookupMillis(log, "not-logged@192.0.2.1", registrations);
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuStart - generationCpu) / 1e9;
        // the live size: what the rows take once H2 has compacted the file (it reuses free space as it goes)
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("calllog"), "sa", "");
             Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        }
        long live = directorySize(dir);
        System.out.printf("PROBE kind=%s seconds=%.1f rows=%d rows_per_s=%.0f rows_per_cpu_s=%.0f cpu_pct=%.0f"
                        + " live_mb_per_1000=%.3f file_mb_per_1000_while_writing=%.3f raw_kb_per_row=%.2f"
                        + " blob_kb_per_row=%.2f compression=%.1fx worst_batch_ms=%.0f find_oldest_ms=%.1f"
                        + " find_unknown_ms=%.1f%n",
                kind, elapsed, measuredRows, measuredRows / elapsed, measuredRows / cpu, 100 * cpu / elapsed,
                live / 1e6 / rows * 1000, fileWhileOpen / 1e6 / rows * 1000, rawBytes / 1024.0 / rows,
                blobBytes / 1024.0 / sampled, blobBytes == 0 ? 0 : rawBytes / (double) rows / (blobBytes / (double) sampled),
                worstBatchNanos / 1e6, findOldestMs, findMissingMs);
        deleteTree(dir);
    }

    private static double bestLookupMillis(JdbcCallLogStore log, String callId, boolean registration) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            if (registration) log.findRegistration(callId);
            else log.find(callId);
            best = Math.min(best, System.nanoTime() - t0);
        }
        return best / 1e6;
    }

    private static List<LadderEncoder.Wire> wire(List<LoggedMessage> ms) {
        List<LadderEncoder.Wire> out = new ArrayList<>(ms.size());
        for (LoggedMessage m : ms) {
            out.add(new LadderEncoder.Wire(m.atMillis(), m.direction(), m.peer(), m.text().getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    private static int size(byte[] b) {
        return b == null ? 0 : b.length;
    }

    private static long textBytes(List<LoggedMessage> ms) {
        long n = 0;
        for (LoggedMessage m : ms) n += m.text().length();
        return n;
    }

    private static long directorySize(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
