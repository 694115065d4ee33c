package org.clearline.core.probe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.clearline.store.Registration;
import org.clearline.syntax.HeaderNames;
import org.clearline.syntax.Params;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipUri;
import org.clearline.syntax.Via;
import org.clearline.time.Clock;
import org.clearline.time.Scheduler;
import org.clearline.transaction.TransactionLayer;
import org.clearline.transport.Hosts;
import org.clearline.transport.ListeningPoint;
import org.clearline.transport.Peer;
import org.clearline.transport.Resolver;
import org.clearline.transport.TransportLayer;

/**
 * Asks registered phones whether they can be reached, with an out-of-dialog
 * OPTIONS (RFC 3261 §11) sent from the server's own sockets as a client
 * transaction. A probe goes where a call would go: along the binding's Path,
 * else to its Contact. When the Contact names another address than the one the
 * REGISTER came from (a phone behind NAT), the flow the REGISTER came on is
 * probed as well, so a diagnosis can tell "the phone is gone" from "the phone
 * is there, but its Contact cannot be reached".
 *
 * <p>Bounded ({@link ProbeSettings}): a limited number of OPTIONS in flight over
 * all accounts, each binding probed at most once per reuse interval (later asks
 * share that result), and no wait longer than the configured maximum.
 * Thread-safe; the probes themselves run on the transaction shards.
 */
public final class ContactProber {
    private final TransactionLayer transactions;
    private final TransportLayer transport;
    private final Resolver resolver;
    private final String domain;
    private final Clock clock;
    private final ProbeSettings settings;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ConcurrentHashMap<String, Recent> recent = new ConcurrentHashMap<>();

    /**
     * How one binding answered.
     *
     * @param contact    the binding's Contact
     * @param viaContact the probe along the path a call takes (Path, else the Contact)
     * @param viaFlow    the probe to the address and port the REGISTER came from, or
     *                   null when that is where {@code viaContact} went anyway
     */
    public record BindingProbe(String contact, Reachability viaContact, Reachability viaFlow) {}

    /** A probe started at {@code startedNanos}; its result is shared until the reuse interval ends. */
    private record Recent(long startedNanos, CompletableFuture<Reachability> result) {}

    public ContactProber(TransactionLayer transactions, TransportLayer transport, Resolver resolver, String domain,
                         Clock clock, ProbeSettings settings) {
        this.transactions = transactions;
        this.transport = transport;
        this.resolver = resolver;
        this.domain = domain;
        this.clock = clock;
        this.settings = settings;
    }

    public ProbeSettings settings() {
        return settings;
    }

    /** OPTIONS sent and not yet answered, timed out or failed. */
    public int inFlight() {
        return inFlight.get();
    }

    /**
     * Probes each binding; completes when every probe has an outcome, at the
     * latest after {@code wait} (capped at {@link ProbeSettings#maxWait()}).
     * Never completes exceptionally.
     */
    public CompletableFuture<List<BindingProbe>> probe(List<Registration> bindings, Duration wait) {
        Duration limit = wait == null || wait.compareTo(settings.maxWait()) > 0 || wait.isNegative() || wait.isZero()
                ? settings.maxWait() : wait;
        forgetOld();
        List<CompletableFuture<BindingProbe>> each = new ArrayList<>(bindings.size());
        for (Registration b : bindings) each.add(probeOne(b, limit));
        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                .thenApply(v -> each.stream().map(CompletableFuture::join).toList());
    }

    private CompletableFuture<BindingProbe> probeOne(Registration binding, Duration wait) {
        StringBuilder problem = new StringBuilder();
        OptionsRequest.Prepared contactProbe = OptionsRequest.prepare(binding, domain, newCallId(), newTag(), problem);
        if (contactProbe == null) {
            return CompletableFuture.completedFuture(new BindingProbe(binding.contact(),
                    new Reachability.NotProbed(problem.toString()), null));
        }
        CompletableFuture<Reachability> viaContact = shared("contact " + binding.sipId() + " " + binding.contact(),
                () -> send(contactProbe, null, wait));
        CompletableFuture<Reachability> viaFlow = null;
        Peer flow = Peer.parse(binding.source());
        Peer literal = Hosts.peerOfLiteral(contactProbe.nextHop());
        if (flow != null && binding.path().isEmpty() && literal != null && !literal.equals(flow)) {
            // the same OPTIONS, but over the flow: the Contact stays the Request-URI
            OptionsRequest.Prepared flowProbe = OptionsRequest.prepare(binding, domain, newCallId(), newTag(), problem);
            viaFlow = shared("flow " + binding.sipId() + " " + binding.contact() + " " + flow,
                    () -> send(flowProbe, flow, wait));
        }
        CompletableFuture<Reachability> flowResult = viaFlow == null ? CompletableFuture.completedFuture(null) : viaFlow;
        return viaContact.thenCombine(flowResult, (c, f) -> new BindingProbe(binding.contact(), c, f));
    }

