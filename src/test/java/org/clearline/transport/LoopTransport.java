package org.clearline.transport;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.clearline.syntax.HeaderNames;
import org.clearline.syntax.MessageParser;
import org.clearline.syntax.ParseResult;
import org.clearline.syntax.SipMessage;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipResponse;
import org.clearline.syntax.SyntaxLimits;
import org.clearline.syntax.Via;
import org.clearline.time.Clock;

/**
 * An in-memory {@link TransportLayer} for tests (the PJSIP/reSIProcate "loop
 * transport"): no sockets, every send is recorded, and the test plays the network.
 *
 * <ul>
 *   <li><b>Outbound:</b> {@link #send} and {@link #sendResponse} record a copy of
 *       the message with where it went ({@link Sent}); a response's destination is
 *       the request source it was sent back to. {@link #resend} records the kept
 *       bytes parsed again, so a repeat is checked like any other send. Read them with {@link #sent()},
 *       {@link #takeSent()}, {@link #sentTo(Peer)}; each carries the clock's time of
 *       sending, so a test can check a retransmission schedule.</li>
 *   <li><b>Inbound:</b> {@link #deliver(String, Peer)} parses raw SIP text and hands
 *       it to the handler as a real transport would: on the calling thread, with
 *       {@code received}/{@code rport} added to a request's top Via (§18.2.1,
 *       RFC 3581 §4), or as {@link Malformed} when it does not parse.</li>
 *   <li><b>Failures:</b> {@link #failSends}, {@link #failSendsTo} and
 *       {@link #failSendsWhen} make sends fail; the {@link SendListener} is told at
 *       once, on the sending thread, and the message is recorded in
 *       {@link #failed()} instead of {@link #sent()}.</li>
 *   <li><b>Links:</b> {@link #link(Peer, LoopTransport)} connects two loop transports:
 *       whatever is sent to that peer is also delivered to the other one, coming
 *       from this transport's listening point for the same protocol.</li>
 * </ul>
 *
 * Thread-safe, as the contract asks; {@code start}/{@code stop} only flip a flag.
 */
public final class LoopTransport implements TransportLayer {

    /** One message handed to the transport, with where it was sent and when (the clock's nanoTime). */
    public record Sent(SipMessage message, Peer destination, long atNanos) {
        /** When it was sent, as time since the clock's origin (a ManualClock starts at zero). */
        public java.time.Duration at() {
            return java.time.Duration.ofNanos(atNanos);
        }

        public boolean isRequest() {
            return message.isRequest();
        }

        /** The message as a request (fails the test with a ClassCastException otherwise). */
        public SipRequest request() {
            return (SipRequest) message;
        }

        public SipResponse response() {
            return (SipResponse) message;
        }

        /** Method of a request, or "status reason" of a response: handy in assertions. */
        public String summary() {
            return message instanceof SipResponse r ? r.status() + " " + r.reason() : ((SipRequest) message).method();
        }

        @Override
        public String toString() {
            return summary() + " -> " + destination;
        }
    }

    private final Clock clock;
    private final List<ListeningPoint> points;
    private final MessageParser parser = new MessageParser(SyntaxLimits.DEFAULT);
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final List<Sent> failed = new CopyOnWriteArrayList<>();
    private final Map<Peer, LoopTransport> links = new ConcurrentHashMap<>();
    private volatile MessageHandler handler;
    private volatile Predicate<Sent> failWhen = s -> false;
    private volatile Throwable failure;
    private volatile boolean started;
    private final java.util.concurrent.atomic.AtomicInteger resent = new java.util.concurrent.atomic.AtomicInteger();

    /** Listening on UDP and TCP at 127.0.0.1:5060. */
    public LoopTransport(Clock clock) {
        this(clock, new ListeningPoint(TransportProtocol.UDP, "127.0.0.1", 5060),
                new ListeningPoint(TransportProtocol.TCP, "127.0.0.1", 5060));
    }

    public LoopTransport(Clock clock, ListeningPoint... points) {
        this.clock = clock;
        this.points = List.of(points);
    }

    // ------------------------------------------------------------ TransportLayer

    @Override
    public void setHandler(MessageHandler handler) {
        this.handler = handler;
    }

    @Override
    public void start() {
        started = true;
    }

    @Override
    public void stop() {
        started = false;
    }

    public boolean started() {
        return started;
    }

    @Override
    public void send(SipMessage message, Peer destination, SendListener listener) {
        record(new Sent(message.copy(), destination, clock.nanoTime()), listener);
    }

    @Override
    public void sendResponse(SipResponse response, Peer requestSource, SendListener listener) {
        record(new Sent(response.copy(), requestSource, clock.nanoTime()), listener);
    }

    @Override
    public SentMessage sendAndKeep(SipMessage message, Peer destination, SendListener listener) {
        byte[] bytes = message.encode();
        send(message, destination, listener);
        return new SentMessage(bytes, destination.protocol(), null, destination.address());
    }

    @Override
    public SentMessage sendResponseAndKeep(SipResponse response, Peer requestSource, SendListener listener) {
        byte[] bytes = response.encode();
        sendResponse(response, requestSource, listener);
        TransportProtocol protocol = requestSource.protocol();
        return new SentMessage(bytes, protocol,
                protocol.reliable() ? requestSource.address() : null, requestSource.address());
    }

