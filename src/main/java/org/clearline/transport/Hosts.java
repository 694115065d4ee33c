package org.clearline.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.clearline.syntax.SipUri;

/** Public face of the transport's IP-literal rules for the layers above (IPv6 references in brackets, RFC 5118). */
public final class Hosts {
    private Hosts() {}

    /** True when {@code host} is an IPv4 address or a bracketed / bare IPv6 address. */
    public static boolean isIpLiteral(String host) {
        return IpLiterals.isIpLiteral(host);
    }

    /** The address of an IP literal, without any name look-up; null if it is not one. */
    public static InetAddress literal(String host) {
        return IpLiterals.parse(host);
    }

    /** The transport a URI asks for: its transport parameter, TCP for sips (TLS later), else UDP. */
    public static TransportProtocol transportOf(SipUri uri) {
        TransportProtocol p = TransportProtocol.fromToken(uri.transport());
        if (p != null) return p;
        return uri.secure() ? TransportProtocol.TCP : TransportProtocol.UDP;
    }

    /** The peer for a URI whose host is an IP literal, or null. */
    public static Peer peerOfLiteral(SipUri uri) {
        InetAddress a = literal(uri.host());
        return a == null ? null : Peer.of(transportOf(uri), new InetSocketAddress(a, uri.portOrDefault()));
    }

    /** "[::1]" or "127.0.0.1": how an address is written in a SIP host field. */
    public static String hostField(InetAddress address) {
        String h = address.getHostAddress();
        int pct = h.indexOf('%');
        if (pct >= 0) h = h.substring(0, pct);
        return address instanceof java.net.Inet6Address ? "[" + h + "]" : h;
    }
}
