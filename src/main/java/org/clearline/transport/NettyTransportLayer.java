package org.clearline.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.clearline.syntax.MessageParser;
import org.clearline.syntax.SipMessage;
import org.clearline.syntax.SipResponse;
import org.clearline.syntax.StreamFramer;
import org.clearline.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * UDP and TCP on one port (§18), on Netty: epoll with one SO_REUSEPORT UDP
 * socket per I/O thread when available, NIO otherwise. Receiving, framing and
 * parsing run on the I/O threads (see {@link DatagramReceiver},
 * {@link StreamReceiver}); sending is in {@link OutboundPath}.
 */
public final class NettyTransportLayer implements TransportLayer {
    private static final Logger log = LoggerFactory.getLogger(NettyTransportLayer.class);
    /** Largest UDP payload: a datagram never needs a bigger receive buffer, so none is truncated. */
    private static final int MAX_DATAGRAM_BYTES = 65_536;
    /** Port-0 starts retry this often when the OS-chosen UDP port is taken on TCP. */
    private static final int FREE_PORT_ATTEMPTS = 8;
    private static final int TCP_BACKLOG = 1024;

    private final TransportConfig config;
    private final Clock clock;
    private final TransportStats stats = new TransportStats();
    private final IoFlavor flavor;
    private final InetAddress bindAddress;
    private final String advertisedHost;
    private final ConnectionTable connections;

    private volatile MessageHandler handler;
    private volatile MessageTap tap = MessageTap.NONE;
    private volatile EventLoopGroup group;
    private volatile List<Channel> udpChannels = List.of();
    private volatile Channel tcpServer;
    private volatile StreamReceiver.Settings tcpSettings;
    private volatile OutboundPath outbound;
    private volatile List<ListeningPoint> listeningPoints = List.of();

    public NettyTransportLayer(TransportConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.flavor = IoFlavor.select(config.preferNative());
        this.bindAddress = IpLiterals.parse(config.bindHost());
        this.advertisedHost = config.effectiveAdvertisedHost();
        this.connections = new ConnectionTable(config.maxTcpConnections());
    }

    @Override
    public void setHandler(MessageHandler handler) {
        this.handler = handler;
    }

    /** Who sees every message in and out (the call log); set before {@link #start()}. Default: nobody. */
    public void setTap(MessageTap tap) {
        this.tap = tap == null ? MessageTap.NONE : tap;
    }

    @Override
    public synchronized void start() throws Exception {
        if (group != null) throw new IllegalStateException("transport already started");
        if (handler == null) throw new IllegalStateException("setHandler must be called before start");
        InboundDelivery delivery = new InboundDelivery(new MessageParser(config.limits()), handler, clock, stats, tap);
        group = new MultiThreadIoEventLoopGroup(config.ioThreads(), new DefaultThreadFactory("clearline-io"),
                flavor.handlerFactory());
        try {
            bindWithRetry(delivery);
        } catch (Exception e) {
            stop();
            throw e;
        }
        int port = ((InetSocketAddress) tcpServer.localAddress()).getPort();
        listeningPoints = List.of(new ListeningPoint(TransportProtocol.UDP, advertisedHost, port),
                new ListeningPoint(TransportProtocol.TCP, advertisedHost, port));
        outbound = new OutboundPath(udpChannels, connections, this::outboundBootstrap, stats, config.udpMtuLimit(),
                tap, clock);
        log.info("listening on {}:{} (UDP x{}, TCP) with {} I/O threads ({}), advertising {}",
                config.bindHost(), port, udpChannels.size(), config.ioThreads(), flavor, advertisedHost);
    }

    /** Datagrams the kernel dropped unread at our UDP sockets so far; -1 where the system does not say. */
    public long udpDrops() {
        List<ListeningPoint> points = listeningPoints;
        return points.isEmpty() ? -1 : UdpDrops.at(points.get(0).port());
    }

    private void bindWithRetry(InboundDelivery delivery) throws Exception {
        int attempts = config.port() == 0 ? FREE_PORT_ATTEMPTS : 1;
        for (int attempt = 1; ; attempt++) {
            try {
                bind(delivery);
                return;
            } catch (Exception e) {
                closeListeners();
                if (attempt >= attempts) throw e;
                log.debug("port taken on one protocol, choosing another ({})", e.toString());
            }
        }
    }