    /** Recorded as a fresh parse of the bytes, to the peer the first send went to. */
    @Override
    public void resend(SentMessage sent, SendListener listener) {
        ParseResult result = parser.parse(sent.bytes());
        if (!(result instanceof ParseResult.Success ok)) {
            throw new IllegalArgumentException("resend of bytes that do not parse: " + result);
        }
        resent.incrementAndGet();
        record(new Sent(ok.message(), sent.peer(), clock.nanoTime()), listener);
    }

    /** How many sends were {@link #resend}s of kept bytes. */
    public int resentCount() {
        return resent.get();
    }

    @Override
    public List<ListeningPoint> listeningPoints() {
        return points;
    }

    @Override
    public ListeningPoint listeningPoint(TransportProtocol protocol) {
        for (ListeningPoint p : points) {
            if (p.protocol() == protocol) return p;
        }
        return null;
    }

    // ------------------------------------------------------------------ inbound

    /**
     * Parses {@code raw} (CRLF line ends, as on the wire) and delivers it as if it
     * arrived from {@code source}. Returns the Inbound handed to the handler, or
     * null when the text did not parse and {@link MessageHandler#onMalformed} got it.
     */
    public Inbound deliver(String raw, Peer source) {
        byte[] bytes = raw.getBytes(StandardCharsets.ISO_8859_1);
        ParseResult result = parser.parse(bytes);
        if (result instanceof ParseResult.Failure f) {
            handler().onMalformed(new Malformed(f, source, localFor(source), bytes.length));
            return null;
        }
        return deliver(((ParseResult.Success) result).message(), source, bytes.length);
    }

    /** Delivers an already parsed message from {@code source} (its size counted as 0 bytes). */
    public Inbound deliver(SipMessage message, Peer source) {
        return deliver(message, source, 0);
    }

    /** Hands a prepared Inbound to the handler unchanged. */
    public void deliver(Inbound inbound) {
        handler().onMessage(inbound);
    }

    public void deliver(Malformed malformed) {
        handler().onMalformed(malformed);
    }

    private Inbound deliver(SipMessage message, Peer source, int wireBytes) {
        if (message instanceof SipRequest) markReceived(message, source);
        Inbound in = new Inbound(message, source, localFor(source), clock.nanoTime(), wireBytes);
        handler().onMessage(in);
        return in;
    }

    /**
     * §18.2.1: received= when the sent-by host is not the packet's source address;
     * RFC 3581 §4: an empty rport gets the source port (and received= always).
     */
    private static void markReceived(SipMessage message, Peer source) {
        Via top = message.topVia();
        if (top == null) return;
        String ip = source.address().getAddress().getHostAddress();
        Via marked = top;
        if (top.hasRport() && top.rport() < 0) {
            marked = marked.withParams(marked.params().with("rport", Integer.toString(source.address().getPort())));
            marked = marked.withParams(marked.params().with("received", ip));
        } else if (!top.host().equals(ip)) {
            marked = marked.withParams(marked.params().with("received", ip));
        }
        if (marked == top) return;
        message.removeFirstValue(HeaderNames.VIA);
        message.addHeaderFirst(HeaderNames.VIA, marked.toString());
    }

    private ListeningPoint localFor(Peer source) {
        ListeningPoint p = listeningPoint(source.protocol());
        return p != null ? p : points.get(0);
    }

    private MessageHandler handler() {
        MessageHandler h = handler;
        if (h == null) throw new IllegalStateException("LoopTransport: setHandler() was not called");
        return h;
    }

    // ----------------------------------------------------------------- failures

    /** Every following send fails with {@code cause} until {@link #stopFailing()}. */
    public void failSends(Throwable cause) {
        failSendsWhen(s -> true, cause);
    }

    /** Sends to {@code destination} fail with {@code cause}. */
    public void failSendsTo(Peer destination, Throwable cause) {
        failSendsWhen(s -> s.destination().equals(destination), cause);
    }

    /** Sends matching {@code which} fail with {@code cause}. */
    public void failSendsWhen(Predicate<Sent> which, Throwable cause) {
        this.failure = cause;
        this.failWhen = which;
    }

    public void stopFailing() {
        this.failWhen = s -> false;
    }

    // ---------------------------------------------------------------- links

    /** Messages sent to {@code address} are delivered to {@code other} as well. */
    public void link(Peer address, LoopTransport other) {
        links.put(address, other);
    }

    // ------------------------------------------------------------- inspection

    /** Everything sent successfully so far, in order. */
    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** Returns what was sent so far and forgets it, so the next assertion sees only new sends. */
    public List<Sent> takeSent() {
        List<Sent> out = new ArrayList<>(sent);
        sent.removeAll(out);
        return out;
    }

    public List<Sent> sentTo(Peer destination) {
        return sent.stream().filter(s -> s.destination().equals(destination)).toList();
    }

    /** The last message sent, or null. */
    public Sent lastSent() {
        List<Sent> all = sent();
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    /** Sends that failed (they are not in {@link #sent()}). */
    public List<Sent> failed() {
        return List.copyOf(failed);
    }

    public void clear() {
        sent.clear();
        failed.clear();
    }

    private void record(Sent s, SendListener listener) {
        if (failWhen.test(s)) {
            failed.add(s);
            listener.onFailure(failure);
            return;
        }
        sent.add(s);
        LoopTransport other = links.get(s.destination());
        if (other != null) {
            TransportProtocol protocol = s.destination().protocol();
            ListeningPoint from = localFor(new Peer(protocol, s.destination().address()));
            other.deliver(s.message().copy(), new Peer(protocol, new InetSocketAddress(from.host(), from.port())), 0);
        }
    }
}
