package org.clearline.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.clearline.syntax.Via;

/**
 * Where a response goes when it cannot (or, for UDP, need not) travel back on
 * an existing connection (§18.2.2, RFC 3581 §4). Pure: no sockets, no DNS.
 *
 * <p>{@code maddr} is ignored: we do not send multicast responses, and
 * following an unauthenticated maddr would let anyone aim our responses
 * elsewhere.
 */
final class ResponseRoute {
    /** §19.1.2 / §18.2.2: the port when a Via names none (UDP and TCP). */
    static final int DEFAULT_SIP_PORT = 5060;

    private ResponseRoute() {}

    /**
     * The destination for a response whose top Via is {@code top}.
     * <ul>
     *   <li>address: {@code received} when present, else the sent-by host when it
     *       is an IP literal, else (a sent-by name: we never resolve it) the
     *       request's source address;</li>
     *   <li>port, unreliable transports: {@code rport} value when present, else
     *       sent-by port (the source port when the sent-by was a name), else 5060;</li>
     *   <li>port, reliable transports (a new connection, the old one is gone):
     *       sent-by port, else 5060; the source port of a connection is ephemeral.</li>
     * </ul>
     *
     * @param requestSource where the request came from, or null when unknown
     * @return the destination, or null when no address can be found without DNS
     */
    static InetSocketAddress destination(Via top, TransportProtocol protocol, InetSocketAddress requestSource) {
        if (top == null) return requestSource;
        boolean unreliable = !protocol.reliable();
        int port = unreliable ? top.rport() : -1;
        InetAddress address = IpLiterals.parse(top.received());
        if (address == null) address = IpLiterals.parse(top.host());
        if (address == null) {
            if (requestSource == null) return null;
            address = requestSource.getAddress();
            if (port <= 0 && unreliable) port = requestSource.getPort();
        }
        if (port <= 0) port = top.port();
        if (port <= 0 || port > 65_535) port = DEFAULT_SIP_PORT;
        return new InetSocketAddress(address, port);
    }
}
