package org.clearline.transport;

import java.time.Duration;
import org.clearline.syntax.SyntaxLimits;

/**
 * Everything the Netty transport needs to know, with named defaults (units in
 * the names). Validated on construction; an error names the offending key.
 *
 * @param bindHost            IP literal we bind UDP and TCP to (never a name: no DNS here)
 * @param port                UDP and TCP port; 0 picks a free one (the same for both)
 * @param advertisedHost      host written into Via / Record-Route / Contact; null = bindHost
 * @param limits              parser and framer size limits; maxMessageBytes also bounds
 *                            the bytes buffered per TCP connection
 * @param ioThreads           Netty I/O threads (and UDP sockets with SO_REUSEPORT on epoll)
 * @param udpReceiveBufferBytes SO_RCVBUF of each UDP socket (large, to absorb load bursts)
 * @param udpSendBufferBytes  SO_SNDBUF of each UDP socket
 * @param tcpIdleTimeout      a TCP connection without traffic either way is closed after this
 * @param messageReadTimeout  a message begun on TCP must be complete within this (slow peers)
 * @param maxTcpConnections   accepted plus opened connections; more are refused
 * @param udpMtuLimit         §18.1.1: a request larger than this (bytes) goes over TCP
 * @param connectTimeout      outbound TCP connection establishment
 * @param malformedCloseGrace after a framing failure, time for the answer before the close
 * @param maxPendingWriteBytes bytes queued to a TCP peer that does not read before sends fail
 * @param preferNative        use epoll when available (false forces NIO)
 */
