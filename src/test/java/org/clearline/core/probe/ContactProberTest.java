package org.clearline.core.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.clearline.core.Sip;
import org.clearline.core.probe.ContactProber.BindingProbe;
import org.clearline.store.Registration;
import org.clearline.syntax.SipRequest;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OPTIONS probe over a loop transport and a real transaction layer on
 * virtual time: the test plays the phone (answers, stays silent, is not there).
 */
class ContactProberTest {
    private static final Peer PHONE = Peer.udp("192.0.2.10", 5062);
    private static final Duration WAIT = Duration.ofSeconds(4);

    private final ManualClock clock = new ManualClock();
    private final ManualScheduler shard = new ManualScheduler(clock, "shard-0");
    private final LoopTransport net = new LoopTransport(clock);
    private final Map<String, Peer> hosts = new ConcurrentHashMap<>();
    private ContactProber prober;

    @BeforeEach
    void wire() {
        prober = prober(ProbeSettings.DEFAULT);
    }

    private ContactProber prober(ProbeSettings settings) {
        ShardedTransactionLayer transactions = new ShardedTransactionLayer(net, List.of(shard), TimerConfig.DEFAULT,
                new IgnoringUser());
        net.setHandler(transactions);
        net.start();
        Resolver resolver = uri -> {
            Peer p = hosts.get(uri.host());
            return p != null ? CompletableFuture.completedFuture(p)
                    : CompletableFuture.failedFuture(new UnknownHostException(uri.host() + ": no such host"));
        };
        return new ContactProber(transactions, net, resolver, "example.com", clock, settings);
    }

    @Test
    void anAnsweringPhoneIsReachableWithItsRoundTripAndHeaders() {
        CompletableFuture<List<BindingProbe>> f = prober.probe(List.of(binding("sip:alice@192.0.2.10:5062",
                "udp:192.0.2.10:5062", "")), WAIT);
        settle();
        Sent sent = onlyRequest();
        assertThat(sent.destination()).isEqualTo(PHONE);
        SipRequest options = sent.request();
        assertThat(options.startLine()).isEqualTo("OPTIONS sip:alice@192.0.2.10:5062 SIP/2.0");
        assertThat(options.topVia().transport()).isEqualTo("UDP");
        assertThat(options.topVia().sentBy()).isEqualTo("127.0.0.1:5060");
        assertThat(options.topVia().rfc3261Branch()).isTrue();
        assertThat(options.header("To")).isEqualTo("<sip:alice@example.com>");
        assertThat(options.from().tag()).isNotEmpty();
        assertThat(options.header("CSeq")).isEqualTo("1 OPTIONS");
        assertThat(options.header("Max-Forwards")).isEqualTo("70");
        assertThat(f).isNotDone();

        clock.advance(Duration.ofMillis(37));
        net.deliver(Sip.response(options, 200, "OK", "ph1", "Allow: INVITE, ACK, BYE, CANCEL, OPTIONS",
                "User-Agent: DeskPhone 2.1"), PHONE);
        settle();

        assertThat(f).isDone();
        BindingProbe p = f.join().get(0);
        assertThat(p.contact()).isEqualTo("sip:alice@192.0.2.10:5062");
        assertThat(p.viaFlow()).isNull();
        assertThat(p.viaContact()).isEqualTo(new Reachability.Answered(PHONE, 200, "OK", 37,
                "INVITE, ACK, BYE, CANCEL, OPTIONS", "DeskPhone 2.1", null));
        assertThat(p.viaContact().reachable()).isTrue();
        assertThat(prober.inFlight()).isZero();
    }

    @Test
    void aPhoneThatRefusesOptionsWith405IsStillReachable() {
        CompletableFuture<List<BindingProbe>> f = prober.probe(List.of(binding("sip:alice@192.0.2.10:5062",
                "udp:192.0.2.10:5062", "")), WAIT);
        settle();
        clock.advance(Duration.ofMillis(5));
        net.deliver(Sip.response(onlyRequest().request(), 405, "Method Not Allowed", "ph1", "Server: TinyUA"), PHONE);
        settle();
        Reachability r = f.join().get(0).viaContact();
        assertThat(r).isInstanceOfSatisfying(Reachability.Answered.class, a -> {
            assertThat(a.status()).isEqualTo(405);
            assertThat(a.server()).isEqualTo("TinyUA");
        });
        assertThat(r.reachable()).isTrue();
    }

