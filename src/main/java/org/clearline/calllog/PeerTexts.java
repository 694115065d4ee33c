package org.clearline.calllog;

import org.clearline.transport.Peer;

/**
 * The writer's texts of the peers it met lately. Every call names its caller's
 * and its callee's address two or three times (its source, each message's peer),
 * and the same phones and trunks come back call after call: writing an address
 * out costs more than finding it here. A slot per hash, the newest peer wins it;
 * {@link Peer#of} hands out one instance per address, so a hit is mostly an
 * identity check. Not thread-safe: the writer thread's own.
 */
final class PeerTexts {
    private static final int SLOTS = 256;

    private final Peer[] peers = new Peer[SLOTS];
    private final String[] texts = new String[SLOTS];

    /** {@code peer}'s {@link Peer#toString() text}. */
    String of(Peer peer) {
        int h = peer.hashCode();
        int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
        Peer known = peers[slot];
        if (known == peer || peer.equals(known)) return texts[slot];
        String text = peer.toString();
        peers[slot] = peer;
        texts[slot] = text;
        return text;
    }
}
