package org.clearline.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.socket.DatagramPacket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.util.List;
import java.util.function.Function;
import org.clearline.syntax.HeaderNames;
import org.clearline.syntax.SipMessage;
import org.clearline.syntax.SipResponse;
import org.clearline.syntax.Via;
import org.clearline.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Send side (§18.1.1, §18.2.2). Messages are encoded on the caller's thread
 * (the shard that owns them), so the I/O threads only ever see immutable
 * bytes; one byte[] per message, wrapped, never copied again.
 */
final class OutboundPath {
    private static final Logger log = LoggerFactory.getLogger(OutboundPath.class);

    private final List<Channel> udpChannels;
    private final ConnectionTable connections;
    private final Function<InetSocketAddress, Bootstrap> tcpBootstrap;
    private final TransportStats stats;
    private final int udpMtuLimit;
    private final MessageTap tap;
    private final Clock clock;

    OutboundPath(List<Channel> udpChannels, ConnectionTable connections,
                 Function<InetSocketAddress, Bootstrap> tcpBootstrap, TransportStats stats, int udpMtuLimit,
                 MessageTap tap, Clock clock) {
        this.tap = tap;
        this.clock = clock;
        this.udpChannels = List.copyOf(udpChannels);
        this.connections = connections;
        this.tcpBootstrap = tcpBootstrap;
        this.stats = stats;
        this.udpMtuLimit = udpMtuLimit;
    }

    /** Returns what went on the wire, for {@link #resend}; null when nothing was sent. */
    SentMessage send(SipMessage message, Peer destination, SendListener listener) {
        InetSocketAddress to = destination.address();
        if (to == null || to.isUnresolved()) {
            fail(listener, new IOException("destination " + to + " is not an IP address (the transport never resolves names)"));
            return null;
        }
        byte[] bytes = message.encode();
        tapSafely(message, bytes, destination);
        if (destination.protocol().reliable()) {
            sendStream(bytes, to, listener);
        } else if (message.isRequest() && bytes.length > udpMtuLimit) {
            return sendRequestOverTcp(message, bytes, to, listener);
        } else {
            sendDatagram(bytes, to, listener);
        }
        return new SentMessage(bytes, destination.protocol(), null, to);
    }

    /**
     * §18.1.1: a request too large for UDP goes over TCP to the same address,
     * its top Via saying TCP. If the connection cannot be made (reset, refused),
     * the request is retried over UDP as first encoded, as the section advises.
     * The caller's message keeps the TCP Via, so its retransmissions take the same path.
     */
    private SentMessage sendRequestOverTcp(SipMessage request, byte[] udpBytes, InetSocketAddress to,
                                           SendListener listener) {
        Via top = request.topVia();
        if (top != null && "UDP".equalsIgnoreCase(top.transport())) {
            request.removeFirstValue(HeaderNames.VIA);
            request.addHeaderFirst(HeaderNames.VIA,
                    new Via(TransportProtocol.TCP.viaToken(), top.host(), top.port(), top.params()).toString());
        }
        stats.switchedToTcp.increment();
        byte[] tcpBytes = request.encode();
        sendStream(tcpBytes, to, new RetryOverUdp(udpBytes, to, listener));
        return new SentMessage(tcpBytes, TransportProtocol.TCP, null, to);
    }

    /** Not a failure yet: the request still has its UDP chance. */
    private final class RetryOverUdp implements SendListener {
        private final byte[] udpBytes;
        private final InetSocketAddress to;
        private final SendListener listener;

        RetryOverUdp(byte[] udpBytes, InetSocketAddress to, SendListener listener) {
            this.udpBytes = udpBytes;
            this.to = to;
            this.listener = listener;
        }

        @Override
        public void onFailure(Throwable cause) {
            if (log.isDebugEnabled()) log.debug("TCP to {} failed ({}), retrying the request over UDP", to, cause.toString());
            sendDatagram(udpBytes, to, listener);
        }
    }

    /**
     * §18.2.2: where a response goes, chosen from the request's source and the top Via.
     * Returns what went on the wire, for {@link #resend}.
     */
    SentMessage sendResponse(SipResponse response, Peer requestSource, SendListener listener) {
        Via top = response.topVia();
        TransportProtocol protocol = requestSource != null ? requestSource.protocol()
                : top != null && TransportProtocol.fromToken(top.transport()) != null
                        ? TransportProtocol.fromToken(top.transport()) : TransportProtocol.UDP;
        InetSocketAddress source = requestSource == null ? null : requestSource.address();
        byte[] bytes = response.encode();
        InetSocketAddress to = ResponseRoute.destination(top, protocol, source);
        if (to != null && to.equals(source)) to = source; // one address object to keep, not two
        SentMessage sent = new SentMessage(bytes, protocol, protocol.reliable() ? source : null, to);
        if (to == null && (sent.connection() == null || connections.existing(source) == null)) {
            fail(listener, new IOException("no IP address for the response in the top Via " + top));
        } else {
            transmit(sent, response, listener);
        }
        return sent;
    }

    /** The bytes of an earlier send, again, the same way (the tap sees a repeat). */
    void resend(SentMessage sent, SendListener listener) {
        transmit(sent, null, listener);
    }

