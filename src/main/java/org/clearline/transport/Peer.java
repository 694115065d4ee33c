package org.clearline.transport;

import java.net.InetSocketAddress;

/**
 * The other end of a hop: transport and socket address. For TCP it also names
 * the connection (one connection per remote address and port).
 */
public record Peer(TransportProtocol protocol, InetSocketAddress address) {
    /**
     * Peers seen lately, by hash: a phone or a trunk sends thousands of messages, and
     * every transaction of them keeps its peer for up to 64*T1. Handing out one
     * instance per address keeps one Peer (and one address) instead of thousands.
     * Slots are read and written without locks: a Peer is immutable, so a racing
     * reader sees a whole one or a stale one, and either way gets an equal value.
     */
    private static final Peer[] RECENT = new Peer[1024];

    /** A peer equal to {@code new Peer(protocol, address)}, shared with earlier callers when still remembered. */
    public static Peer of(TransportProtocol protocol, InetSocketAddress address) {
        int h = address.hashCode() * 31 + protocol.ordinal();
        int slot = (h ^ (h >>> 16)) & (RECENT.length - 1);
        Peer p = RECENT[slot];
        if (p != null && p.protocol == protocol && p.address.equals(address)) return p;
        p = new Peer(protocol, address);
        RECENT[slot] = p;
        return p;
    }

    public static Peer udp(String ip, int port) {
        return new Peer(TransportProtocol.UDP, new InetSocketAddress(ip, port));
    }

    public static Peer tcp(String ip, int port) {
        return new Peer(TransportProtocol.TCP, new InetSocketAddress(ip, port));
    }

    /**
     * The peer written as {@link #toString()} writes it ("udp:192.0.2.1:5060", an
     * IPv6 address unbracketed), as the store keeps a registration's source; null
     * when the text is not one (a name instead of an address, a bad port). Never
     * resolves a name.
     */
    public static Peer parse(String text) {
        if (text == null) return null;
        int colon = text.indexOf(':');
        int last = text.lastIndexOf(':');
        if (colon <= 0 || last <= colon) return null;
        TransportProtocol protocol = TransportProtocol.fromToken(text.substring(0, colon));
        java.net.InetAddress address = IpLiterals.parse(text.substring(colon + 1, last));
        int port;
        try {
            port = Integer.parseInt(text.substring(last + 1));
        } catch (NumberFormatException e) {
            return null;
        }
        if (protocol == null || address == null || port < 1 || port > 65_535) return null;
        return of(protocol, new InetSocketAddress(address, port));
    }

    /** "udp:127.0.0.1:5061" */
    @Override
    public String toString() {
        return protocol.lowerName() + ':' + address.getAddress().getHostAddress() + ':' + address.getPort();
    }
}
