package org.clearline.transport;

import java.net.InetSocketAddress;

/**
 * The other end of a hop: transport and socket address. For TCP it also names
 * the connection (one connection per remote address and port).
 */
public record Peer(TransportProtocol protocol, InetSocketAddress address) {
    public static Peer udp(String ip, int port) {
        return new Peer(TransportProtocol.UDP, new InetSocketAddress(ip, port));
    }

    public static Peer tcp(String ip, int port) {
        return new Peer(TransportProtocol.TCP, new InetSocketAddress(ip, port));
    }

    /** "udp:127.0.0.1:5061" */
    @Override
    public String toString() {
        return protocol.name().toLowerCase(java.util.Locale.ROOT) + ':'
                + address.getAddress().getHostAddress() + ':' + address.getPort();
    }
}
