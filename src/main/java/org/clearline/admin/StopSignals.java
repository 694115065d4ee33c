package org.clearline.admin;

import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT, taken before the JVM turns them into its exit. H2 closes
 * its databases in an exit hook of its own (it refuses DB_CLOSE_ON_EXIT=FALSE
 * with AUTO_SERVER), which raced the server's drain: the call log's last
 * entries (calls closed as the server stops) could find their database closed
 * and were lost. Taken here, a signal only asks the server to stop; once it has
 * drained and closed its store, it exits with 128 + the signal's number, as the
 * JVM would have. A second signal while it drains exits at once, without waiting.
 */
final class StopSignals {
    private static final Logger log = LoggerFactory.getLogger(StopSignals.class);
    private static final String[] NAMES = {"TERM", "INT"};

    private final AtomicInteger received = new AtomicInteger();

    private StopSignals() {}

    /**
     * Routes SIGTERM and SIGINT to {@code stop}; where the platform does not let us
     * (no such signal), it keeps the JVM's own handling and the exit hook stops the server.
     */
    static StopSignals install(Runnable stop) {
        StopSignals signals = new StopSignals();
        for (String name : NAMES) {
            try {
                Signal.handle(new Signal(name), s -> signals.onSignal(s, stop));
            } catch (IllegalArgumentException e) {  // unknown here, or the JVM keeps it (-Xrs)
                log.debug("SIG{} stays with the JVM: {}", name, e.getMessage());
            }
        }
        return signals;
    }

    private void onSignal(Signal signal, Runnable stop) {
        if (received.compareAndSet(0, signal.getNumber())) {
            stop.run();
        } else {
            log.warn("second SIG{} while stopping: exiting without waiting for the drain", signal.getName());
            Runtime.getRuntime().halt(128 + signal.getNumber());
        }
    }

    /** The number of the signal that asked the server to stop, 0 if none did. */
    int received() {
        return received.get();
    }
}
