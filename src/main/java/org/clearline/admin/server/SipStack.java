package org.clearline.admin.server;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.clearline.calllog.CallLog;
import org.clearline.admin.metrics.ServerMetrics;
import org.clearline.core.CoreDispatcher;
import org.clearline.core.LocalIdentity;
import org.clearline.core.auth.DigestAuthenticator;
import org.clearline.core.auth.NonceService;
import org.clearline.core.directory.CachedDirectory;
import org.clearline.core.location.LocationService;
import org.clearline.core.probe.ContactProber;
import org.clearline.core.probe.ProbeSettings;
import org.clearline.core.proxy.ProxyCore;
import org.clearline.core.registrar.Registrar;
import org.clearline.features.DialPlan;
import org.clearline.core.proxy.CallOutcomes;
import org.clearline.failures.Situation;
import org.clearline.features.ActiveCalls;
import org.clearline.features.Destinations;
import org.clearline.features.FeatureChain;
import org.clearline.features.RoutingChain;
import org.clearline.features.TrunkRouter;
import org.clearline.store.JdbcStore;
import org.clearline.time.Clock;
import org.clearline.transaction.ShardedTransactionLayer;
import org.clearline.transport.Hosts;
import org.clearline.transport.ListeningPoint;
import org.clearline.transport.NettyTransportLayer;
import org.clearline.transport.Shards;
import org.clearline.transport.SystemResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running SIP stack: transport, transactions, registrar, proxy and routing
 * chain wired together over one store, plus the housekeeping that keeps the
 * in-memory caches in step with the store.
 */
