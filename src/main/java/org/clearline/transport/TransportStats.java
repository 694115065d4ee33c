package org.clearline.transport;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of the transport, cheap to bump from every I/O thread (striped
 * adders, no logging on the hot path). Read them as a {@link Snapshot}.
 */
public final class TransportStats {
    final LongAdder messagesIn = new LongAdder();
    final LongAdder malformedIn = new LongAdder();
    final LongAdder keepAlivesIn = new LongAdder();
    final LongAdder handlerFailures = new LongAdder();
    final LongAdder messagesOut = new LongAdder();
    final LongAdder sendFailures = new LongAdder();
    final LongAdder switchedToTcp = new LongAdder();
    final LongAdder connectionsRefused = new LongAdder();
    final LongAdder slowPeersClosed = new LongAdder();
    final LongAdder idleConnectionsClosed = new LongAdder();

    /**
     * @param messagesIn            well-formed messages delivered to the handler
     * @param malformedIn           datagrams or frames that failed to parse or frame
     * @param keepAlivesIn          CRLF keep-alive datagrams dropped (RFC 5626 §4.4.1)
     * @param handlerFailures       exceptions thrown by the message handler (dropped)
     * @param messagesOut           messages handed to a socket
     * @param sendFailures          sends reported to a {@link SendListener} as failed
     * @param switchedToTcp         UDP requests sent over TCP for size (§18.1.1)
     * @param connectionsRefused    TCP connections refused at the connection limit
     * @param slowPeersClosed       connections closed because a message did not complete in time
     * @param idleConnectionsClosed connections closed after the idle timeout
     */
    public record Snapshot(long messagesIn, long malformedIn, long keepAlivesIn, long handlerFailures,
                           long messagesOut, long sendFailures, long switchedToTcp, long connectionsRefused,
                           long slowPeersClosed, long idleConnectionsClosed) {}

    public Snapshot snapshot() {
        return new Snapshot(messagesIn.sum(), malformedIn.sum(), keepAlivesIn.sum(), handlerFailures.sum(),
                messagesOut.sum(), sendFailures.sum(), switchedToTcp.sum(), connectionsRefused.sum(),
                slowPeersClosed.sum(), idleConnectionsClosed.sum());
    }
}
