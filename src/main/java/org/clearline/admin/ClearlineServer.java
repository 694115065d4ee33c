package org.clearline.admin;

import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.clearline.admin.config.ClearlineConfig;
import org.clearline.admin.config.HttpConfig;
import org.clearline.admin.http.AdminHttpServer;
import org.clearline.admin.http.AdminToken;
import org.clearline.admin.http.RuntimeFile;
import org.clearline.admin.http.Sessions;
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
        AdminHttpServer http;
        try {
            http = startHttp(stack);
        } catch (RuntimeException | java.io.IOException e) {
            stack.close();
            store.close();
            HttpConfig h = config.server().http();
            throw new StartupException("cannot start the administration listener on " + h.listen() + ":" + h.port()
                    + ": " + rootMessage(e), e);
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
        StopSignals signals = StopSignals.install(stopRequested::countDown);
        log.info("clearline ready: domain {}, SIP {} (UDP, TCP), data {}", config.server().domain(),
                stack.listeningPoints().get(0).hostPort(), store.dataDir());
        try {
            stopRequested.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            removeQuietly(hook);
        } finally {
            log.info("clearline stopping");
            if (http != null) {
                RuntimeFile.remove(store.dataDir());
                http.close();
            }
            stack.drainAndStop();
            store.close();
            stopped.countDown();
        }
        // stopped by a signal we took from the JVM: exit as it would have, now that all is closed
        if (signals.received() != 0) System.exit(128 + signals.received());
    }

    /** The REST API, dashboard and metrics listener; null when the config disables it. */
    private AdminHttpServer startHttp(SipStack stack) throws java.io.IOException {
        HttpConfig h = config.server().http();
        if (!h.enabled()) return null;
        AdminToken token = AdminToken.loadOrCreate(store.dataDir());
        Sessions sessions = new Sessions(Clock.SYSTEM);
        AdminHttpServer http = AdminHttpServer.start(h, token, sessions, stack.metrics()::scrape,
                AdminModules.of(stack));
        String url = "http://" + reachableHost(h.listen()) + ":" + http.port();
        new RuntimeFile(ProcessHandle.current().pid(), url).write(store.dataDir());
        log.info("dashboard and API on {} (user admin; password: server.http.password, else the file {})", url,
                store.dataDir().resolve(AdminToken.FILE_NAME));
        return http;
    }

    /** How a local client reaches the listener: a wildcard bind is reached over loopback. */
    private static String reachableHost(String listen) {
        if (listen.equals("0.0.0.0")) return "127.0.0.1";
        if (listen.equals("::") || listen.equals("[::]")) return "[::1]";
        return listen.contains(":") && !listen.startsWith("[") ? "[" + listen + "]" : listen;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.toString() : t.getMessage();
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
