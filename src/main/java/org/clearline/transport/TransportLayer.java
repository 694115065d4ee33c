package org.clearline.transport;

import java.util.List;
import org.clearline.syntax.SipMessage;
import org.clearline.syntax.SipResponse;

/**
 * Downcalls into the transport layer (§18). Thread-safe: callable from any shard.
 * Implementations: {@code NettyTransportLayer} (UDP + TCP sockets) and, in tests,
 * a loop transport that delivers messages between in-memory endpoints.
 */
public interface TransportLayer {

    /** Sets the receiver of inbound messages; called once before {@link #start()}. */
    void setHandler(MessageHandler handler);

    void start() throws Exception;

    /** Stops listening and closes every connection. */
    void stop();

    /**
     * Sends a request (or a statelessly forwarded message) to {@code destination}.
     * A request over UDP larger than {@code udpMtuLimit} goes over TCP instead and
     * its top Via transport is rewritten (§18.1.1). Failures are reported to
     * {@code listener}, never thrown.
     */
    void send(SipMessage message, Peer destination, SendListener listener);

    /**
     * Sends a response where §18.2.2 says: on the connection the request came on
     * for reliable transports; otherwise to {@code received} (or the source IP)
     * at {@code rport} / sent-by port / 5060 of the top Via. {@code requestSource}
     * is where the request came from.
     */
    void sendResponse(SipResponse response, Peer requestSource, SendListener listener);

    /** The listening points, one per protocol we serve. */
    List<ListeningPoint> listeningPoints();

    /** The listening point for {@code protocol}, or null if we do not listen on it. */
    ListeningPoint listeningPoint(TransportProtocol protocol);
}
