package org.clearline.analyzer.packet;

import java.util.BitSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts fragmented IP datagrams back together (RFC 791 §3.2 for IPv4, RFC 8200
 * §4.5 for IPv6): fragments with the same source, destination, protocol and
 * identification are collected until the last one (no "more fragments" flag)
 * has fixed the length and every 8-byte unit up to it has arrived. SIP over UDP
 * fragments whenever a message exceeds the path MTU, which INVITEs with large
 * SDP bodies do.
 *
 * <p>Bounded: at most {@link #MAX_PENDING} datagrams wait at once, each at most
 * {@link #MAX_DATAGRAM} bytes, for at most {@link #TIMEOUT_MICROS} of capture
 * time (the RFC 8200 §4.5 reassembly time of 60 s); the oldest are given up
 * first and counted.
 */
final class IpDefragmenter {
    static final int MAX_PENDING = 1024;
    /** The largest IP payload there can be (16-bit length fields). */
    static final int MAX_DATAGRAM = 65_535;
    static final long TIMEOUT_MICROS = 60_000_000L;

    record Key(HostPair hosts, long id, int protocol) {}

    private static final class Pending {
        final long firstMicros;
        byte[] data = new byte[2048];
        final BitSet units = new BitSet();
        int total = -1;

        Pending(long firstMicros) {
            this.firstMicros = firstMicros;
        }

        boolean complete() {
            return total >= 0 && units.nextClearBit(0) >= (total + 7) / 8;
        }
    }

    private final Map<Key, Pending> pending = new LinkedHashMap<>();
    private long abandoned;

    /**
     * Adds one fragment; returns the whole datagram's payload (the transport
     * header and data) once it is complete, else null.
     */
    byte[] offer(Key key, long micros, int offset, boolean more, byte[] d, int off, int len) {
        expire(micros);
        if (offset + len > MAX_DATAGRAM || len < 0) {
            abandoned++;
            pending.remove(key);
            return null;
        }
        Pending p = pending.get(key);
        if (p == null) {
            if (pending.size() >= MAX_PENDING) dropOldest();
            p = new Pending(micros);
            pending.put(key, p);
        }
        if (offset + len > p.data.length) {
            byte[] bigger = new byte[Math.min(MAX_DATAGRAM, Math.max(offset + len, p.data.length * 2))];
            System.arraycopy(p.data, 0, bigger, 0, p.data.length);
            p.data = bigger;
        }
        System.arraycopy(d, off, p.data, offset, len);
        if (len > 0) p.units.set(offset / 8, (offset + len + 7) / 8);
        if (!more) p.total = offset + len;
        if (!p.complete()) return null;
        pending.remove(key);
        byte[] whole = new byte[p.total];
        System.arraycopy(p.data, 0, whole, 0, p.total);
        return whole;
    }

    /** Datagrams given up so far (incomplete when they timed out, or pushed out by newer ones). */
    long abandoned() {
        return abandoned;
    }

    /** At the end of the input every datagram still waiting is incomplete. */
    void finish() {
        abandoned += pending.size();
        pending.clear();
    }

    private void expire(long now) {
        Iterator<Pending> it = pending.values().iterator();
        while (it.hasNext()) {
            Pending p = it.next();
            if (p.firstMicros >= now - TIMEOUT_MICROS) break;
            it.remove();
            abandoned++;
        }
    }

    private void dropOldest() {
        Iterator<Pending> it = pending.values().iterator();
        if (it.hasNext()) {
            it.next();
            it.remove();
            abandoned++;
        }
    }
}
