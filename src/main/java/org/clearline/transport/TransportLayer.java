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

    /**
     * Sends as {@link #send} does and returns what went on the wire, so that the
     * caller can repeat it with {@link #resend} without keeping the parsed message.
     * Null when nothing was sent (the listener has been told why).
     */
    SentMessage sendAndKeep(SipMessage message, Peer destination, SendListener listener);

    /** Sends as {@link #sendResponse} does and returns what went on the wire (see {@link #sendAndKeep}). */
    SentMessage sendResponseAndKeep(SipResponse response, Peer requestSource, SendListener listener);

    /**
     * Sends the bytes of {@code sent} again, the same way: a response over a reliable
     * transport on the request's connection while it is open, else to the destination.
     * The {@link MessageTap} sees it as {@link MessageTap#outboundAgain}.
     */
    void resend(SentMessage sent, SendListener listener);

    /** The listening points, one per protocol we serve. */
    List<ListeningPoint> listeningPoints();

    /** The listening point for {@code protocol}, or null if we do not listen on it. */
    ListeningPoint listeningPoint(TransportProtocol protocol);
}
