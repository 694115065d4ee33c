import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.clearline.syntax.MessageParser;
import org.clearline.syntax.ParseResult;
import org.clearline.syntax.Responses;
import org.clearline.syntax.SipMessage;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipResponse;
import org.clearline.syntax.SyntaxLimits;
import org.clearline.time.Clock;
import org.clearline.transaction.ClientTransaction;
import org.clearline.transaction.ClientTransactionListener;
import org.clearline.transaction.ServerTransaction;
import org.clearline.transaction.ShardedTransactionLayer;
import org.clearline.transaction.TimerConfig;
import org.clearline.transaction.TransactionUser;
import org.clearline.transport.Inbound;
import org.clearline.transport.ListeningPoint;
import org.clearline.transport.Malformed;
import org.clearline.transport.MessageHandler;
import org.clearline.transport.NettyTransportLayer;
import org.clearline.transport.Peer;
import org.clearline.transport.Shards;
import org.clearline.transport.TransportConfig;
import org.clearline.transport.TransportProtocol;

/**
 * Retained heap per finished transaction (bench/RESULTS.md, hot spot 1), measured
 * in-process: the real {@link ShardedTransactionLayer} on the real Netty transport
 * and shard threads, fed parsed requests and responses as the transport would hand
 * them up, answering to a UDP socket on 127.0.0.1 that nobody reads. T1 and T4 are
 * made long (10 s, 600 s) so that no transaction ends while it is counted; the
 * timers stay scheduled, as in a running server.
 *
 * Scenarios, N transactions each, measured after GC against the heap before:
 *   register    a REGISTER with credentials answered 200 (Contact, Date): Completed, Timer J
 *   invite-486  an INVITE with SDP answered 486: Completed, Timers G and H
 *   invite-200  an INVITE with SDP answered 200 with SDP: Accepted, Timer L
 *   options-out our OPTIONS answered 200: client Completed, Timer K
 *   invite-out  our INVITE answered 200: client Accepted, Timer M
 *
 * Only API that predates the change it measures, so the same file runs against both
 * builds (bench/heap/txmem.sh with PHASES=probe; or by hand from the repository root):
 *   java -Xmx1g -cp 'target/classes:target/lib/*' bench/heap/TransactionProbe.java [N]
 */
public final class TransactionProbe {
    private static final String REGISTER = """
            REGISTER sip:127.0.0.1 SIP/2.0\r
            Via: SIP/2.0/UDP 127.0.0.1:%2$d;branch=z9hG4bK-%1$s;rport\r
            Max-Forwards: 70\r
            From: <sip:u%1$s@127.0.0.1>;tag=f%1$s\r
            To: <sip:u%1$s@127.0.0.1>\r
            Call-ID: reg-%1$s-7c2f9a1e@192.0.2.17\r
            CSeq: 2 REGISTER\r
            Contact: <sip:u%1$s-0x55c7d16cb380@192.0.2.17:43029;transport=udp>;+sip.instance="<urn:uuid:00000000-0000-1000-8000-%3$012d>"\r
            Authorization: Digest username="u%1$s", realm="127.0.0.1", nonce="AAABjK3kX1s2nLkqU0mP7w8xYv9zQ1R2S3T4U5V6W7X8", uri="sip:127.0.0.1", response="0123456789abcdef0123456789abcdef", algorithm=MD5, cnonce="6b8b4567", qop=auth, nc=00000001\r
            Expires: 3600\r
            User-Agent: Linphone-Desktop/5.2.6 (ubuntu 22.04, Qt 5.15.3) LinphoneCore/5.3.72\r
            Allow: INVITE, ACK, CANCEL, OPTIONS, BYE, REFER, NOTIFY, MESSAGE, SUBSCRIBE, INFO, UPDATE\r
            Content-Length: 0\r
            \r
            """;
    private static final String SDP = """
            v=0\r
            o=alice 2890844526 2890844526 IN IP4 192.0.2.17\r
            s=-\r
            c=IN IP4 192.0.2.17\r
            t=0 0\r
            m=audio 49170 RTP/AVP 0 8 9 101\r
            a=rtpmap:0 PCMU/8000\r
            a=rtpmap:8 PCMA/8000\r
            a=rtpmap:9 G722/8000\r
            a=rtpmap:101 telephone-event/8000\r
            a=fmtp:101 0-16\r
            a=sendrecv\r
            """;
    private static final String INVITE = """
            INVITE sip:bob@127.0.0.1 SIP/2.0\r
            Via: SIP/2.0/UDP 127.0.0.1:%2$d;branch=z9hG4bK-%1$s;rport\r
            Max-Forwards: 70\r
            From: "Alice %1$s" <sip:alice%1$s@127.0.0.1>;tag=f%1$s\r
            To: <sip:bob@127.0.0.1>\r
            Call-ID: inv-%1$s-7c2f9a1e@192.0.2.17\r
            CSeq: 1 INVITE\r
            Contact: <sip:alice%1$s@192.0.2.17:43029;transport=udp>\r
            Proxy-Authorization: Digest username="alice%1$s", realm="127.0.0.1", nonce="AAABjK3kX1s2nLkqU0mP7w8xYv9zQ1R2S3T4U5V6W7X8", uri="sip:bob@127.0.0.1", response="0123456789abcdef0123456789abcdef", algorithm=MD5\r
            User-Agent: Linphone-Desktop/5.2.6 (ubuntu 22.04, Qt 5.15.3) LinphoneCore/5.3.72\r
            Allow: INVITE, ACK, CANCEL, OPTIONS, BYE, REFER, NOTIFY, MESSAGE, SUBSCRIBE, INFO, UPDATE\r
            Supported: replaces, outbound, gruu\r
            Content-Type: application/sdp\r
            Content-Length: %3$d\r
            \r
            %4$s""";

