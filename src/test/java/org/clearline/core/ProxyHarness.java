package org.clearline.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.clearline.core.auth.DigestAlgorithm;
import org.clearline.core.auth.DigestAuthenticator;
import org.clearline.core.auth.NonceService;
import org.clearline.core.directory.CachedDirectory;
import org.clearline.core.location.LocationService;
import org.clearline.core.proxy.ProxyConfig;
import org.clearline.core.proxy.CallOutcomes;
import org.clearline.core.proxy.ProxyCore;
import org.clearline.core.registrar.Registrar;
import org.clearline.core.registrar.RegistrarConfig;
import org.clearline.features.DialPlan;
import org.clearline.features.ActiveCalls;
import org.clearline.features.Forwarding;
import org.clearline.features.TargetStep;
import org.clearline.features.TrunkRouter;
import org.clearline.features.TrunkStep;
import org.clearline.features.LocationStep;
import org.clearline.features.RoutingChain;
import org.clearline.features.RoutingStep;
import org.clearline.store.Account;
import org.clearline.store.NumberStore.NumberAssignment;
import org.clearline.syntax.SipResponse;
import org.clearline.time.ManualClock;
import org.clearline.time.ManualScheduler;
import org.clearline.transaction.ServerTransaction;
import org.clearline.transaction.ShardedTransactionLayer;
import org.clearline.transaction.TimerConfig;
import org.clearline.transaction.TransactionUser;
import org.clearline.transport.Inbound;
import org.clearline.transport.LoopTransport;
import org.clearline.transport.LoopTransport.Sent;
import org.clearline.transport.Malformed;
import org.clearline.transport.Peer;
import org.clearline.transport.Resolver;

/**
 * The whole core on virtual time and a loop transport: one transaction shard,
 * the dispatcher, registrar, proxy core and the routing chain over a fixed
 * directory (alice, bob, carol disabled, dave never registered) in the domain
 * {@value #DOMAIN}. Tests play the phones by delivering raw SIP text and read
 * what the server put on the wire.
 */
public final class ProxyHarness {
    public static final String DOMAIN = "example.com";
    /** The server's address (the loop transport's UDP and TCP listening points). */
    public static final Peer SERVER = Peer.udp("127.0.0.1", 5060);
    /** What the proxy writes into Record-Route for a UDP-to-UDP call. */
    public static final String OUR_RECORD_ROUTE = "<sip:127.0.0.1:5060;lr>";
    public static final Duration NONCE_LIFETIME = Duration.ofMinutes(5);

    public final ManualClock clock = new ManualClock();
    public final ManualScheduler shard = new ManualScheduler(clock, "shard-0");
    public final LoopTransport net = new LoopTransport(clock);
    public final FakeRegistrationStore store = new FakeRegistrationStore();
    public final LocationService location = new LocationService();
    public final CachedDirectory directory;
    public final NonceService nonces;
    public final DigestAuthenticator auth;
    public final Registrar registrar;
    public final ProxyCore proxy;
    public final CoreDispatcher dispatcher;
    public final ShardedTransactionLayer transactions;
    /** Host names the resolver knows (no DNS in tests); anything else fails to resolve. */
    public final Map<String, Peer> hosts = new ConcurrentHashMap<>();
    /** "status situation-id" (or "status -" for an answer that is no failure of ours) for every final answer the proxy reported. */
    public final List<String> callOutcomes = new CopyOnWriteArrayList<>();
    /** What the registrar and the dispatcher reported of each REGISTER: "code situation-id" ("-" for none). */
    public final List<String> registrationOutcomes = new CopyOnWriteArrayList<>();

    private final Map<String, String> challenges = new HashMap<>();
    private final Map<String, Long> challengedAt = new HashMap<>();
    private final Map<String, Integer> nonceCounts = new HashMap<>();
    private int counter;

    public ProxyHarness() {
        this(List.of(), RegistrarConfig.DEFAULT);
    }

