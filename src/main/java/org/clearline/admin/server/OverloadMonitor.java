package org.clearline.admin.server;

import java.lang.management.ManagementFactory;
import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.clearline.transaction.TransactionLayer;
import org.clearline.transaction.TransactionLayer.RequestCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, once a second, whether the server is overloaded. Three signs count:
 * <ul>
 *   <li>peers retransmit: for {@link #BEHIND_SAMPLES} seconds running, at least
 *       {@link #BEHIND_SHARE} of the requests that started a transaction came
 *       again (the sender's Timer A or E fired, so our answer was over T1 late
 *       or the datagram was dropped unread). This is the sign that shows first
 *       on a machine whose cores are shared with other work, where the process's
 *       own CPU never looks pegged;</li>
 *   <li>open transactions holding more of the heap than it is sized for
 *       ({@link #maxHeldBytes}): most are finished ones waiting out their last
 *       timer (64*T1 = 32 s over UDP), so what they hold follows the request rate,
 *       and a flood of REGISTERs, each keeping its 200 OK, fills it first;</li>
 *   <li>the process's CPU pegged for {@link #PEGGED_SAMPLES} seconds.</li>
 * </ul>
 * While overloaded, new calls and registrations are refused with 503 and
 * Retry-After, so calls in progress keep their quality and the backlog clears.
 * The retransmission sign ends after {@link #CALM_SAMPLES} calm seconds running
 * (below {@link #CALM_SHARE}); the refused requests themselves are answered at
 * once and so keep the share low.
 */
final class OverloadMonitor {
    private static final Logger log = LoggerFactory.getLogger(OverloadMonitor.class);
    /**
     * Share of the heap the open transactions may hold ({@code TransactionLayer#heldBytes}).
     * The rest is for what does not wait 32 s: calls in progress, the call log's budget and
     * caches, and the room G1 needs to collect without running out: REGISTER floods whose
     * transactions held 143-171 MB of a 512 MB heap by this estimate ended in full
     * collections (bench/RESULTS.md, twenty-fourth pass). At 512 MB the bound is 154 MB:
     * some 210,000 finished REGISTER transactions (760 bytes each with their 200 OK),
     * 6,600 REGISTER/s held 32 s; calls at 3000/s hold about half of it.
     */
    static final double HEAP_SHARE = 0.30;
    /** The bound never goes below this, however small the heap. */
    static final long MIN_HELD_BYTES = 32L << 20;
    /** Process CPU (0..1 of all cores) that counts as pegged. */
    static final double CPU_PEGGED = 0.97;
    /** Consecutive pegged samples (seconds) before refusing. */
    static final int PEGGED_SAMPLES = 5;
    /**
     * New server transactions in one second below which retransmissions say
     * nothing: a few phones behind lossy links or a slow far end then make a
     * large share out of a handful of requests.
     */
    static final int MIN_REQUESTS = 200;
    /**
     * Retransmitted requests, as a share of new ones, that mean the server is
     * behind. A collection pause or a burst of dropped datagrams makes a wave of
     * retransmissions too (20-30 % for a second or two at 5000 calls/s in the
     * benchmark) that the server then answers; a server that cannot keep up makes
     * more, and for longer (40 % and growing).
     */
    static final double BEHIND_SHARE = 0.25;
    /** Consecutive behind samples (seconds) before refusing: longer than such a wave. */
    static final int BEHIND_SAMPLES = 3;
    /** Below this share a second counts as calm. */
    static final double CALM_SHARE = 0.05;
    /** Consecutive calm samples (seconds) before accepting new work again. */
    static final int CALM_SAMPLES = 2;

    private final IntSupplier openTransactions;
    private final LongSupplier heldBytes;
    private final long maxHeldBytes;
    private final Supplier<RequestCounts> requests;
    private final DoubleSupplier processCpu;
    private RequestCounts last;
    private int pegged;
    private int behind;
    private int calm;
    private boolean retransmitting;
    private volatile boolean overloaded;

    /** A monitor of {@code transactions}, sized for this JVM's heap. */
    OverloadMonitor(TransactionLayer transactions) {
        this(transactions::activeTransactions, transactions::heldBytes, maxHeldBytes(Runtime.getRuntime().maxMemory()),
                transactions::requestCounts, processCpuOfThisJvm());
    }

    OverloadMonitor(IntSupplier openTransactions, LongSupplier heldBytes, long maxHeldBytes,
                    Supplier<RequestCounts> requests, DoubleSupplier processCpu) {
        this.openTransactions = openTransactions;
        this.heldBytes = heldBytes;
        this.maxHeldBytes = maxHeldBytes;
        this.requests = requests;
        this.processCpu = processCpu;
        this.last = requests.get();
    }

    /** Bytes the open transactions of a heap of {@code maxHeapBytes} may hold. */
    static long maxHeldBytes(long maxHeapBytes) {
        return Math.max(MIN_HELD_BYTES, (long) (maxHeapBytes * HEAP_SHARE));
    }

    private static DoubleSupplier processCpuOfThisJvm() {
        var bean = ManagementFactory.getOperatingSystemMXBean();
        return bean instanceof com.sun.management.OperatingSystemMXBean s ? s::getProcessCpuLoad : () -> -1;
    }

    boolean overloaded() {
        return overloaded;
    }

    /** Called once a second by the housekeeping thread. */
    void sample() {
        double cpu = processCpu.getAsDouble();
        pegged = cpu >= CPU_PEGGED ? pegged + 1 : 0;
        RequestCounts now = requests.get();
        long started = now.started() - last.started();
        long repeated = now.retransmitted() - last.retransmitted();
        last = now;
        double share = started + repeated < MIN_REQUESTS ? 0 : (double) repeated / Math.max(1, started);
        behind = share >= BEHIND_SHARE ? behind + 1 : 0;
        calm = share < CALM_SHARE ? calm + 1 : 0;
        if (behind >= BEHIND_SAMPLES) retransmitting = true;
        else if (calm >= CALM_SAMPLES) retransmitting = false;
        long held = heldBytes.getAsLong();
        boolean over = retransmitting || held > maxHeldBytes || pegged >= PEGGED_SAMPLES;
        if (over != overloaded) {
            if (over) {
                log.warn("overloaded ({} of {} requests in the last second were retransmissions, {} open"
                        + " transactions holding {} MB of the {} MB the heap allows them, CPU {}%): refusing new"
                        + " calls and registrations with 503", repeated, started, openTransactions.getAsInt(),
                        held >> 20, maxHeldBytes >> 20, Math.round(cpu * 100));
            } else {
                log.info("load back to normal: accepting new calls and registrations");
            }
        }
        overloaded = over;
    }
}
