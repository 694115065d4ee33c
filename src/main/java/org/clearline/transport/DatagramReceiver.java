package org.clearline.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import org.clearline.syntax.ParseError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receive side of one UDP socket: a datagram is exactly one message (§18.3),
 * copied once into a byte[] and parsed on the I/O thread.
 */
final class DatagramReceiver extends SimpleChannelInboundHandler<DatagramPacket> {
    private static final Logger log = LoggerFactory.getLogger(DatagramReceiver.class);
    /** A keep-alive is a handful of CR/LF (or NUL) bytes; a message is never that short. */
    private static final int MAX_KEEP_ALIVE_BYTES = 16;

    private final InboundDelivery delivery;
    private final TransportStats stats;
    private final String advertisedHost;
    private final int maxMessageBytes;
    private ListeningPoint local;

    DatagramReceiver(InboundDelivery delivery, TransportStats stats, String advertisedHost, int maxMessageBytes) {
        this.delivery = delivery;
        this.stats = stats;
        this.advertisedHost = advertisedHost;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        int port = ((InetSocketAddress) ctx.channel().localAddress()).getPort();
        local = new ListeningPoint(TransportProtocol.UDP, advertisedHost, port);
        super.channelActive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        ByteBuf content = packet.content();
        int n = content.readableBytes();
        if (n == 0) return;
        if (isKeepAlive(content)) {
            // RFC 5626 §4.4.1 style CRLF pings over UDP: nothing to parse, nothing to answer.
            stats.keepAlivesIn.increment();
            return;
        }
        Peer source = Peer.of(TransportProtocol.UDP, packet.sender());
        if (n > maxMessageBytes) {
            delivery.malformed(InboundDelivery.failure(ParseError.TOO_LARGE,
                    "message of " + n + " bytes exceeds the limit of " + maxMessageBytes), source, local, n);
            return;
        }
        byte[] data = ByteBufUtil.getBytes(content);
        delivery.deliver(data, 0, n, true, source, local);  // a fresh array per datagram: a tap may keep it
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A UDP socket serves every peer: an error (ICMP-induced or otherwise) never closes it.
        if (log.isDebugEnabled()) log.debug("UDP socket {} error", ctx.channel().localAddress(), cause);
    }

    private static boolean isKeepAlive(ByteBuf content) {
        int n = content.readableBytes();
        if (n > MAX_KEEP_ALIVE_BYTES) return false;
        for (int i = content.readerIndex(), end = i + n; i < end; i++) {
            byte b = content.getByte(i);
            if (b != '\r' && b != '\n' && b != 0) return false;
        }
        return true;
    }
}