    /** The recent probe under {@code key}, or a new one when there is none and the in-flight limit allows it. */
    private CompletableFuture<Reachability> shared(String key, Supplier<CompletableFuture<Reachability>> start) {
        long now = clock.nanoTime();
        long reuse = settings.reuseWithin().toNanos();
        boolean[] refused = {false};
        Recent r = recent.compute(key, (k, old) -> {
            if (old != null && now - old.startedNanos() < reuse) return old;
            if (inFlight.incrementAndGet() > settings.maxInFlight()) {
                inFlight.decrementAndGet();
                refused[0] = true;
                return old;
            }
            CompletableFuture<Reachability> f = start.get();
            f.whenComplete((v, e) -> inFlight.decrementAndGet());
            return new Recent(now, f);
        });
        if (refused[0]) {
            return CompletableFuture.completedFuture(new Reachability.NotProbed(
                    "too many probes in flight (" + settings.maxInFlight() + "); try again in a few seconds"));
        }
        return r.result();
    }

    /** Drops finished probes older than the reuse interval, so the table stays small. */
    private void forgetOld() {
        long now = clock.nanoTime();
        long reuse = settings.reuseWithin().toNanos();
        recent.values().removeIf(r -> r.result().isDone() && now - r.startedNanos() >= reuse);
    }

    /** Finds the next hop (unless {@code to} is given), adds our Via and starts the probe on the Call-ID's shard. */
    private CompletableFuture<Reachability> send(OptionsRequest.Prepared p, Peer to, Duration wait) {
        SipRequest request = p.request();
        Scheduler shard = transactions.shardFor(request.callId());
        CompletableFuture<Reachability> result = new CompletableFuture<>();
        CompletableFuture<Peer> destination = to != null ? CompletableFuture.completedFuture(to) : resolve(p.nextHop());
        destination.whenComplete((peer, err) -> shard.execute(() -> {
            if (err != null) {
                result.complete(new Reachability.Unsendable(null, "cannot resolve " + p.nextHop().host() + ": "
                        + OptionsProbe.describe(err)));
                return;
            }
            addVia(request, peer);
            OptionsProbe probe = new OptionsProbe(shard, peer);
            probe.result.whenComplete((r, e) -> result.complete(r));
            try {
                probe.start(transactions, request, wait);
            } catch (RuntimeException e) {
                result.complete(new Reachability.Unsendable(peer, OptionsProbe.describe(e)));
            }
        }));
        return result;
    }

    private CompletableFuture<Peer> resolve(SipUri nextHop) {
        Peer literal = Hosts.peerOfLiteral(nextHop);
        if (literal != null) return CompletableFuture.completedFuture(literal);
        try {
            return resolver.resolve(nextHop);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** §8.1.1.7: our Via, for the transport the next hop uses, with a fresh RFC 3261 branch. */
    private void addVia(SipRequest request, Peer destination) {
        ListeningPoint lp = transport.listeningPoint(destination.protocol());
        if (lp == null) lp = transport.listeningPoints().get(0);
        String branch = Via.MAGIC_COOKIE + "pr" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
        Via via = new Via(lp.protocol().viaToken(), lp.host(), lp.port(), Params.EMPTY.with("branch", branch));
        request.addHeaderFirst(HeaderNames.VIA, via.toString());
    }

    private static String newCallId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "probe-" + Long.toHexString(r.nextLong() >>> 1) + Long.toHexString(r.nextLong() >>> 1);
    }

    private static String newTag() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    }
}
