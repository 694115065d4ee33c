package org.clearline.transport;

import java.util.concurrent.CompletableFuture;
import org.clearline.syntax.SipUri;

/**
 * Turns a next-hop URI into the peer to send to (a small part of RFC 3263:
 * transport from the transport parameter, port from the URI or the default).
 * Injectable so tests never do DNS look-ups; IP literals never leave the caller.
 */
public interface Resolver {
    /** The peer for {@code uri}; fails with {@link java.net.UnknownHostException} when the host has no address. */
    CompletableFuture<Peer> resolve(SipUri uri);
}
