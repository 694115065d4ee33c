/**
 * The transport layer (RFC 3261 §18, RFC 3581) on Netty.
 *
 * <p>Receiving: a datagram is one message; a TCP stream is framed by
 * Content-Length. Both are parsed on the I/O thread, requests get
 * {@code received}/{@code rport} in their top Via, and the result is handed to
 * the {@link org.clearline.transport.MessageHandler} (the transaction layer).
 *
 * <p>Sending: a request to UDP larger than the MTU limit goes over TCP
 * (§18.1.1); a response goes back on the request's connection, or to
 * {@code received}:{@code rport} for UDP (§18.2.2).
 *
 * <p>What this layer deliberately does not do: it never resolves a host name
 * (callers pass IP addresses; a Via sent-by name falls back to the packet
 * source), it ignores {@code maddr} (no multicast), and it does not check the
 * sent-by of incoming responses (§18.1.2): the transaction layer matches them.
 */
package org.clearline.transport;
