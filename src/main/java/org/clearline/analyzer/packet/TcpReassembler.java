package org.clearline.analyzer.packet;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clearline.analyzer.input.Endpoint;
import org.clearline.analyzer.input.Problems;
import org.clearline.syntax.ParseError;
import org.clearline.syntax.StreamFramer;

/**
 * SIP over TCP (RFC 3261 §18.3): each direction of a connection is a byte
 * stream, put back in sequence order from its segments (retransmitted bytes
 * dropped, early segments held until the gap before them fills) and cut into
 * messages by Content-Length with the server's own {@link StreamFramer}.
 *
 * <p>A capture may start in the middle of a connection, lose a segment, or hold
 * a connection that is not SIP at all; then the stream is searched for the next
 * SIP start line, and a stream that shows none for {@link #GIVE_UP_BYTES} bytes
 * is ignored from then on (TLS on port 5061, HTTP, a database...). Bounded: at
 * most {@link #MAX_FLOWS} directions are followed (the least recently active
 * is dropped), each buffering at most {@link #MAX_BUFFER} bytes in order and
 * {@link #MAX_EARLY} bytes out of order.
 */
final class TcpReassembler {
    static final int MAX_FLOWS = 4096;
    static final int MAX_BUFFER = 256 * 1024;
    static final int MAX_EARLY = 256 * 1024;
    static final int GIVE_UP_BYTES = 64 * 1024;
    static final int SIP_TLS_PORT = 5061;
    private static final int FIN = 0x01;
    private static final int SYN = 0x02;
    private static final int RST = 0x04;

    record Key(HostPair hosts, int srcPort, int dstPort) {}

    private record Early(int seq, byte[] data) {}

    private enum State { UNKNOWN, SIP, NOT_SIP }

    private static final class Flow {
        final Endpoint src;
        final Endpoint dst;
        boolean started;
        int next;
        byte[] buf = new byte[4096];
        int len;
        final List<Early> early = new ArrayList<>(2);
        int earlyBytes;
        State state = State.UNKNOWN;
        boolean resync;
        long skippedBytes;

        Flow(Endpoint src, Endpoint dst) {
            this.src = src;
            this.dst = dst;
        }
    }

    private final String source;
    private final StreamFramer framer;
    private final SipPayloads payloads;
    private final Problems problems;
    private final Map<Key, Flow> flows = new LinkedHashMap<>(64, 0.75f, true);
    private long gaps;

    TcpReassembler(String source, StreamFramer framer, SipPayloads payloads, Problems problems) {
        this.source = source;
        this.framer = framer;
        this.payloads = payloads;
        this.problems = problems;
    }

    /** Streams with SIP seen so far, for the counters. */
    interface NewStream {
        void sipStream();
    }

    /**
     * One segment. {@code endpoints} is asked only when the direction is new.
     * Returns true when the segment's direction carries SIP (as far as known).
     */
    boolean segment(long micros, Key key, java.util.function.Supplier<Endpoint[]> endpoints, int flags, long seq,
                    byte[] d, int off, int len, NewStream counter) {
        Flow f = flows.get(key);
        if (f == null) {
            if ((flags & (FIN | RST)) != 0 && len == 0) return false;
            if (flows.size() >= MAX_FLOWS) dropLeastRecent();
            Endpoint[] e = endpoints.get();
            f = new Flow(e[0], e[1]);
            flows.put(key, f);
        }
        int s = (int) seq;
        if ((flags & SYN) != 0) {
            f.started = true;
            f.next = s + 1;
            f.len = 0;
            f.early.clear();
            f.earlyBytes = 0;
            s += 1;
        }
        if (len > 0 && f.state != State.NOT_SIP) {
            if (!f.started) {
                // the capture began inside the connection: take this segment as the start
                f.started = true;
                f.next = s;
                f.resync = !SipPayloads.looksLikeSip(d, off, len);
            }
            accept(micros, f, s, d, off, len, counter);
        }
        boolean sip = f.state == State.SIP;
        if ((flags & (FIN | RST)) != 0) close(key, f);
        return sip;
    }

    private void accept(long micros, Flow f, int seq, byte[] d, int off, int len, NewStream counter) {
        int delta = seq - f.next; // sequence numbers wrap: compare by difference (RFC 9293 §3.4)
        if (delta < 0) {
            if (-delta >= len) return; // a retransmission of bytes we have
            off -= delta;
            len += delta;
            delta = 0;
        }
        if (delta > 0) {
            if (f.earlyBytes + len <= MAX_EARLY) {
                byte[] copy = new byte[len];
                System.arraycopy(d, off, copy, 0, len);
                f.early.add(new Early(seq, copy));
                f.earlyBytes += len;
                return;
            }
            // the gap will not fill (the capture lost it): skip it and look for the next message
            gaps++;
            f.len = 0;
            f.resync = true;
            f.next = seq;
        }
        append(f, d, off, len);
        f.next += len;
        drainEarly(f);
        frame(micros, f, counter);
    }

