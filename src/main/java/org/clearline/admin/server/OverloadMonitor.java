package org.clearline.admin.server;

import java.lang.management.ManagementFactory;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, once a second, whether the server is overloaded: too many open
 * transactions (work is arriving faster than it ends) or the process's CPU
 * pegged for several seconds. While it is, new calls and registrations are
 * refused with 503 and Retry-After, so calls in progress keep their quality.
 */
final class OverloadMonitor {
    private static final Logger log = LoggerFactory.getLogger(OverloadMonitor.class);
    /** Open transactions above which new work is refused. */
    static final int MAX_OPEN_TRANSACTIONS = 200_000;
    /** Process CPU (0..1 of all cores) that counts as pegged. */
    static final double CPU_PEGGED = 0.97;
    /** Consecutive pegged samples (seconds) before refusing. */
    static final int PEGGED_SAMPLES = 5;

    private final IntSupplier openTransactions;
    private final com.sun.management.OperatingSystemMXBean os;
    private int pegged;
    private volatile boolean overloaded;

    OverloadMonitor(IntSupplier openTransactions) {
        this.openTransactions = openTransactions;
        var bean = ManagementFactory.getOperatingSystemMXBean();
        this.os = bean instanceof com.sun.management.OperatingSystemMXBean s ? s : null;
    }

    boolean overloaded() {
        return overloaded;
    }

    /** Called once a second by the housekeeping thread. */
    void sample() {
        double cpu = os == null ? -1 : os.getProcessCpuLoad();
        pegged = cpu >= CPU_PEGGED ? pegged + 1 : 0;
        int open = openTransactions.getAsInt();
        boolean now = open > MAX_OPEN_TRANSACTIONS || pegged >= PEGGED_SAMPLES;
        if (now != overloaded) {
            if (now) log.warn("overloaded ({} open transactions, CPU {}%): refusing new calls and registrations",
                    open, Math.round(cpu * 100));
            else log.info("load back to normal: accepting new calls and registrations");
        }
        overloaded = now;
    }
}
