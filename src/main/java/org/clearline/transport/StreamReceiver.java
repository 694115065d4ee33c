package org.clearline.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.clearline.syntax.ParseError;
import org.clearline.syntax.ParseResult;
import org.clearline.syntax.StreamFramer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receive side of one TCP connection (§18.3): cumulates bytes, cuts messages
 * out by Content-Length with the {@link StreamFramer}, parses each one.
 * Defends the server against the connection's peer:
 * <ul>
 *   <li>a message begun must complete within the read timeout (a peer sending
 *       a byte per second is closed, the others are not disturbed);</li>
 *   <li>at most {@code maxBufferedBytes} are held (then TOO_LARGE and close);</li>
 *   <li>after a framing failure the stream cannot be resynchronised: the handler
 *       hears of it, gets a grace period to answer, then the connection closes.</li>
 * </ul>
 * One instance per connection, used only on its event loop.
 */
final class StreamReceiver extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(StreamReceiver.class);

    /** What every connection shares. */
    record Settings(InboundDelivery delivery, StreamFramer framer, TransportStats stats, ListeningPoint local,
                    int maxBufferedBytes, long messageReadTimeoutNanos, long closeGraceNanos) {}

    private final Settings settings;
    private final StreamBuffer buffer = new StreamBuffer();
    private Peer peer;
    private ScheduledFuture<?> readTimer;
    private boolean failed;

    StreamReceiver(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        peer = new Peer(TransportProtocol.TCP, (InetSocketAddress) ctx.channel().remoteAddress());
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        try {
            if (failed) return;
            buffer.append(in);
        } finally {
            in.release();
        }
        frameAll(ctx);
    }

    private void frameAll(ChannelHandlerContext ctx) {
        boolean completedOne = false;
        while (!buffer.isEmpty()) {
            StreamFramer.Frame frame;
            try {
                frame = settings.framer().next(buffer.array(), buffer.start(), buffer.readable());
            } catch (RuntimeException e) {
                frame = new StreamFramer.Frame(0, 0,
                        InboundDelivery.failure(ParseError.GARBAGE, "stream cannot be framed"));
            }
            if (frame.failure() != null) {
                fail(ctx, frame.failure(), buffer.readable());
                return;
            }
            buffer.skip(frame.skip());  // §18.3 / RFC 5626 §4.4.1: CRLF keep-alives between messages
            if (!frame.complete()) break;
            int length = frame.length();
            settings.delivery().deliver(buffer.array(), buffer.start(), length, peer, settings.local());
            buffer.skip(length);
            completedOne = true;
        }
        if (buffer.readable() > settings.maxBufferedBytes()) {
            fail(ctx, InboundDelivery.failure(ParseError.TOO_LARGE, "more than " + settings.maxBufferedBytes()
                    + " bytes without a complete message"), buffer.readable());
            return;
        }
        armReadTimer(ctx, completedOne);
    }

    /**
     * The clock for the message being received starts with its first byte: it
     * restarts when a message completed and another one began in the same read,
     * and stops when the buffer is empty.
     */
    private void armReadTimer(ChannelHandlerContext ctx, boolean completedOne) {
        if (buffer.isEmpty()) {
            cancelReadTimer();
            return;
        }
        if (readTimer != null && !completedOne) return;
        cancelReadTimer();
        readTimer = ctx.executor().schedule(() -> readTimedOut(ctx),
                settings.messageReadTimeoutNanos(), TimeUnit.NANOSECONDS);
    }

    private void readTimedOut(ChannelHandlerContext ctx) {
        readTimer = null;
        if (buffer.isEmpty() || failed || !ctx.channel().isActive()) return;
        settings.stats().slowPeersClosed.increment();
        if (log.isDebugEnabled()) {
            log.debug("closing {}: message incomplete after the read timeout ({} bytes buffered)",
                    peer, buffer.readable());
        }
        buffer.clear();
        ctx.close();
    }

    private void cancelReadTimer() {
        if (readTimer != null) {
            readTimer.cancel(false);
            readTimer = null;
        }
    }

    /** The stream is lost: report, stop reading, and close once the answer had time to go out. */
    private void fail(ChannelHandlerContext ctx, ParseResult.Failure failure, int wireBytes) {
        failed = true;
        cancelReadTimer();
        buffer.clear();
        ctx.channel().config().setAutoRead(false);
        settings.delivery().malformed(failure, peer, settings.local(), wireBytes);
        ctx.executor().schedule(() -> closeAfterFlush(ctx), settings.closeGraceNanos(), TimeUnit.NANOSECONDS);
    }

    private static void closeAfterFlush(ChannelHandlerContext ctx) {
        if (!ctx.channel().isOpen()) return;
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            settings.stats().idleConnectionsClosed.increment();
            if (log.isDebugEnabled()) log.debug("closing idle connection {}", peer);
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancelReadTimer();
        buffer.clear();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Resets and write failures end this connection only.
        if (log.isDebugEnabled()) log.debug("connection {} failed: {}", peer, cause.toString());
        ctx.close();
    }
}