    private void drainEarly(Flow f) {
        boolean moved = true;
        while (moved && !f.early.isEmpty()) {
            moved = false;
            Iterator<Early> it = f.early.iterator();
            while (it.hasNext()) {
                Early e = it.next();
                int delta = e.seq() - f.next;
                if (delta > 0) continue;
                it.remove();
                f.earlyBytes -= e.data().length;
                int skip = -delta;
                if (skip < e.data().length) {
                    append(f, e.data(), skip, e.data().length - skip);
                    f.next += e.data().length - skip;
                }
                moved = true;
            }
        }
    }

    private void append(Flow f, byte[] d, int off, int len) {
        if (f.len + len > MAX_BUFFER) {
            // a message larger than any SIP limit, or no framing found: start over at the next start line
            f.skippedBytes += f.len;
            f.len = 0;
            f.resync = true;
            if (len > MAX_BUFFER) return;
        }
        if (f.len + len > f.buf.length) {
            byte[] bigger = new byte[Math.min(MAX_BUFFER, Math.max(f.len + len, f.buf.length * 2))];
            System.arraycopy(f.buf, 0, bigger, 0, f.len);
            f.buf = bigger;
        }
        System.arraycopy(d, off, f.buf, f.len, len);
        f.len += len;
    }

    private void frame(long micros, Flow f, NewStream counter) {
        while (f.len > 0) {
            if (f.resync && !resync(f)) break;
            StreamFramer.Frame frame = framer.next(f.buf, 0, f.len);
            if (frame.failure() != null) {
                if (frame.failure().error() == ParseError.BAD_CONTENT_LENGTH) {
                    // §18.3: Content-Length is mandatory on streams; read the header part alone
                    int end = headerEnd(f.buf, frame.skip(), f.len);
                    if (end > 0) {
                        markSip(f, counter);
                        payloads.emit(micros, f.src, f.dst, "TCP", f.buf, frame.skip(), end - frame.skip());
                        consume(f, end);
                        continue;
                    }
                }
                f.resync = true;
                consume(f, frame.skip() + 1);
                continue;
            }
            if (!frame.complete()) {
                consume(f, frame.skip());
                break;
            }
            markSip(f, counter);
            payloads.emit(micros, f.src, f.dst, "TCP", f.buf, frame.skip(), frame.length());
            consume(f, frame.skip() + frame.length());
        }
        if (f.state != State.SIP && f.skippedBytes > GIVE_UP_BYTES) {
            f.state = State.NOT_SIP;
            f.len = 0;
            f.early.clear();
            if (f.src.port() == SIP_TLS_PORT || f.dst.port() == SIP_TLS_PORT) {
                problems.add(source, "a TCP connection on port 5061 carries TLS (encrypted SIP), which cannot be read;"
                        + " capture before encryption or use UDP/TCP for the test");
            }
        }
    }

    /** Drops bytes up to the next line that starts like a SIP message; false when none is buffered yet. */
    private boolean resync(Flow f) {
        for (int p = 0; p < f.len; p++) {
            if ((p == 0 || f.buf[p - 1] == '\n') && SipPayloads.looksLikeSip(f.buf, p, f.len - p)) {
                f.skippedBytes += p;
                consume(f, p);
                f.resync = false;
                return true;
            }
        }
        // keep the last partial line: a start line may be cut by the segment boundary
        int lastLine = f.len;
        while (lastLine > 0 && f.buf[lastLine - 1] != '\n') lastLine--;
        if (f.len - lastLine > SipPayloads.MAX_START_LINE) lastLine = f.len;
        f.skippedBytes += lastLine;
        consume(f, lastLine);
        return false;
    }

    private static int headerEnd(byte[] b, int from, int to) {
        for (int i = from; i + 1 < to; i++) {
            if (b[i] == '\n' && (b[i + 1] == '\n' || (b[i + 1] == '\r' && i + 2 < to && b[i + 2] == '\n'))) {
                return b[i + 1] == '\n' ? i + 2 : i + 3;
            }
        }
        return -1;
    }

    private static void markSip(Flow f, NewStream counter) {
        if (f.state != State.SIP) {
            f.state = State.SIP;
            counter.sipStream();
        }
    }

    private static void consume(Flow f, int n) {
        if (n <= 0) return;
        n = Math.min(n, f.len);
        System.arraycopy(f.buf, n, f.buf, 0, f.len - n);
        f.len -= n;
    }

    private void close(Key key, Flow f) {
        if (f.len > 0 && f.state == State.SIP && !f.resync) {
            problems.add(source, "a TCP connection closed inside a SIP message; the incomplete message was skipped");
        }
        flows.remove(key);
    }

    private void dropLeastRecent() {
        Iterator<Flow> it = flows.values().iterator();
        if (it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    /** Segments lost by the capture, so the bytes around them could not be read. */
    long gaps() {
        return gaps;
    }

    /** Ends every stream: data left in a buffer is an incomplete message. */
    void finish() {
        flows.clear();
    }
}