public final class SipStack implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SipStack.class);
    /** How often the store's change counter is polled to refresh accounts and numbers. */
    static final Duration DIRECTORY_POLL = Duration.ofSeconds(1);
    /** How often lapsed registrations and nonce counters are swept. */
    static final Duration SWEEP_INTERVAL = Duration.ofSeconds(30);

    private final StackSettings settings;
    private final JdbcStore store;
    private final Clock clock;
    private final NettyTransportLayer transport;
    private final ShardedTransactionLayer transactions;
    private final CoreDispatcher dispatcher;
    private final ProxyCore proxy;
    private final LocationService location;
    private final CachedDirectory directory;
    private final NonceService nonces;
    private final ActiveCalls activeCalls;
    private final OverloadMonitor overload;
    /** Short of memory or not; while short the call log is lean. */
    private final HeapWatch heap;
    /** Store meta key of the maintenance switch ("on" / "off"); see {@link Maintenance}. */
    public static final String META_MAINTENANCE = Maintenance.META_KEY;
    private final ScheduledExecutorService housekeeping;
    private final java.util.concurrent.ExecutorService blocking;
    private volatile long seenVersion;
    /** The call and registration log, or nothing when the configuration turns it off. */
    private final CallLog callLog;
    private final ServerMetrics metrics = new ServerMetrics();
    private final ContactProber prober;
    /** Epoch millis when the stack was started, for uptime. */
    private final long startedAt;

    private SipStack(StackSettings settings, JdbcStore store, Clock clock) throws Exception {
        this.settings = settings;
        this.store = store;
        this.clock = clock;
        this.startedAt = clock.epochMillis();
        this.location = new LocationService();
        this.directory = new CachedDirectory(() -> store.accounts().list(), () -> store.numbers().list(),
                () -> store.lines().all());
        this.nonces = new NonceService(clock, settings.nonceLifetime().toMillis(), NonceService.randomSecret());
        seenVersion = store.version();
        directory.reload();
        location.load(store.registrations().loadAll(), clock.epochMillis());

        // the shards are the transport's I/O loops, which exist only once it runs: the
        // transport starts with a handler that the transaction layer is plugged into next
        this.transport = new NettyTransportLayer(settings.transport(), clock);
        HandlerHolder handler = new HandlerHolder();
        transport.setHandler(handler);
        this.callLog = startCallLog(settings, store, clock);
        if (callLog.enabled()) transport.setTap(callLog.tap());  // off: the transport has no tap at all
        transport.start();
        Shards shards = transport.ioShards(clock);

        LocalIdentity identity = new LocalIdentity(settings.domain(), aliases(settings), transport::listeningPoints);
        DigestAuthenticator auth = new DigestAuthenticator(settings.domain(), directory, nonces, settings.algorithms());
        CallSummaryLog summaries = new CallSummaryLog();
        Registrar.Outcomes registrations = (request, source, code, situation, sipId) -> {
            summaries.registered(request, source, code, situation, sipId);
            callLog.registrations().registered(request, source, code, situation, sipId);
            metrics.registered(request, source, code, situation, sipId);
        };
        Registrar registrar = new Registrar(settings.registrar(), identity, auth, location, store.registrations(),
                clock, registrations);
        DialPlan dialPlan = new DialPlan(settings.countryCode(), settings.areaCode());
        this.activeCalls = new ActiveCalls();
        RoutingChain chain = FeatureChain.build(identity, directory, location, dialPlan,
                new Destinations(settings.countryCode(), settings.areaCode(), settings.premiumPrefixes()),
                new TrunkRouter(settings.trunks()), activeCalls, settings.maxForwardDepth());
        CallOutcomes logged = callLog.outcomes();
        CallOutcomes outcomes = new CallOutcomes() {
            @Override
            public void finished(org.clearline.transaction.ServerTransaction tx, int status,
                                 Situation situation) {
                activeCalls.finished(tx, status, situation);
                summaries.finished(tx, status, situation);
                logged.finished(tx, status, situation);
                metrics.finished(tx, status, situation);
            }

            @Override
            public void routed(org.clearline.transaction.ServerTransaction tx,
                               org.clearline.core.routing.Routing decision) {
                logged.routed(tx, decision);
            }
        };
        this.blocking = Executors.newFixedThreadPool(2, daemon("clearline-resolver"));
        // the transaction layer needs its TU at construction and the proxy needs the
        // transaction layer: the dispatcher is reached through a holder set right after
        TuHolder tu = new TuHolder();
        this.transactions = new ShardedTransactionLayer(transport, shards.schedulers(), settings.timers(), tu);
        SystemResolver resolver = new SystemResolver(blocking);
        this.proxy = new ProxyCore(settings.proxy(), identity, auth, chain, transactions, transport,
                resolver, clock, outcomes);
        this.prober = new ContactProber(transactions, transport, resolver, settings.domain(), clock,
                ProbeSettings.DEFAULT);
        this.dispatcher = new CoreDispatcher(registrar, proxy, transport, outcomes, registrations);
        tu.set(dispatcher);
        this.overload = new OverloadMonitor(transactions);
        this.heap = HeapWatch.ofThisJvm(callLog::lean);
        dispatcher.overloadGuard(overload::overloaded);
        dispatcher.maintenance(maintenanceOn(store));
        handler.set(transactions);
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(daemon("clearline-housekeeping"));
        registerGauges();
    }

    private void registerGauges() {
        metrics.gauge("clearline_registrations_active", "Bindings (contacts) in the location service", location,
                LocationService::size);
        metrics.gauge("clearline_registered_accounts", "Accounts with at least one binding", location,
                LocationService::accounts);
        metrics.gauge("clearline_calls_active", "Calls up or in set-up, counted per line they occupy", activeCalls,
                ActiveCalls::total);
        metrics.gauge("clearline_transactions_active", "SIP transactions alive (all states)", transactions,
                ShardedTransactionLayer::activeTransactions);
        metrics.gauge("clearline_transactions_held_bytes",
                "Heap the SIP transactions alive hold, estimated (the overload guard bounds it)", transactions,
                ShardedTransactionLayer::heldBytes);
        metrics.gauge("clearline_server_transactions_started", "Requests that started a server transaction",
                transactions, t -> t.requestCounts().started());
        metrics.gauge("clearline_request_retransmissions", "Retransmitted requests absorbed by server transactions",
                transactions, t -> t.requestCounts().retransmitted());
        metrics.gauge("clearline_proxy_contexts_active", "Proxied requests waiting for their final response", proxy,
                ProxyCore::activeContexts);
        metrics.gauge("clearline_call_log_queue_size", "Call log entries waiting for the writer", callLog,
                CallLog::queueSize);
        metrics.gauge("clearline_call_log_dropped", "Call log entries dropped because the writer fell behind",
                callLog, CallLog::dropped);
        metrics.gauge("clearline_call_log_written", "Call log entries written", callLog, CallLog::written);
        metrics.gauge("clearline_call_log_failed", "Call log entries whose write failed", callLog, CallLog::failed);
        metrics.gauge("clearline_call_log_untraced", "Calls and registration attempts not logged: too many at once",
                callLog, CallLog::untraced);
        metrics.gauge("clearline_call_log_held_bytes", "Message bytes the call log holds in memory", callLog,
                CallLog::heldBytes);
        metrics.gauge("clearline_call_log_compacted",
                "Answered calls whose messages so far the call log compressed while they went on", callLog,
                CallLog::compacted);
        metrics.gauge("clearline_call_log_messages_not_kept",
                "Messages of logged calls and registrations not kept: over their bounds, or the log was lean",
                callLog, CallLog::messagesNotKept);
        metrics.gauge("clearline_call_log_lean", "1 while the call log keeps no messages of new calls (memory short)",
                callLog, c -> c.lean() ? 1 : 0);
        metrics.gauge("clearline_heap_after_gc_ratio", "Heap in use after the latest collection, share of the maximum",
                heap, HeapWatch::lastAfterCollection);
        metrics.gauge("clearline_udp_receive_drops",
                "Datagrams the kernel dropped at the SIP port because the server did not read them in time"
                        + " (Linux; -1 elsewhere)", transport, NettyTransportLayer::udpDrops);
        metrics.gauge("clearline_overloaded", "1 while new requests are refused with 503 for overload", overload,
                o -> o.overloaded() ? 1 : 0);
        metrics.gauge("clearline_maintenance", "1 while maintenance mode refuses new calls and registrations",
                dispatcher, d -> d.maintenance() ? 1 : 0);
    }

    /** Loads accounts, numbers and registrations from the store, then opens the sockets. */
    public static SipStack start(StackSettings settings, JdbcStore store, Clock clock) throws Exception {
        SipStack stack = new SipStack(settings, store, clock);
        stack.housekeeping.scheduleWithFixedDelay(stack::refreshDirectory, DIRECTORY_POLL.toMillis(),
                DIRECTORY_POLL.toMillis(), TimeUnit.MILLISECONDS);
        stack.housekeeping.scheduleWithFixedDelay(stack.overload::sample, 1, 1, TimeUnit.SECONDS);
        stack.housekeeping.scheduleWithFixedDelay(stack.heap::sample, 1, 1, TimeUnit.SECONDS);
        stack.housekeeping.scheduleWithFixedDelay(stack::closeLingeringCalls, 250, 250, TimeUnit.MILLISECONDS);
        stack.housekeeping.scheduleWithFixedDelay(stack::sweep, SWEEP_INTERVAL.toMillis(),
                SWEEP_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        log.info("SIP ready on {}; {} accounts, {} registrations loaded",
                stack.listeningPoints().stream().map(p -> p.protocol() + " " + p.hostPort()).toList(),
                stack.directory.accountCount(), stack.location.size());
        return stack;
    }

    public List<ListeningPoint> listeningPoints() {
        return transport.listeningPoints();
    }

    /** Epoch millis of the start (the clock's time when the stack was built). */
    public long startedAt() {
        return startedAt;
    }

    /** SIP transactions alive, in any state. */
    public int activeTransactions() {
        return transactions.activeTransactions();
    }

    /**
     * SIGTERM: refuse new calls and registrations (503 + Retry-After), wait up to the
     * drain timeout for transactions and calls in setup to end. Calls still ringing
     * then get 503 (the caller) and CANCEL (the callees) rather than being cut off
     * silently; once those went out, or after {@link #ABANDON_GRACE}, the sockets close.
     */
    public void drainAndStop() {
        dispatcher.startDraining();
        waitUntil(settings.drainTimeout(), () -> transactions.activeTransactions() == 0 && proxy.activeContexts() == 0);
        int abandoned = proxy.abandonUnanswered(Situation.SERVER_STOPPED_DURING_SETUP, CoreDispatcher.RETRY_AFTER_SECONDS);
        if (abandoned > 0) {
            log.info("ending {} requests still unanswered after {} with 503; their ringing branches get CANCEL",
                    abandoned, settings.drainTimeout());
            // the 503s and CANCELs go out on the shards; the callees' 487s usually follow at once
            waitUntil(ABANDON_GRACE, () -> proxy.activeContexts() == 0);
        }
        int left = transactions.activeTransactions();
        if (left > 0) log.warn("stopping with {} transactions still open after {}", left, settings.drainTimeout());
        close();
    }

    /** How long the stop waits for the 503s and CANCELs of calls still ringing at the drain timeout. */
    static final Duration ABANDON_GRACE = Duration.ofSeconds(1);

    /** Polls {@code done} every 50 ms for up to {@code limit}. */
    private static void waitUntil(Duration limit, java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline && !done.getAsBoolean()) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        housekeeping.shutdownNow();
        heap.close();
        transport.stop();
        blocking.shutdownNow();
        callLog.close();
    }

    private void refreshDirectory() {
        try {
            long v = store.version();
            if (v != seenVersion) {
                seenVersion = v;
                directory.reload();
                // an account removed elsewhere (the CLI, another node) has no phones here any more
                int gone = location.forgetAccounts(id -> directory.account(id) != null);
                if (gone > 0) log.info("dropped the live bindings of {} removed accounts", gone);
                boolean m = maintenanceOn(store);
                if (m != dispatcher.maintenance()) {
                    log.info("maintenance {}", m ? "on: new calls and registrations get 503" : "off");
                    dispatcher.maintenance(m);
                }
                log.debug("accounts and numbers reloaded (store version {})", v);
            }
        } catch (RuntimeException e) {
            log.warn("could not refresh accounts from the store: {}", e.toString());
        }
    }

    private void closeLingeringCalls() {
        try {
            callLog.closeLingering(clock.epochMillis());
        } catch (RuntimeException e) {
            log.warn("call log: closing failed calls failed: {}", e.toString());
        }
    }

    private void sweep() {
        try {
            long now = clock.epochMillis();
            int dropped = location.sweep(now);
            int purged = store.registrations().purgeExpired(now);
            nonces.purge();
            callLog.housekeeping(now);
            int stale = activeCalls.sweep(now, ActiveCalls.MAX_CALL_MILLIS);
            if (stale > 0) log.info("{} calls up for over 12 h without a BYE taken as over (their lines are free)", stale);
            if (dropped + purged > 0) log.debug("expired registrations: {} dropped, {} purged", dropped, purged);
        } catch (RuntimeException e) {
            log.warn("registration sweep failed: {}", e.toString());
        }
    }

    private static boolean maintenanceOn(JdbcStore store) {
        return Maintenance.on(store);
    }

    /** Configured aliases plus, when bound to the wildcard address, every local interface address. */
    private static List<String> aliases(StackSettings s) {
        List<String> out = new ArrayList<>(s.aliases());
        String bind = s.transport().bindHost();
        InetAddress literal = Hosts.literal(bind);
        if (literal != null && literal.isAnyLocalAddress()) {
            try {
                for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                    for (InetAddress a : Collections.list(ni.getInetAddresses())) out.add(Hosts.hostField(a));
                }
            } catch (java.net.SocketException e) {
                log.warn("could not list local addresses: {}", e.toString());
            }
        } else {
            out.add(bind);
        }
        return out;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Call log entries dropped because the writer fell behind. */
    public long callLogDropped() {
        return callLog.dropped();
    }

    /** The call log's figures and state (for metrics and tests). */
    public CallLog callLog() {
        return callLog;
    }

    /**
     * The log opens its own database now, so that a running server holds it for
     * the CLI as it holds the store; a log that cannot open is reported and the
     * server starts anyway (its writer counts what it cannot write and retries).
     */
    private static CallLog startCallLog(StackSettings settings, JdbcStore store, Clock clock) {
        if (!settings.callLog().enabled()) {
            log.info("call log off (callLog.enabled: false)");
            return CallLog.off();
        }
        String problem = store.callLog().check();
        if (problem != null) log.warn("{}; calls and registrations go on without it", problem);
        return CallLog.start(settings.callLog(), store.callLog(), clock);
    }

    public CoreDispatcher dispatcher() {
        return dispatcher;
    }

    public ServerMetrics metrics() {
        return metrics;
    }

    public JdbcStore store() {
        return store;
    }

    /** Live bindings (what `registrations` and the dashboard show). */
    public LocationService location() {
        return location;
    }

    /** Sends the OPTIONS of `clearline diagnose` from the server's own sockets. */
    public ContactProber prober() {
        return prober;
    }

    public ActiveCalls activeCalls() {
        return activeCalls;
    }

    public CachedDirectory directory() {
        return directory;
    }

    public Clock clock() {
        return clock;
    }

    public StackSettings settings() {
        return settings;
    }
}