    @Test
    void aMalformedAnswerStillProvesSomethingIsThere() {
        CompletableFuture<List<BindingProbe>> f = prober.probe(List.of(binding("sip:alice@192.0.2.10:5062",
                "udp:192.0.2.10:5062", "")), WAIT);
        settle();
        SipRequest options = onlyRequest().request();
        clock.advance(Duration.ofMillis(8));
        String good = Sip.response(options, 200, "OK", "ph1");
        String broken = good.replace("To: <sip:alice@example.com>;tag=ph1", "To: <sip:alice@example.com;tag=ph1");
        assertThat(broken).isNotEqualTo(good);
        assertThat(net.deliver(broken, PHONE)).as("the fixture must not parse").isNull();
        settle();
        Reachability r = f.join().get(0).viaContact();
        assertThat(r).isInstanceOfSatisfying(Reachability.Malformed.class, m -> {
            assertThat(m.roundTripMillis()).isEqualTo(8);
            assertThat(m.destination()).isEqualTo(PHONE);
        });
        assertThat(r.reachable()).isTrue();
    }

    @Test
    void aSilentPhoneTimesOutAtTheProbeLimitAndNothingMoreIsSent() {
        CompletableFuture<List<BindingProbe>> f = prober.probe(List.of(binding("sip:alice@192.0.2.10:5062",
                "udp:192.0.2.10:5062", "")), WAIT);
        settle();
        clock.advance(WAIT.minusMillis(1));
        assertThat(f).isNotDone();
        // §17.1.2.2 Timer E: retransmitted at 0.5, 1.5 and 3.5 s over UDP
        assertThat(net.takeSent()).extracting(Sent::summary).containsExactly("OPTIONS", "OPTIONS", "OPTIONS", "OPTIONS");
        clock.advance(Duration.ofMillis(1));

        Reachability r = f.join().get(0).viaContact();
        assertThat(r).isEqualTo(new Reachability.TimedOut(PHONE, 4000));
        assertThat(r.reachable()).isFalse();
        clock.advance(Duration.ofSeconds(40));
        assertThat(net.takeSent()).as("the transaction was ended, not left to retransmit").isEmpty();
        assertThat(shard.scheduledTimers()).isZero();
        assertThat(prober.inFlight()).isZero();
    }

    @Test
    void aSendThatFailsIsATransportError() {
        net.failSendsTo(Peer.tcp("192.0.2.10", 5062), new IOException("Connection refused"));
        CompletableFuture<List<BindingProbe>> f = prober.probe(List.of(binding(
                "sip:alice@192.0.2.10:5062;transport=tcp", "tcp:192.0.2.10:5062", "")), WAIT);
        settle();
        assertThat(f.join().get(0).viaContact()).isEqualTo(
                new Reachability.Unsendable(Peer.tcp("192.0.2.10", 5062), "Connection refused"));
        assertThat(shard.scheduledTimers()).as("the limit timer was cancelled").isZero();
    }

    @Test
    void aContactHostThatDoesNotResolveIsATransportError() {
        CompletableFuture<List<BindingProbe>> f = prober.probe(List.of(binding("sip:alice@phone.invalid",
                "udp:192.0.2.10:5062", "")), WAIT);
        settle();
        assertThat(f.join().get(0).viaContact()).isInstanceOfSatisfying(Reachability.Unsendable.class,
                u -> assertThat(u.problem()).startsWith("cannot resolve phone.invalid: "));
        assertThat(net.sent()).isEmpty();
    }

    @Test
    void behindNatTheFlowOfTheRegisterIsProbedBesideTheContact() {
        Peer nat = Peer.udp("203.0.113.9", 40312);
        Peer privateContact = Peer.udp("10.0.0.5", 5060);
        CompletableFuture<List<BindingProbe>> f = prober.probe(List.of(binding("sip:alice@10.0.0.5:5060",
                "udp:203.0.113.9:40312", "")), WAIT);
        settle();
        List<Sent> sent = net.takeSent();
        assertThat(sent).extracting(Sent::destination).containsExactlyInAnyOrder(privateContact, nat);
        Sent viaNat = sent.stream().filter(s -> s.destination().equals(nat)).findFirst().orElseThrow();
        assertThat(viaNat.request().requestUri().toString()).isEqualTo("sip:alice@10.0.0.5:5060");
        clock.advance(Duration.ofMillis(20));
        net.deliver(Sip.response(viaNat.request(), 200, "OK", "n1"), nat);
        clock.advance(WAIT);

        BindingProbe p = f.join().get(0);
        assertThat(p.viaContact()).isEqualTo(new Reachability.TimedOut(privateContact, 4000));
        assertThat(p.viaFlow()).isInstanceOfSatisfying(Reachability.Answered.class,
                a -> assertThat(a.roundTripMillis()).isEqualTo(20));
    }

