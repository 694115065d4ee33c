package org.clearline.transaction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.clearline.syntax.ParseResult;
import org.clearline.syntax.SipResponse;
import org.clearline.time.ManualClock;
import org.clearline.time.ManualScheduler;
import org.clearline.time.Scheduler;
import org.clearline.transport.Inbound;
import org.clearline.transport.LoopTransport;
import org.clearline.transport.Malformed;
import org.clearline.transport.Peer;

/**
 * A transaction layer on a loop transport and virtual time, with a TU that records
 * every upcall. Alice is at {@link #ALICE_UDP}/{@link #ALICE_TCP}, Bob at
 * {@link #BOB_UDP}/{@link #BOB_TCP}.
 */
final class Harness {
    static final Peer ALICE_UDP = Peer.udp("192.0.2.10", 5060);
    static final Peer ALICE_TCP = Peer.tcp("192.0.2.10", 5060);
    static final Peer BOB_UDP = Peer.udp("192.0.2.20", 5060);
    static final Peer BOB_TCP = Peer.tcp("192.0.2.20", 5060);

    final ManualClock clock = new ManualClock();
    final List<ManualScheduler> shards = new ArrayList<>();
    final LoopTransport transport = new LoopTransport(clock);
    final RecordingTu tu = new RecordingTu();
    final ShardedTransactionLayer layer;

    Harness() {
        this(1);
    }

    Harness(int shardCount) {
        for (int i = 0; i < shardCount; i++) shards.add(new ManualScheduler(clock, "shard-" + i));
        layer = new ShardedTransactionLayer(transport, List.<Scheduler>copyOf(shards), TimerConfig.DEFAULT, tu);
        transport.setHandler(layer);
    }

    /** Delivers raw SIP text from {@code from} and lets the shards run. */
    Inbound deliver(String wire, Peer from) {
        Inbound in = transport.deliver(wire, from);
        runPending();
        return in;
    }

    void runPending() {
        clock.advance(Duration.ZERO);
    }

    void advance(Duration d) {
        clock.advance(d);
    }

    void advanceSeconds(double seconds) {
        clock.advance(Duration.ofNanos(Math.round(seconds * 1e9)));
    }

    List<LoopTransport.Sent> takeSent() {
        return transport.takeSent();
    }

    /** Times (seconds since start) at which the given sends happened. */
    static List<Double> times(List<LoopTransport.Sent> sent) {
        return sent.stream().map(s -> s.atNanos() / 1e9).toList();
    }

    static List<String> summaries(List<LoopTransport.Sent> sent) {
        return sent.stream().map(LoopTransport.Sent::summary).toList();
    }

    int timersLeft() {
        return shards.stream().mapToInt(ManualScheduler::scheduledTimers).sum();
    }

    double now() {
        return clock.nanoTime() / 1e9;
    }

    /** Records the TU upcalls; {@link #onEachRequest} lets a test answer at once. */
    final class RecordingTu implements TransactionUser {
        final List<ServerTransaction> requests = new ArrayList<>();
        final List<Inbound> acks = new ArrayList<>();
        final List<Inbound> strays = new ArrayList<>();
        final List<Malformed> malformed = new ArrayList<>();
        Consumer<ServerTransaction> onEachRequest = tx -> {};

        @Override
        public void onRequest(ServerTransaction transaction) {
            requests.add(transaction);
            onEachRequest.accept(transaction);
        }

        @Override
        public void onAck(Inbound ack) {
            acks.add(ack);
        }

        @Override
        public void onStrayResponse(Inbound response) {
            strays.add(response);
        }

        @Override
        public void onMalformed(Malformed m) {
            malformed.add(m);
        }

        ServerTransaction last() {
            return requests.get(requests.size() - 1);
        }
    }

    /** Records what a client transaction tells its TU, with the virtual time of each event. */
    final class ClientEvents implements ClientTransactionListener {
        final List<String> events = new ArrayList<>();
        final List<SipResponse> responses = new ArrayList<>();
        final List<ParseResult.Failure> invalid = new ArrayList<>();
        Throwable error;

        @Override
        public void onResponse(ClientTransaction transaction, SipResponse response, Inbound inbound) {
            responses.add(response);
            events.add(response.status() + "@" + now());
        }

        @Override
        public void onTimeout(ClientTransaction transaction) {
            events.add("timeout@" + now());
        }

        @Override
        public void onTransportError(ClientTransaction transaction, Throwable cause) {
            error = cause;
            events.add("transport-error@" + now());
        }

        @Override
        public void onInvalidResponse(ClientTransaction transaction, ParseResult.Failure failure) {
            invalid.add(failure);
            events.add("invalid@" + now());
        }
    }

    /** Records the end-of-transaction events of a server transaction. */
    final class ServerEvents implements ServerTransactionListener {
        final List<String> events = new ArrayList<>();
        Throwable error;

        @Override
        public void onAckTimeout(ServerTransaction transaction) {
            events.add("ack-timeout@" + now());
        }

        @Override
        public void onTransportError(ServerTransaction transaction, Throwable cause) {
            error = cause;
            events.add("transport-error@" + now());
        }

        @Override
        public void onTerminated(ServerTransaction transaction) {
            events.add("terminated@" + now());
        }
    }
}