    /** @param firstSteps routing steps that run before the standard local-target and location steps */
    public ProxyHarness(List<RoutingStep> firstSteps, RegistrarConfig registrarConfig) {
        List<Account> accounts = List.of(account("alice", "alice-secret", true), account("bob", "bob-secret", true),
                account("carol", "carol-secret", false), account("dave", "dave-secret", true));
        List<NumberAssignment> numbers = List.of(new NumberAssignment("+493012345001", "alice"),
                new NumberAssignment("+493012345002", "bob"), new NumberAssignment("+493012345004", "dave"));
        directory = new CachedDirectory(() -> accounts, () -> numbers);
        directory.reload();
        nonces = new NonceService(clock, NONCE_LIFETIME.toMillis(), "a fixed test secret, 32 bytes!!".getBytes());
        auth = new DigestAuthenticator(DOMAIN, directory, nonces, List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5));
        LocalIdentity identity = new LocalIdentity(DOMAIN, List.of(), net.listeningPoints());
        Registrar.Outcomes registered = (request, source, code, s, sipId) ->
                registrationOutcomes.add(code + " " + (s == null ? "-" : s.id()));
        registrar = new Registrar(registrarConfig, identity, auth, location, store, clock, registered);
        LateUser late = new LateUser();
        transactions = new ShardedTransactionLayer(net, List.of(shard), TimerConfig.DEFAULT, late);
        List<RoutingStep> steps = new ArrayList<>(firstSteps);
        DialPlan dialPlan = new DialPlan("49", "30");
        steps.add(new TargetStep(identity, directory, dialPlan));
        steps.add(new TrunkStep(new TrunkRouter(List.of())));
        Forwarding forwarding = new Forwarding(identity, directory, dialPlan, new TrunkRouter(List.of()), 5);
        Resolver resolver = uri -> {
            Peer p = hosts.get(uri.host());
            return p != null ? CompletableFuture.completedFuture(p)
                    : CompletableFuture.failedFuture(new UnknownHostException(uri.host()));
        };
        CallOutcomes finished = (tx, status, s) -> callOutcomes.add(status + " " + (s == null ? "-" : s.id()));
        proxy = new ProxyCore(ProxyConfig.DEFAULT, identity, auth, chain(steps, forwarding), transactions, net,
                resolver, clock, finished);
        dispatcher = new CoreDispatcher(registrar, proxy, net, finished, registered);
        late.target = dispatcher;
        net.setHandler(transactions);
        net.start();
    }

    private RoutingChain chain(List<RoutingStep> callerSteps, Forwarding forwarding) {
        RoutingChain chain = new RoutingChain(callerSteps,
                List.of(new LocationStep(location, directory, new ActiveCalls(), forwarding)));
        forwarding.chain(chain);
        return chain;
    }

    private static Account account(String user, String password, boolean enabled) {
        return new Account(user, user, DigestClient.ha1("MD5", user, DOMAIN, password),
                DigestClient.ha1("SHA-256", user, DOMAIN, password), enabled);
    }

    /** The transaction layer needs its user before the dispatcher exists; this closes the circle. */
    private static final class LateUser implements TransactionUser {
        TransactionUser target;

        @Override public void onRequest(ServerTransaction transaction) { target.onRequest(transaction); }
        @Override public void onAck(Inbound ack) { target.onAck(ack); }
        @Override public void onStrayResponse(Inbound response) { target.onStrayResponse(response); }
        @Override public void onMalformed(Malformed malformed) { target.onMalformed(malformed); }
    }

    // ------------------------------------------------------------------ network

    /** Delivers raw text as if it came from {@code from}, then lets the shard run. */
    public void send(Peer from, String raw) {
        net.deliver(raw, from);
        settle();
    }

    public void send(Phone from, String raw) {
        send(from.peer(), raw);
    }

    /** Runs everything queued on the shard at the current virtual time. */
    public void settle() {
        clock.advance(Duration.ZERO);
    }

    public void advance(Duration d) {
        clock.advance(d);
    }

    /** What went out since the last call. */
    public List<Sent> take() {
        return net.takeSent();
    }

    /** Of {@code sent}, the messages that went to {@code to}. */
    public static List<Sent> to(List<Sent> sent, Peer to) {
        return sent.stream().filter(s -> s.destination().equals(to)).toList();
    }

    /** The only message in {@code sent} that went to {@code to}, asserting there is exactly one. */
    public static Sent onlyTo(List<Sent> sent, Peer to) {
        List<Sent> mine = to(sent, to);
        assertThat(mine).as("messages to %s in %s", to, sent).hasSize(1);
        return mine.get(0);
    }

    /** The last response in {@code sent} that went to {@code to}. */
    public static SipResponse lastResponseTo(List<Sent> sent, Peer to) {
        List<Sent> mine = to(sent, to).stream().filter(s -> !s.isRequest()).toList();
        assertThat(mine).as("responses to %s in %s", to, sent).isNotEmpty();
        return mine.get(mine.size() - 1).response();
    }

    // -------------------------------------------------------------- identifiers

    public String branch() {
        return "z9hG4bKt" + (++counter);
    }

    public String callId(String who) {
        return who + "-" + (++counter) + "@test";
    }

    public String tag() {
        return "tg" + (++counter);
    }

    // ------------------------------------------------------------------- digest

    /**
     * Credentials for {@code phone} (Authorization or Proxy-Authorization value):
     * the first time, a real 401 challenge is fetched with a REGISTER query and
     * its SHA-256 offer remembered; each call then counts nc one up. A nonce near
     * the end of its lifetime is replaced, as a phone would after a stale=true.
     */
    public String credentials(Phone phone, String method, String uri) {
        String challenge = challenges.get(phone.user());
        Long at = challengedAt.get(phone.user());
        if (at != null && clock.epochMillis() - at >= NONCE_LIFETIME.toMillis() / 2) challenge = null;
        if (challenge == null) {
            List<Sent> before = net.takeSent();
            send(phone, Sip.message("REGISTER sip:" + DOMAIN + " SIP/2.0", phone.via(branch()), "Max-Forwards: 70",
                    "From: <" + phone.aor() + ">;tag=" + tag(), "To: <" + phone.aor() + ">",
                    "Call-ID: " + callId("challenge"), "CSeq: 1 REGISTER"));
            SipResponse r = lastResponseTo(net.takeSent(), phone.peer());
            assertThat(r.status()).isEqualTo(401);
            challenge = r.headerValues("WWW-Authenticate").get(0);
            challenges.put(phone.user(), challenge);
            challengedAt.put(phone.user(), clock.epochMillis());
            nonceCounts.remove(phone.user());
            restore(before);
        }
        int nc = nonceCounts.merge(phone.user(), 1, Integer::sum);
        return DigestClient.authorization(challenge, phone.user(), phone.password(), method, uri, nc, "cn" + nc);
    }

    private void restore(List<Sent> earlier) {
        // put back what the test had not read yet, ahead of anything newer
        List<Sent> newer = net.takeSent();
        for (Sent s : earlier) net.send(s.message(), s.destination(), c -> {});
        for (Sent s : newer) net.send(s.message(), s.destination(), c -> {});
    }

    // -------------------------------------------------------------- registering

    /** Registers {@code phone}'s contact for the default time and asserts 200; clears what was sent. */
    public void register(Phone phone, String... extraLines) {
        String uri = "sip:" + DOMAIN;
        List<String> lines = new ArrayList<>(List.of("REGISTER " + uri + " SIP/2.0", phone.via(branch()),
                "Max-Forwards: 70", "From: <" + phone.aor() + ">;tag=" + tag(), "To: <" + phone.aor() + ">",
                "Call-ID: " + callId(phone.user() + "-reg"), "CSeq: 1 REGISTER",
                "Contact: <" + phone.contactUri() + ">",
                "Authorization: " + credentials(phone, "REGISTER", uri)));
        lines.addAll(List.of(extraLines));
        send(phone, Sip.message(lines.toArray(String[]::new)));
        SipResponse r = lastResponseTo(take(), phone.peer());
        assertThat(r.status()).as("REGISTER of %s", phone).isEqualTo(200);
    }

    // ------------------------------------------------------------------ calling

    /** An INVITE as {@code caller} writes it; {@code extra} lines go after the standard ones. */
    public String invite(Phone caller, String requestUri, String callId, String fromTag, int cseq, String branch,
                         String... extra) {
        return Sip.message(new String[] {"INVITE " + requestUri + " SIP/2.0", caller.via(branch), "Max-Forwards: 70",
                caller.from(fromTag), "To: <" + requestUri + ">", "Call-ID: " + callId, "CSeq: " + cseq + " INVITE",
                "Contact: <" + caller.contactUri() + ">"}, extra);
    }

    /** A call placed by a local phone with valid Proxy-Authorization. Nothing is taken from {@link #net}. */
    public Call call(Phone caller, String requestUri, String... extra) {
        Call c = new Call(caller, requestUri, callId("call"), tag(), branch(), 1);
        List<String> lines = new ArrayList<>(List.of(extra));
        lines.add("Proxy-Authorization: " + credentials(caller, "INVITE", requestUri));
        send(caller, invite(caller, requestUri, c.callId(), c.fromTag(), c.cseq(), c.branch(),
                lines.toArray(String[]::new)));
        return c;
    }

    /** A call from a phone of another domain (no credentials asked of it). */
    public Call callFromOutside(Phone caller, String requestUri, String... extra) {
        Call c = new Call(caller, requestUri, callId("ext"), tag(), branch(), 1);
        send(caller, invite(caller, requestUri, c.callId(), c.fromTag(), c.cseq(), c.branch(), extra));
        return c;
    }

    /** One call's identifiers as the caller keeps them. */
    public record Call(Phone caller, String requestUri, String callId, String fromTag, String branch, int cseq) {
        /** The CANCEL for this INVITE (§9.1: same Request-URI, top Via, Call-ID, From, To, CSeq number). */
        public String cancel() {
            return Sip.message("CANCEL " + requestUri + " SIP/2.0", caller.via(branch), "Max-Forwards: 70",
                    caller.from(fromTag), "To: <" + requestUri + ">", "Call-ID: " + callId, "CSeq: " + cseq + " CANCEL");
        }

        /** The ACK for a non-2xx final (same branch, the To tag of the response). */
        public String ackFailure(String toTag) {
            return Sip.message("ACK " + requestUri + " SIP/2.0", caller.via(branch), "Max-Forwards: 70",
                    caller.from(fromTag), "To: <" + requestUri + ">;tag=" + toTag, "Call-ID: " + callId,
                    "CSeq: " + cseq + " ACK");
        }

        /** An in-dialog request of the caller (ACK for a 2xx, BYE...) to {@code remoteTarget} via {@code routes}. */
        public String inDialog(String method, int number, String newBranch, String remoteTarget, String toTag,
                               String... routes) {
            List<String> lines = new ArrayList<>(List.of(method + " " + remoteTarget + " SIP/2.0",
                    caller.via(newBranch), "Max-Forwards: 70"));
            for (String r : routes) lines.add("Route: " + r);
            lines.addAll(List.of(caller.from(fromTag), "To: <" + requestUri + ">;tag=" + toTag, "Call-ID: " + callId,
                    "CSeq: " + number + " " + method));
            return Sip.message(lines.toArray(String[]::new));
        }
    }
}
