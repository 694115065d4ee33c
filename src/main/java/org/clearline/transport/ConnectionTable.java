package org.clearline.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Every TCP connection, accepted or opened, indexed by the remote ip:port so a
 * request or response to that address reuses it (§18.1.1, §18.2.2). A value
 * is the connect future: done and successful for an accepted connection,
 * pending while an outbound connect is under way (senders queue on it).
 * The number of connections is bounded; beyond it new ones are refused.
 */
final class ConnectionTable {
    private final ConcurrentHashMap<InetSocketAddress, ChannelFuture> byRemote = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final int max;

    ConnectionTable(int max) {
        this.max = max;
    }

    /**
     * Admits an accepted connection, or returns false at the limit (the caller
     * closes it). Called on the connection's event loop before it is active.
     */
    boolean admit(Channel channel) {
        if (!reserve()) return false;
        ChannelFuture entry = channel.newSucceededFuture();
        InetSocketAddress remote = (InetSocketAddress) channel.remoteAddress();
        byRemote.put(remote, entry);
        channel.closeFuture().addListener(f -> forget(remote, entry));
        return true;
    }

    /** A usable (open, or still connecting) connection to {@code remote}, or null. */
    ChannelFuture existing(InetSocketAddress remote) {
        ChannelFuture f = byRemote.get(remote);
        if (f == null) return null;
        if (!f.isDone() || f.channel().isActive()) return f;
        byRemote.remove(remote, f);
        return null;
    }

    /**
     * The connection to {@code remote}: an existing one, else a new outbound
     * connect started with {@code bootstrapFor} (never blocks). Null when the
     * connection limit is reached.
     */
    ChannelFuture obtain(InetSocketAddress remote, Function<InetSocketAddress, Bootstrap> bootstrapFor) {
        ChannelFuture f = existing(remote);
        if (f != null) return f;
        ChannelFuture[] created = new ChannelFuture[1];
        f = byRemote.computeIfAbsent(remote, r -> {
            if (!reserve()) return null;
            created[0] = bootstrapFor.apply(r).connect(r);
            return created[0];
        });
        if (created[0] != null) {
            ChannelFuture entry = created[0];
            // A failed connect closes the channel too, so this also forgets refused attempts.
            entry.channel().closeFuture().addListener(c -> forget(remote, entry));
        }
        return f;
    }

    int size() {
        return open.get();
    }

    /** Every channel, for shutdown. */
    List<Channel> channels() {
        List<Channel> out = new ArrayList<>(byRemote.size());
        for (ChannelFuture f : byRemote.values()) out.add(f.channel());
        return out;
    }

    private boolean reserve() {
        while (true) {
            int n = open.get();
            if (n >= max) return false;
            if (open.compareAndSet(n, n + 1)) return true;
        }
    }

    private void forget(InetSocketAddress remote, ChannelFuture entry) {
        byRemote.remove(remote, entry);
        open.decrementAndGet();
    }
}
