package org.clearline.admin;

import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.clearline.admin.config.ClearlineConfig;
import org.clearline.admin.server.Settings;
import org.clearline.admin.server.SipStack;
import org.clearline.time.Clock;
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

    /**
     * Starts the SIP stack and serves until the JVM shuts down; then drains (new
     * calls get 503, open transactions get a bounded time to end) and closes the store.
     */
    public void run() {
        SipStack stack;
        try {
            stack = SipStack.start(Settings.of(config, sipPortOverride.isPresent()
                    ? sipPortOverride.getAsInt() : null), store, Clock.SYSTEM);
        } catch (Exception e) {
            store.close();
            throw new StartupException("cannot start SIP on " + config.server().sip().listen() + ":"
                    + sipPortOverride.orElse(config.server().sip().port()) + ": " + e.getMessage(), e);
        }
        CountDownLatch stopRequested = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        // The JVM exits once its hooks return: this one keeps it alive until
        // run() has drained and closed the store.
        Thread hook = new Thread(() -> {
            stopRequested.countDown();
            awaitQuietly(stopped);
        }, "clearline-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        log.info("clearline ready: domain {}, SIP {} (UDP, TCP), data {}", config.server().domain(),
                stack.listeningPoints().get(0).hostPort(), store.dataDir());
        try {
            stopRequested.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            removeQuietly(hook);
        } finally {
            log.info("clearline stopping");
            stack.drainAndStop();
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