public record TransportConfig(
        String bindHost,
        int port,
        String advertisedHost,
        SyntaxLimits limits,
        int ioThreads,
        int udpReceiveBufferBytes,
        int udpSendBufferBytes,
        Duration tcpIdleTimeout,
        Duration messageReadTimeout,
        int maxTcpConnections,
        int udpMtuLimit,
        Duration connectTimeout,
        Duration malformedCloseGrace,
        int maxPendingWriteBytes,
        boolean preferNative) {

    public static final int DEFAULT_PORT = 5060;
    /** Absorbs bursts of thousands of requests per second without kernel drops. */
    public static final int DEFAULT_UDP_BUFFER_BYTES = 4 * 1024 * 1024;
    /** Long enough for registration refreshes on persistent connections to keep them warm. */
    public static final Duration DEFAULT_TCP_IDLE_TIMEOUT = Duration.ofMinutes(2);
    public static final Duration DEFAULT_MESSAGE_READ_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_TCP_CONNECTIONS = 10_000;
    /** §18.1.1: 200 bytes below the 1500-byte Ethernet MTU, so 1300 bytes. */
    public static final int DEFAULT_UDP_MTU_LIMIT = 1300;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_MALFORMED_CLOSE_GRACE = Duration.ofSeconds(1);
    public static final int DEFAULT_MAX_PENDING_WRITE_BYTES = 4 * 1024 * 1024;

    public TransportConfig {
        require(bindHost != null && IpLiterals.isIpLiteral(bindHost),
                "transport.bindHost must be an IP literal, got " + bindHost);
        require(port >= 0 && port <= 65_535, "transport.port must be 0..65535, got " + port);
        require(advertisedHost == null || !advertisedHost.isBlank(), "transport.advertisedHost must not be blank");
        require(limits != null, "transport.limits must be set");
        require(ioThreads >= 1, "transport.ioThreads must be at least 1, got " + ioThreads);
        require(udpReceiveBufferBytes > 0, "transport.udpReceiveBufferBytes must be positive");
        require(udpSendBufferBytes > 0, "transport.udpSendBufferBytes must be positive");
        require(positive(tcpIdleTimeout), "transport.tcpIdleTimeout must be positive");
        require(positive(messageReadTimeout), "transport.messageReadTimeout must be positive");
        require(maxTcpConnections >= 1, "transport.maxTcpConnections must be at least 1");
        require(udpMtuLimit >= 200, "transport.udpMtuLimit must be at least 200 bytes");
        require(positive(connectTimeout), "transport.connectTimeout must be positive");
        require(malformedCloseGrace != null && !malformedCloseGrace.isNegative(),
                "transport.malformedCloseGrace must not be negative");
        require(maxPendingWriteBytes > 0, "transport.maxPendingWriteBytes must be positive");
    }

    /** Defaults on {@code bindHost}:{@code port}. */
    public static TransportConfig of(String bindHost, int port) {
        return new TransportConfig(bindHost, port, null, SyntaxLimits.DEFAULT,
                Runtime.getRuntime().availableProcessors(), DEFAULT_UDP_BUFFER_BYTES, DEFAULT_UDP_BUFFER_BYTES,
                DEFAULT_TCP_IDLE_TIMEOUT, DEFAULT_MESSAGE_READ_TIMEOUT, DEFAULT_MAX_TCP_CONNECTIONS,
                DEFAULT_UDP_MTU_LIMIT, DEFAULT_CONNECT_TIMEOUT, DEFAULT_MALFORMED_CLOSE_GRACE,
                DEFAULT_MAX_PENDING_WRITE_BYTES, true);
    }

    /** The host we advertise: configured, else the bind address (IPv6 in brackets). */
    public String effectiveAdvertisedHost() {
        String h = advertisedHost != null ? advertisedHost : bindHost;
        return h.indexOf(':') >= 0 && !h.startsWith("[") ? '[' + h + ']' : h;
    }

    public TransportConfig withAdvertisedHost(String v) {
        return new TransportConfig(bindHost, port, v, limits, ioThreads, udpReceiveBufferBytes,
                udpSendBufferBytes, tcpIdleTimeout, messageReadTimeout, maxTcpConnections, udpMtuLimit,
                connectTimeout, malformedCloseGrace, maxPendingWriteBytes, preferNative);
    }

    public TransportConfig withLimits(SyntaxLimits v) {
        return new TransportConfig(bindHost, port, advertisedHost, v, ioThreads, udpReceiveBufferBytes,
                udpSendBufferBytes, tcpIdleTimeout, messageReadTimeout, maxTcpConnections, udpMtuLimit,
                connectTimeout, malformedCloseGrace, maxPendingWriteBytes, preferNative);
    }

    public TransportConfig withIoThreads(int v) {
        return new TransportConfig(bindHost, port, advertisedHost, limits, v, udpReceiveBufferBytes,
                udpSendBufferBytes, tcpIdleTimeout, messageReadTimeout, maxTcpConnections, udpMtuLimit,
                connectTimeout, malformedCloseGrace, maxPendingWriteBytes, preferNative);
    }

    public TransportConfig withTcpIdleTimeout(Duration v) {
        return new TransportConfig(bindHost, port, advertisedHost, limits, ioThreads, udpReceiveBufferBytes,
                udpSendBufferBytes, v, messageReadTimeout, maxTcpConnections, udpMtuLimit,
                connectTimeout, malformedCloseGrace, maxPendingWriteBytes, preferNative);
    }

    public TransportConfig withMessageReadTimeout(Duration v) {
        return new TransportConfig(bindHost, port, advertisedHost, limits, ioThreads, udpReceiveBufferBytes,
                udpSendBufferBytes, tcpIdleTimeout, v, maxTcpConnections, udpMtuLimit,
                connectTimeout, malformedCloseGrace, maxPendingWriteBytes, preferNative);
    }

    public TransportConfig withMaxTcpConnections(int v) {
        return new TransportConfig(bindHost, port, advertisedHost, limits, ioThreads, udpReceiveBufferBytes,
                udpSendBufferBytes, tcpIdleTimeout, messageReadTimeout, v, udpMtuLimit,
                connectTimeout, malformedCloseGrace, maxPendingWriteBytes, preferNative);
    }

    public TransportConfig withUdpMtuLimit(int v) {
        return new TransportConfig(bindHost, port, advertisedHost, limits, ioThreads, udpReceiveBufferBytes,
                udpSendBufferBytes, tcpIdleTimeout, messageReadTimeout, maxTcpConnections, v,
                connectTimeout, malformedCloseGrace, maxPendingWriteBytes, preferNative);
    }

    public TransportConfig withMalformedCloseGrace(Duration v) {
        return new TransportConfig(bindHost, port, advertisedHost, limits, ioThreads, udpReceiveBufferBytes,
                udpSendBufferBytes, tcpIdleTimeout, messageReadTimeout, maxTcpConnections, udpMtuLimit,
                connectTimeout, v, maxPendingWriteBytes, preferNative);
    }

    public TransportConfig withPreferNative(boolean v) {
        return new TransportConfig(bindHost, port, advertisedHost, limits, ioThreads, udpReceiveBufferBytes,
                udpSendBufferBytes, tcpIdleTimeout, messageReadTimeout, maxTcpConnections, udpMtuLimit,
                connectTimeout, malformedCloseGrace, maxPendingWriteBytes, v);
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }
}