    @Test
    void aBindingWithAPathIsProbedThroughItsEdgeProxy() {
        Peer edge = Peer.udp("198.51.100.1", 5060);
        hosts.put("edge.example.net", edge);
        CompletableFuture<List<BindingProbe>> f = prober.probe(List.of(binding("sip:alice@10.0.0.5:5060",
                "udp:198.51.100.1:5060", "<sip:edge.example.net;lr>")), WAIT);
        settle();
        Sent sent = onlyRequest();
        assertThat(sent.destination()).isEqualTo(edge);
        assertThat(sent.request().headerValues("Route")).containsExactly("<sip:edge.example.net;lr>");
        assertThat(sent.request().requestUri().toString()).isEqualTo("sip:alice@10.0.0.5:5060");
        net.deliver(Sip.response(sent.request(), 200, "OK", "e1"), edge);
        settle();
        assertThat(f.join().get(0).viaContact().reachable()).isTrue();
        assertThat(f.join().get(0).viaFlow()).isNull();
    }

    @Test
    void aBindingProbedMomentsAgoIsNotProbedAgain() {
        Registration alice = binding("sip:alice@192.0.2.10:5062", "udp:192.0.2.10:5062", "");
        CompletableFuture<List<BindingProbe>> first = prober.probe(List.of(alice), WAIT);
        settle();
        net.deliver(Sip.response(onlyRequest().request(), 200, "OK", "a"), PHONE);
        settle();
        clock.advance(Duration.ofSeconds(9));

        CompletableFuture<List<BindingProbe>> again = prober.probe(List.of(alice), WAIT);
        settle();
        assertThat(net.takeSent()).isEmpty();
        assertThat(again.join()).isEqualTo(first.join());

        clock.advance(Duration.ofSeconds(1));
        prober.probe(List.of(alice), WAIT);
        settle();
        assertThat(onlyRequest().request().method()).isEqualTo("OPTIONS");
    }

    @Test
    void beyondTheInFlightLimitBindingsAreNotProbed() {
        prober = prober(new ProbeSettings(WAIT, 1, Duration.ofSeconds(10)));
        CompletableFuture<List<BindingProbe>> f = prober.probe(List.of(
                binding("sip:alice@192.0.2.10:5062", "udp:192.0.2.10:5062", ""),
                binding("sip:alice@192.0.2.11:5062", "udp:192.0.2.11:5062", "")), WAIT);
        settle();
        assertThat(net.takeSent()).hasSize(1);
        clock.advance(WAIT);
        List<BindingProbe> probes = f.join();
        assertThat(probes.get(0).viaContact()).isInstanceOf(Reachability.TimedOut.class);
        assertThat(probes.get(1).viaContact()).isInstanceOfSatisfying(Reachability.NotProbed.class,
                n -> assertThat(n.reason()).contains("too many probes in flight"));
    }

    @Test
    void aShorterWaitIsHonouredAndALongerOneCapped() {
        CompletableFuture<List<BindingProbe>> quick = prober.probe(List.of(binding("sip:alice@192.0.2.10:5062",
                "udp:192.0.2.10:5062", "")), Duration.ofSeconds(1));
        CompletableFuture<List<BindingProbe>> slow = prober.probe(List.of(binding("sip:bob@192.0.2.20:5062",
                "udp:192.0.2.20:5062", "")), Duration.ofMinutes(5));
        clock.advance(Duration.ofSeconds(1));
        assertThat(quick.join().get(0).viaContact()).isInstanceOfSatisfying(Reachability.TimedOut.class,
                t -> assertThat(t.waitedMillis()).isEqualTo(1000));
        assertThat(slow).isNotDone();
        clock.advance(Duration.ofSeconds(3));
        assertThat(slow.join().get(0).viaContact()).isInstanceOfSatisfying(Reachability.TimedOut.class,
                t -> assertThat(t.waitedMillis()).isEqualTo(4000));
    }

    @Test
    void aContactThatIsNoSipUriIsNotProbed() {
        CompletableFuture<List<BindingProbe>> f = prober.probe(List.of(binding("tel:+493012345",
                "udp:192.0.2.10:5062", "")), WAIT);
        settle();
        assertThat(f.join().get(0).viaContact()).isInstanceOfSatisfying(Reachability.NotProbed.class,
                n -> assertThat(n.reason()).contains("is not a sip: or sips: URI"));
        assertThat(net.sent()).isEmpty();
    }

    private Sent onlyRequest() {
        List<Sent> sent = net.takeSent();
        assertThat(sent).hasSize(1);
        return sent.get(0);
    }

    private void settle() {
        clock.advance(Duration.ZERO);
    }

    private Registration binding(String contact, String source, String path) {
        long now = clock.epochMillis();
        return new Registration("alice", contact, "reg@x", 1, now + 3_600_000, now, 1.0, path, source, "DeskPhone 2.1");
    }

    /** Nothing but our probes' responses is expected. */
    private static final class IgnoringUser implements TransactionUser {
        @Override public void onRequest(ServerTransaction transaction) {}
        @Override public void onAck(Inbound ack) {}
        @Override public void onStrayResponse(Inbound response) {}
        @Override public void onMalformed(Malformed malformed) {}
    }
}
