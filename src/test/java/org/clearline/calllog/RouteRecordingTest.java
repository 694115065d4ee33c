package org.clearline.calllog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.clearline.core.DigestClient;
import org.clearline.core.LocalIdentity;
import org.clearline.core.auth.DigestAlgorithm;
import org.clearline.core.auth.DigestAuthenticator;
import org.clearline.core.auth.NonceService;
import org.clearline.core.directory.CachedDirectory;
import org.clearline.core.location.LocationService;
import org.clearline.core.proxy.ProxyConfig;
import org.clearline.core.proxy.ProxyCore;
import org.clearline.features.ActiveCalls;
import org.clearline.features.Destinations;
import org.clearline.features.DialPlan;
import org.clearline.features.FeatureChain;
import org.clearline.features.Trunk;
import org.clearline.features.TrunkRouter;
import org.clearline.store.Account;
import org.clearline.store.CallRecord;
import org.clearline.store.LineSettings;
import org.clearline.store.NumberStore.NumberAssignment;
import org.clearline.store.Registration;
import org.clearline.store.RouteStep;
import org.clearline.store.RouteStep.Kind;
import org.clearline.syntax.SipRequest;
import org.clearline.time.ManualClock;
import org.clearline.time.ManualScheduler;
import org.clearline.transaction.ServerTransaction;
import org.clearline.transaction.ShardedTransactionLayer;
import org.clearline.transaction.TimerConfig;
import org.clearline.transaction.TransactionUser;
import org.clearline.transport.Inbound;
import org.clearline.transport.LoopTransport;
import org.clearline.transport.Malformed;
import org.clearline.transport.MessageHandler;
import org.clearline.transport.Peer;
import org.clearline.transport.TransportProtocol;
import org.junit.jupiter.api.Test;

/**
 * The route a call took, learnt from the proxy's routing hook: the real proxy
 * core and feature chain on a loop transport and virtual time, the recorder as
 * their outcome hook and message tap, phones and trunks played by the test.
 */
class RouteRecordingTest {
    private static final String DOMAIN = "example.com";
    private static final Peer ALICE = Peer.udp("192.0.2.10", 5060);
    private static final Peer MALLORY = Peer.udp("198.51.100.7", 5060);
    private static final Peer BOB_PHONE = Peer.udp("192.0.2.20", 5060);
    private static final Peer PEGGY_PHONE = Peer.udp("192.0.2.30", 5060);
    private static final Peer CARRIER_A = Peer.udp("192.0.2.51", 5060);
    private static final Peer CARRIER_B = Peer.udp("192.0.2.52", 5060);

    private final ManualClock clock = new ManualClock();
    private final ManualScheduler shard = new ManualScheduler(clock, "shard-0");
    private final LoopTransport net = new LoopTransport(clock);
    private final LogQueue queue = new LogQueue(10);
    private final CallLogRecorder recorder = new CallLogRecorder(queue, clock);

    RouteRecordingTest() {
        LineSettings bobForwardsWhenBusy = new LineSettings(false, 0, null,
                new LineSettings.Forward("peggy", LineSettings.ForwardMode.FOLLOW), null, 20, null, List.of(), List.of(),
                LineSettings.Srtp.OPTIONAL, LineSettings.DEFAULT.permissions());
        List<Account> accounts = List.of(account("alice"), account("bob"), account("peggy"));
        CachedDirectory directory = new CachedDirectory(() -> accounts,
                () -> List.of(new NumberAssignment("+493012345002", "bob")), () -> Map.of("bob", bobForwardsWhenBusy));
        directory.reload();
        LocationService location = new LocationService();
        location.replace("bob", List.of(binding("bob", BOB_PHONE)));
        location.replace("peggy", List.of(binding("peggy", PEGGY_PHONE)));
        LocalIdentity identity = new LocalIdentity(DOMAIN, List.of(), net.listeningPoints());
        DigestAuthenticator auth = new DigestAuthenticator(DOMAIN, directory,
                new NonceService(clock, 300_000, "a fixed test secret, 32 bytes!!".getBytes()),
                List.of(DigestAlgorithm.MD5));
        // two carriers for +4989: the second is the failover of the first
        TrunkRouter trunks = new TrunkRouter(List.of(
                new Trunk("carrier-a", "192.0.2.51", 5060, TransportProtocol.UDP, null, List.of("+4989")),
                new Trunk("carrier-b", "192.0.2.52", 5060, TransportProtocol.UDP, null, List.of("+4989"))));
        var chain = FeatureChain.build(identity, directory, location, new DialPlan("49", "30"),
                new Destinations("49", "30", List.of()), trunks, new ActiveCalls(), 5);
        ProxyHolder tu = new ProxyHolder();
        ShardedTransactionLayer transactions = new ShardedTransactionLayer(net, List.of(shard), TimerConfig.DEFAULT, tu);
        tu.proxy = new ProxyCore(ProxyConfig.DEFAULT, identity, auth, chain, transactions, net,
                uri -> CompletableFuture.failedFuture(new UnknownHostException(uri.host())), clock, recorder);
        net.setHandler(new MessageHandler() {  // the tap, as the real transport calls it
            @Override public void onMessage(Inbound in) {
                recorder.inbound(in.message(), in.source(), clock.epochMillis());
                transactions.onMessage(in);
            }

            @Override public void onMalformed(Malformed m) {
                transactions.onMalformed(m);
            }
        });
        net.start();
    }

