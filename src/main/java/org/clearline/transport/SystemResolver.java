package org.clearline.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.clearline.syntax.SipUri;

/**
 * Resolves host names with the operating system's resolver (A/AAAA), on a
 * blocking executor so no shard or I/O thread ever waits for DNS. IP literals
 * are answered at once. (SRV/NAPTR of RFC 3263 come with multi-node work.)
 */
public final class SystemResolver implements Resolver {
    private final Executor blocking;

    public SystemResolver(Executor blocking) {
        this.blocking = blocking;
    }

    @Override
    public CompletableFuture<Peer> resolve(SipUri uri) {
        Peer literal = Hosts.peerOfLiteral(uri);
        if (literal != null) return CompletableFuture.completedFuture(literal);
        return CompletableFuture.supplyAsync(() -> {
            try {
                InetAddress a = InetAddress.getByName(uri.host());
                return Peer.of(Hosts.transportOf(uri), new InetSocketAddress(a, uri.portOrDefault()));
            } catch (java.net.UnknownHostException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, blocking);
    }
}