    private final MessageParser parser = new MessageParser(SyntaxLimits.DEFAULT);
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger clientFinals = new AtomicInteger();
    private NettyTransportLayer transport;
    private ShardedTransactionLayer layer;
    private ListeningPoint local;
    private volatile String scenario = "";
    private int sinkPort;

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        new TransactionProbe().run(n);
    }

    private void run(int n) throws Exception {
        MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
        try (DatagramSocket sink = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            sinkPort = sink.getLocalPort();
            transport = new NettyTransportLayer(TransportConfig.of("127.0.0.1", 0), Clock.SYSTEM);
            transport.setHandler(new MessageHandler() {
                @Override public void onMessage(Inbound inbound) {}
                @Override public void onMalformed(Malformed malformed) {}
            });
            transport.start();
            local = transport.listeningPoint(TransportProtocol.UDP);
            try (Shards shards = Shards.create(2, Clock.SYSTEM)) {
                TimerConfig longTimers = new TimerConfig(Duration.ofSeconds(10), Duration.ofSeconds(10),
                        Duration.ofSeconds(600));
                layer = new ShardedTransactionLayer(transport, shards.schedulers(), longTimers, new Tu());
                List<String> lines = new ArrayList<>();
                int round = 0;
                for (String s : List.of("register", "invite-486", "invite-200", "options-out", "invite-out")) {
                    scenario = s;
                    warmUp(s, round++);
                    long before = settledHeap(mx);
                    int alive = layer.activeTransactions();
                    long keptBefore = kept();
                    feed(s, n, round++ * 1_000_000);
                    awaitActive(alive + n);
                    long after = settledHeap(mx);
                    long per = (after - before) / n;
                    long keptPer = (kept() - keptBefore) / n;
                    lines.add(String.format("PROBE %-11s n=%d retained_mb=%.1f bytes_per_transaction=%d"
                            + " kept_bytes=%d fixed_bytes=%d estimated=%d",
                            s, n, (after - before) / 1e6, per, keptPer, per - keptPer,
                            ShardedTransactionLayer.FIXED_BYTES + keptPer));
                    System.out.println(lines.get(lines.size() - 1));
                }
            } finally {
                transport.stop();
            }
        }
    }

    /** Bytes the layer's transactions keep to send again: its estimate less the fixed share of each. */
    private long kept() {
        return layer.heldBytes() - (long) layer.activeTransactions() * ShardedTransactionLayer.FIXED_BYTES;
    }

    /** A few hundred of the same kind first, so class loading and JIT do not count. */
    private void warmUp(String s, int round) throws InterruptedException {
        int alive = layer.activeTransactions();
        feed(s, 500, 900_000_000 + round * 1_000);
        awaitActive(alive + 500);
    }

    private void feed(String s, int n, int base) {
        for (int i = 0; i < n; i++) {
            String id = Integer.toString(base + i);
            switch (s) {
                case "register" -> deliver(String.format(REGISTER, id, sinkPort, (long) base + i));
                case "invite-486", "invite-200" -> deliver(invite(id));
                case "options-out" -> sendOut("OPTIONS", id);
                case "invite-out" -> sendOut("INVITE", id);
                default -> throw new IllegalArgumentException(s);
            }
        }
    }

    private String invite(String id) {
        return String.format(INVITE, id, sinkPort, SDP.length(), SDP);
    }

    /** Our request to the sink, then its 200 arriving (built from the request, as the callee would). */
    private void sendOut(String method, String id) {
        SipRequest request = (SipRequest) parse(method.equals("INVITE") ? invite(id)
                : String.format(REGISTER, id, local.port(), 0L).replace("REGISTER", "OPTIONS"));
        request.removeFirstValue("Via");
        request.addHeaderFirst("Via", "SIP/2.0/UDP 127.0.0.1:" + local.port() + ";branch=z9hG4bK-out-" + id);
        Peer sink = Peer.udp("127.0.0.1", sinkPort);
        layer.sendRequest(request, sink, new ClientTransactionListener() {
            @Override public void onResponse(ClientTransaction tx, SipResponse r, Inbound in) {
                clientFinals.incrementAndGet();
            }
            @Override public void onTimeout(ClientTransaction tx) {}
            @Override public void onTransportError(ClientTransaction tx, Throwable cause) {}
        });
        SipResponse ok = Responses.create(request, 200, "OK", "callee-" + id);
        if (method.equals("INVITE")) ok.setBody(SDP.getBytes(StandardCharsets.UTF_8), "application/sdp");
        SipMessage wire = parse(new String(ok.encode(), StandardCharsets.UTF_8));
        layer.onMessage(new Inbound(wire, sink, local, System.nanoTime(), 0));
    }

    private void deliver(String text) {
        SipMessage m = parse(text);
        layer.onMessage(new Inbound(m, Peer.udp("127.0.0.1", sinkPort), local, System.nanoTime(), text.length()));
    }

    private SipMessage parse(String text) {
        ParseResult r = parser.parse(text.getBytes(StandardCharsets.UTF_8));
        if (r instanceof ParseResult.Success ok) return ok.message();
        throw new IllegalStateException("probe message does not parse: " + r + "\n" + text);
    }

    /** Answers as the registrar (200 with Contact and Date) or a callee (486, or 200 with SDP). */
    private final class Tu implements TransactionUser {
        @Override
        public void onRequest(ServerTransaction tx) {
            SipRequest req = tx.request();
            SipResponse r;
            if (req.isMethod("REGISTER")) {
                r = Responses.create(req, 200, "OK", "reg-" + answered.get());
                r.addHeader("Contact", "<" + req.header("Contact").replaceAll("^<|>.*$", "") + ">;expires=3600");
                r.setHeader("Date", "Sat, 13 Nov 2010 23:29:00 GMT");
            } else if (scenario.equals("invite-486")) {
                r = Responses.create(req, 486, "Busy Here", "callee-" + answered.get());
            } else {
                r = Responses.create(req, 200, "OK", "callee-" + answered.get());
                r.setHeader("Contact", "<sip:bob@192.0.2.20:5060>");
                r.setBody(SDP.getBytes(StandardCharsets.UTF_8), "application/sdp");
            }
            tx.respond(r);
            answered.incrementAndGet();
        }

        @Override public void onAck(Inbound ack) {}
        @Override public void onStrayResponse(Inbound response) {}
        @Override public void onMalformed(Malformed malformed) {}
    }

    private void awaitActive(int expected) throws InterruptedException {
        for (int i = 0; i < 600 && layer.activeTransactions() < expected; i++) Thread.sleep(50);
        if (layer.activeTransactions() < expected) {
            throw new IllegalStateException("only " + layer.activeTransactions() + " of " + expected + " alive");
        }
    }

    private static long settledHeap(MemoryMXBean mx) throws InterruptedException {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
            best = Math.min(best, mx.getHeapMemoryUsage().getUsed());
        }
        return best;
    }
}