    /** {@code message} is what the bytes encode, or null for a repeat. */
    private void transmit(SentMessage sent, SipMessage message, SendListener listener) {
        byte[] bytes = sent.bytes();
        TransportProtocol protocol = sent.protocol();
        if (sent.connection() != null) {
            // The connection the request came on, if it is still open; else a new one.
            ChannelFuture existing = connections.existing(sent.connection());
            if (existing != null) {
                tapSafely(message, sent, protocol, sent.connection());
                SipTrace.sent("tcp", sent.connection(), bytes);
                writeWhenConnected(existing, bytes, listener);
                return;
            }
        }
        InetSocketAddress to = sent.destination();
        if (to == null) {
            fail(listener, new IOException("no IP address for the response in its top Via, and its connection is gone"));
            return;
        }
        tapSafely(message, sent, protocol, to);
        if (protocol.reliable()) {
            sendStream(bytes, to, listener);
        } else {
            sendDatagram(bytes, to, listener);
        }
    }

    /**
     * The tap's peer is the shared instance ({@link Peer#of}): the call log keeps one per
     * message and writes each peer's text once, so a fresh one per send costs it twice.
     */
    private void tapSafely(SipMessage message, SentMessage sent, TransportProtocol protocol, InetSocketAddress address) {
        if (tap == MessageTap.NONE) return;
        Peer to = Peer.of(protocol, address);
        if (message != null) {
            tapSafely(message, sent.bytes(), to);
            return;
        }
        try {
            tap.outboundAgain(sent.callId(), sent.bytes(), to, clock.epochMillis());
        } catch (RuntimeException e) {
            stats.handlerFailures.increment();
        }
    }

    private void tapSafely(SipMessage message, byte[] bytes, Peer to) {
        if (tap == MessageTap.NONE) return;
        try {
            tap.outbound(message, bytes, to, clock.epochMillis());
        } catch (RuntimeException e) {
            stats.handlerFailures.increment();
        }
    }

    void sendDatagram(byte[] bytes, InetSocketAddress to, SendListener listener) {
        Channel channel = udpChannelFor(to);
        SipTrace.sent("udp", to, bytes);
        DatagramPacket packet = new DatagramPacket(Unpooled.wrappedBuffer(bytes), to);
        stats.messagesOut.increment();
        write(channel, packet, listener);
    }

    private void sendStream(byte[] bytes, InetSocketAddress to, SendListener listener) {
        SipTrace.sent("tcp", to, bytes);
        ChannelFuture connection = connections.obtain(to, tcpBootstrap);
        if (connection == null) {
            stats.connectionsRefused.increment();
            fail(listener, new IOException("TCP connection limit reached, not connecting to " + to));
            return;
        }
        writeWhenConnected(connection, bytes, listener);
    }

    /** Queues on a pending connect (listeners run in order on the event loop, so order is kept). */
    private void writeWhenConnected(ChannelFuture connection, byte[] bytes, SendListener listener) {
        if (connection.isDone()) {
            writeStream(connection, bytes, listener);
        } else {
            connection.addListener(f -> writeStream(connection, bytes, listener));
        }
    }

    private void writeStream(ChannelFuture connection, byte[] bytes, SendListener listener) {
        Channel channel = connection.channel();
        if (!connection.isSuccess()) {
            fail(listener, connection.cause() != null ? connection.cause() : new ClosedChannelException());
        } else if (!channel.isActive()) {
            fail(listener, new ClosedChannelException());
        } else if (!channel.isWritable()) {
            // The peer does not read: bound what we queue for it (maxPendingWriteBytes).
            fail(listener, new IOException("peer " + channel.remoteAddress() + " is not reading; send queue full"));
        } else {
            stats.messagesOut.increment();
            write(channel, Unpooled.wrappedBuffer(bytes), listener);
        }
    }

    private void write(Channel channel, Object message, SendListener listener) {
        if (listener == SendListener.IGNORE) {
            // No one to tell: skip the promise allocation; failures reach exceptionCaught (DEBUG).
            channel.writeAndFlush(message, channel.voidPromise());
        } else {
            channel.writeAndFlush(message).addListener(f -> {
                if (!f.isSuccess()) fail(listener, f.cause());
            });
        }
    }

    /**
     * The UDP socket to send from: the caller's own when it runs on an I/O
     * thread (no hand-off), else one chosen by destination so that messages to
     * one peer leave through one socket, in order. All share the same port.
     */
    private Channel udpChannelFor(InetSocketAddress to) {
        int n = udpChannels.size();
        if (n == 1) return udpChannels.get(0);
        for (int i = 0; i < n; i++) {
            Channel c = udpChannels.get(i);
            if (c.eventLoop().inEventLoop()) return c;
        }
        return udpChannels.get(Math.floorMod(to.hashCode(), n));
    }

    void fail(SendListener listener, Throwable cause) {
        if (!(listener instanceof RetryOverUdp)) stats.sendFailures.increment();
        if (log.isDebugEnabled()) log.debug("send failed: {}", cause.toString());
        try {
            listener.onFailure(cause);
        } catch (RuntimeException e) {
            stats.handlerFailures.increment();
            if (log.isDebugEnabled()) log.debug("send listener failed", e);
        }
    }
}
