package org.clearline.transport;

import org.clearline.syntax.SipMessage;

/**
 * A well-formed message as it arrived: from whom, on which local listening
 * point, when (monotonic nanos of the injected clock), and its size on the wire.
 * For requests, the transport has already added {@code received}/{@code rport}
 * to the top Via (§18.2.1, RFC 3581 §4).
 */
public record Inbound(SipMessage message, Peer source, ListeningPoint local, long receivedNanos, int wireBytes) {}
