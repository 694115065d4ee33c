package org.clearline.admin;

import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.clearline.admin.config.ClearlineConfig;
import org.clearline.store.JdbcStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running server: owns the store from construction on and closes it when
 * the JVM is asked to stop (SIGTERM, SIGINT). The SIP stack is wired in here.
 */
public final class ClearlineServer {
    private static final Logger log = LoggerFactory.getLogger(ClearlineServer.class);
    /** How long the shutdown hook waits for the store to drain and close. */
    private static final long STOP_TIMEOUT_SECONDS = 30;

    private final ClearlineConfig config;
    private final JdbcStore store;
    private final OptionalInt sipPortOverride;

    public ClearlineServer(ClearlineConfig config, JdbcStore store, OptionalInt sipPortOverride) {
        this.config = config;
        this.store = store;
        this.sipPortOverride = sipPortOverride;
    }

    /** Serves until the JVM shuts down, then closes the store. */
    public void run() {
        CountDownLatch stopRequested = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        // The JVM exits once its hooks return: this one keeps it alive until
        // run() has drained and closed the store.
        Thread hook = new Thread(() -> {
            stopRequested.countDown();
            awaitQuietly(stopped);
        }, "clearline-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        int port = sipPortOverride.orElse(config.server().sip().port());
        log.info("clearline ready: domain {}, SIP {}:{}, data {}", config.server().domain(),
                config.server().sip().listen(), port, store.dataDir());
        try {
            stopRequested.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            removeQuietly(hook);
        } finally {
            log.info("clearline stopping");
            store.close();
            stopped.countDown();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeQuietly(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or about to: it will find `stopped` counted down
        }
    }
}
