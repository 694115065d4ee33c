package org.clearline.store;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Child process of {@link CrashDurabilityTest}: writes registrations as fast as
 * it can from several threads, prints "ACKED n" for every completed future,
 * and halts the JVM (no shutdown hooks, like kill -9) once enough were acked,
 * while further batches are still being written.
 */
public final class CrashingRegistrar {
    private CrashingRegistrar() {}

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        int haltAfter = Integer.parseInt(args[1]);
        PrintStream out = System.out;
        JdbcStore store = JdbcStore.open(dataDir);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger acked = new AtomicInteger();
        Semaphore inFlight = new Semaphore(256);
        for (int t = 0; t < 4; t++) {
            Thread.ofPlatform().daemon(true).start(() -> {
                while (true) {
                    inFlight.acquireUninterruptibly();
                    int n = next.getAndIncrement();
                    store.registrations().apply(StoreFixtures.upsert(registration(n))).whenComplete((ok, failure) -> {
                        inFlight.release();
                        if (failure != null) return;
                        synchronized (out) {
                            out.println("ACKED " + n);
                            out.flush();
                        }
                        acked.incrementAndGet();
                    });
                }
            });
        }
        while (acked.get() < haltAfter) Thread.onSpinWait();
        Runtime.getRuntime().halt(9);
    }

    static Registration registration(int n) {
        return StoreFixtures.binding("user" + n % 20, 10_000 + n, Long.MAX_VALUE);
    }
}