    /** UDP first (the OS picks the port when configured 0), then TCP on the very same port. */
    private void bind(InboundDelivery delivery) throws Exception {
        SocketProtocolFamily family = IoFlavor.familyOf(bindAddress);
        int udpSockets = flavor.reusePort() ? config.ioThreads() : 1;
        Bootstrap udp = new Bootstrap().group(group).channelFactory(flavor.datagram(family))
                .option(ChannelOption.SO_RCVBUF, config.udpReceiveBufferBytes())
                .option(ChannelOption.SO_SNDBUF, config.udpSendBufferBytes())
                .option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM_BYTES))
                .handler(new ChannelInitializer<DatagramChannel>() {
                    @Override protected void initChannel(DatagramChannel ch) {
                        ch.pipeline().addLast(new DatagramReceiver(delivery, stats, advertisedHost,
                                config.limits().maxMessageBytes()));
                    }
                });
        flavor.enableReusePort(udp);
        List<Channel> bound = new ArrayList<>(udpSockets);
        udpChannels = bound;
        Channel first = udp.bind(bindAddress, config.port()).sync().channel();
        bound.add(first);
        int port = ((InetSocketAddress) first.localAddress()).getPort();
        for (int i = 1; i < udpSockets; i++) bound.add(udp.bind(bindAddress, port).sync().channel());

        StreamReceiver.Settings settings = streamSettings(delivery, port);
        ServerBootstrap tcp = new ServerBootstrap().group(group).channelFactory(flavor.server(family))
                .option(ChannelOption.SO_BACKLOG, TCP_BACKLOG)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark())
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override protected void initChannel(SocketChannel ch) {
                        if (!connections.admit(ch)) {
                            stats.connectionsRefused.increment();
                            if (log.isDebugEnabled()) log.debug("connection limit reached, refusing {}", ch.remoteAddress());
                            ch.close();
                            return;
                        }
                        addStreamHandlers(ch, settings);
                    }
                });
        tcpServer = tcp.bind(bindAddress, port).sync().channel();
        tcpSettings = settings;
    }

    private StreamReceiver.Settings streamSettings(InboundDelivery delivery, int port) {
        return new StreamReceiver.Settings(delivery, new StreamFramer(config.limits()), stats,
                new ListeningPoint(TransportProtocol.TCP, advertisedHost, port),
                config.limits().maxMessageBytes(), config.messageReadTimeout().toNanos(),
                config.malformedCloseGrace().toNanos());
    }

    private void addStreamHandlers(SocketChannel ch, StreamReceiver.Settings settings) {
        long idleNanos = config.tcpIdleTimeout().toNanos();
        ch.pipeline().addLast(new IdleStateHandler(0, 0, idleNanos, TimeUnit.NANOSECONDS),
                new StreamReceiver(settings));
    }

    /** Outbound connections get the same pipeline as accepted ones: the peer may send requests too. */
    private Bootstrap outboundBootstrap(InetSocketAddress remote) {
        SocketProtocolFamily family = IoFlavor.familyOf(remote.getAddress());
        StreamReceiver.Settings settings = tcpSettings;
        Bootstrap b = new Bootstrap().group(group).channelFactory(flavor.socket(family))
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                        config.connectTimeout().toMillis()))
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override protected void initChannel(SocketChannel ch) {
                        addStreamHandlers(ch, settings);
                    }
                });
        // Leave from the address we advertise, so the peer sees us where Via says we are.
        if (!bindAddress.isAnyLocalAddress() && family == IoFlavor.familyOf(bindAddress)) {
            b.localAddress(bindAddress, 0);
        }
        return b;
    }

    private WriteBufferWaterMark waterMark() {
        int high = config.maxPendingWriteBytes();
        return new WriteBufferWaterMark(high / 2, high);
    }

    @Override
    public synchronized void stop() {
        outbound = null;
        closeListeners();
        for (Channel c : connections.channels()) c.close();
        EventLoopGroup g = group;
        group = null;
        listeningPoints = List.of();
        if (g != null) g.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    private void closeListeners() {
        for (Channel c : udpChannels) c.close().awaitUninterruptibly();
        udpChannels = List.of();
        Channel server = tcpServer;
        tcpServer = null;
        if (server != null) server.close().awaitUninterruptibly();
    }

    @Override
    public void send(SipMessage message, Peer destination, SendListener listener) {
        sendAndKeep(message, destination, listener);
    }

    @Override
    public void sendResponse(SipResponse response, Peer requestSource, SendListener listener) {
        sendResponseAndKeep(response, requestSource, listener);
    }

    @Override
    public SentMessage sendAndKeep(SipMessage message, Peer destination, SendListener listener) {
        return onSendPath(listener, out -> out.send(message, destination, listener));
    }

    @Override
    public SentMessage sendResponseAndKeep(SipResponse response, Peer requestSource, SendListener listener) {
        return onSendPath(listener, out -> out.sendResponse(response, requestSource, listener));
    }

    @Override
    public void resend(SentMessage sent, SendListener listener) {
        onSendPath(listener, out -> {
            out.resend(sent, listener);
            return sent;
        });
    }

    /**
     * Runs {@code send} on the send side; failures go to the listener, never to the
     * caller. Null (the listener told) when the transport is not running or the send threw.
     */
    private SentMessage onSendPath(SendListener listener, Function<OutboundPath, SentMessage> send) {
        OutboundPath out = outbound;
        if (out == null) {
            safeFail(listener, new IllegalStateException("transport is not running"));
            return null;
        }
        try {
            return send.apply(out);
        } catch (RuntimeException e) {
            out.fail(listener, e);
            return null;
        }
    }

    private void safeFail(SendListener listener, Throwable cause) {
        stats.sendFailures.increment();
        try {
            listener.onFailure(cause);
        } catch (RuntimeException e) {
            stats.handlerFailures.increment();
        }
    }

    @Override
    public List<ListeningPoint> listeningPoints() {
        return listeningPoints;
    }

    @Override
    public ListeningPoint listeningPoint(TransportProtocol protocol) {
        for (ListeningPoint lp : listeningPoints) {
            if (lp.protocol() == protocol) return lp;
        }
        return null;
    }

    /**
     * Shards on the I/O threads themselves: a message is handled where it was
     * received, with no hand-off. Valid between start and stop; the transport
     * keeps owning the threads.
     */
    public Shards ioShards(Clock shardClock) {
        EventLoopGroup g = group;
        if (g == null) throw new IllegalStateException("transport is not running");
        return Shards.over(g, shardClock);
    }

    public TransportStats stats() {
        return stats;
    }

    /** Open TCP connections, accepted and opened. */
    public int connectionCount() {
        return connections.size();
    }

    /** True when the native epoll transport is in use. */
    public boolean isNative() {
        return flavor == IoFlavor.EPOLL;
    }
}