    @Test
    void aCallForwardedOnBusyRecordsBothLinesAndTheForward() throws Exception {
        deliver(MALLORY, invite("fwd-1", "sip:bob@" + DOMAIN, MALLORY, "mallory@evil.example", 1, ""));
        answer(BOB_PHONE, "486 Busy Here");
        answer(PEGGY_PHONE, "480 Temporarily Unavailable");

        CallRecord call = Records.call((Pending.Call) LogFixtures.drainClosed(recorder, queue).get(0));
        assertThat(call.code()).as("§16.7: the best answer of every branch of the call").isEqualTo(486);
        assertThat(call.route()).containsExactly(
                new RouteStep(Kind.CONTACT, "bob: phone 1", "sip:bob@192.0.2.20:5060"),
                new RouteStep(Kind.FORWARD, "bob -> peggy", "busy"),
                new RouteStep(Kind.CONTACT, "peggy: phone 1", "sip:peggy@192.0.2.30:5060"));
    }

    @Test
    void aTrunkCallRecordsTheTrunkAndItsFailover() throws Exception {
        String ruri = "sip:+498912345678@" + DOMAIN;
        deliver(ALICE, invite("trunk-1", ruri, ALICE, "alice@" + DOMAIN, 1, ""));
        String challenge = net.takeSent().stream().filter(s -> !s.isRequest() && s.response().status() == 407)
                .findFirst().orElseThrow().response().header("Proxy-Authenticate");
        String credentials = DigestClient.authorization(challenge, "alice", "secret-alice", "INVITE", ruri, 1, "c1");
        deliver(ALICE, invite("trunk-1", ruri, ALICE, "alice@" + DOMAIN, 2,
                "Proxy-Authorization: " + credentials + "\r\n"));
        answer(CARRIER_A, "503 Service Unavailable");
        answer(CARRIER_B, "404 Not Found");

        CallRecord call = Records.call((Pending.Call) LogFixtures.drainClosed(recorder, queue).get(0));
        assertThat(call.code()).isEqualTo(404);
        assertThat(call.route()).containsExactly(
                new RouteStep(Kind.TRUNK, "trunk carrier-a", "sip:+498912345678@192.0.2.51:5060;user=phone"),
                new RouteStep(Kind.FAILOVER, "trunk carrier-b", "sip:+498912345678@192.0.2.52:5060;user=phone"));
        assertThat(call.messages()).extracting(m -> m.direction() + " " + m.startLine()).as("the inbound half")
                .startsWith("IN INVITE " + ruri + " SIP/2.0", "IN INVITE " + ruri + " SIP/2.0",
                        "IN SIP/2.0 503 Service Unavailable");
    }

    /** The test plays the phone or trunk {@code at}: answers the INVITE the proxy sent there. */
    private void answer(Peer at, String status) {
        SipRequest sent = net.takeSent().stream().filter(s -> s.destination().equals(at) && s.isRequest())
                .map(s -> s.request()).filter(r -> r.isInvite()).findFirst().orElseThrow(
                        () -> new AssertionError("no INVITE was sent to " + at));
        StringBuilder r = new StringBuilder("SIP/2.0 ").append(status).append("\r\n");
        r.append("Via: ").append(sent.header("Via")).append("\r\n");
        r.append("From: ").append(sent.header("From")).append("\r\n");
        r.append("To: ").append(sent.header("To")).append(";tag=callee\r\n");
        r.append("Call-ID: ").append(sent.callId()).append("\r\nCSeq: ").append(sent.header("CSeq"));
        deliver(at, r.append("\r\nContent-Length: 0\r\n\r\n").toString());
    }

    private void deliver(Peer from, String raw) {
        net.deliver(raw, from);
        clock.advance(Duration.ZERO);
    }

    private static String invite(String callId, String ruri, Peer from, String fromUri, int cseq, String extra) {
        String host = from.address().getAddress().getHostAddress();
        return "INVITE " + ruri + " SIP/2.0\r\nVia: SIP/2.0/UDP " + host + ":5060;branch=z9hG4bK" + callId + cseq
                + "\r\nMax-Forwards: 70\r\nFrom: <sip:" + fromUri + ">;tag=caller\r\nTo: <" + ruri + ">\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: " + cseq + " INVITE\r\nContact: <sip:x@" + host + ">\r\n" + extra
                + "Content-Length: 0\r\n\r\n";
    }

    private static Account account(String user) {
        return new Account(user, user, DigestClient.ha1("MD5", user, DOMAIN, "secret-" + user),
                DigestClient.ha1("SHA-256", user, DOMAIN, "secret-" + user), true);
    }

    private static Registration binding(String user, Peer phone) {
        String ip = phone.address().getAddress().getHostAddress();
        return new Registration(user, "sip:" + user + "@" + ip + ":5060", "reg-" + user, 1, Long.MAX_VALUE, 0, 1.0, "",
                phone.toString(), "test phone");
    }

    /** The transaction layer needs its user before the proxy exists. */
    private static final class ProxyHolder implements TransactionUser {
        ProxyCore proxy;

        @Override public void onRequest(ServerTransaction tx) { proxy.onRequest(tx); }
        @Override public void onAck(Inbound ack) { proxy.onAck(ack); }
        @Override public void onStrayResponse(Inbound response) { proxy.onStrayResponse(response); }
        @Override public void onMalformed(Malformed malformed) {}
    }
}
