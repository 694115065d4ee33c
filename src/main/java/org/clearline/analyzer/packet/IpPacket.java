package org.clearline.analyzer.packet;

import org.clearline.analyzer.capture.Bytes;
import org.clearline.analyzer.input.IpAddresses;

/**
 * The fields of one IPv4 or IPv6 header the analyzer needs (RFC 791 §3.1,
 * RFC 8200 §3-§4). One instance is reused for every packet of a capture.
 */
final class IpPacket {
    static final int PROTOCOL_TCP = 6;
    static final int PROTOCOL_UDP = 17;
    private static final int V6_HOP_BY_HOP = 0;
    private static final int V6_ROUTING = 43;
    private static final int V6_FRAGMENT = 44;
    private static final int V6_AUTHENTICATION = 51;
    private static final int V6_DESTINATION = 60;
    private static final int MF = 0x2000;

    final byte[] src = new byte[16];
    final byte[] dst = new byte[16];
    int addressLength;
    int protocol;
    int payloadOffset;
    int payloadEnd;
    /** The header says more bytes than were captured (snap length). */
    boolean cutShort;
    boolean fragment;
    long fragmentId;
    int fragmentOffset;
    boolean moreFragments;

    /** Reads the header at {@code off}; false when it is no IP header or is too damaged to use. */
    boolean read(byte[] d, int off, int end) {
        if (off >= end) return false;
        int version = (d[off] >> 4) & 0xf;
        cutShort = false;
        fragment = false;
        if (version == 4) return readV4(d, off, end);
        if (version == 6) return readV6(d, off, end);
        return false;
    }

    private boolean readV4(byte[] d, int off, int end) {
        int ihl = (d[off] & 0xf) * 4;
        if (ihl < 20 || off + ihl > end) return false;
        int total = Bytes.u16(d, off + 2);
        if (total < ihl) return false;
        // Ethernet pads short frames: the IP total length, not the frame, ends the datagram
        payloadEnd = Math.min(off + total, end);
        cutShort = off + total > end;
        int flags = Bytes.u16(d, off + 6);
        fragmentOffset = (flags & 0x1fff) * 8;
        moreFragments = (flags & MF) != 0;
        fragment = moreFragments || fragmentOffset > 0;
        fragmentId = Bytes.u16(d, off + 4);
        protocol = d[off + 9] & 0xff;
        addressLength = 4;
        System.arraycopy(d, off + 12, src, 0, 4);
        System.arraycopy(d, off + 16, dst, 0, 4);
        payloadOffset = off + ihl;
        return true;
    }

    private boolean readV6(byte[] d, int off, int end) {
        if (off + 40 > end) return false;
        int payloadLength = Bytes.u16(d, off + 4);
        int next = d[off + 6] & 0xff;
        addressLength = 16;
        System.arraycopy(d, off + 8, src, 0, 16);
        System.arraycopy(d, off + 24, dst, 0, 16);
        int p = off + 40;
        // a payload length of 0 announces a jumbogram (RFC 2675): take what was captured
        int stated = payloadLength == 0 ? end - p : payloadLength;
        payloadEnd = Math.min(p + stated, end);
        cutShort = p + stated > end;
        while (true) {
            if (next == V6_FRAGMENT) {
                if (p + 8 > payloadEnd) return false;
                int field = Bytes.u16(d, p + 2);
                fragmentOffset = field & 0xfff8;
                moreFragments = (field & 1) != 0;
                fragmentId = Bytes.u32(d, p + 4);
                fragment = true;
                next = d[p] & 0xff;
                p += 8;
                break; // what follows is the fragment's data
            } else if (next == V6_HOP_BY_HOP || next == V6_ROUTING || next == V6_DESTINATION || next == V6_AUTHENTICATION) {
                if (p + 2 > payloadEnd) return false;
                int len = next == V6_AUTHENTICATION ? ((d[p + 1] & 0xff) + 2) * 4 : ((d[p + 1] & 0xff) + 1) * 8;
                next = d[p] & 0xff;
                p += len;
            } else {
                break;
            }
        }
        if (p > payloadEnd) return false;
        protocol = next;
        payloadOffset = p;
        return true;
    }

    String sourceText() {
        return addressLength == 4 ? IpAddresses.v4(src, 0) : IpAddresses.v6(src, 0);
    }

    String destinationText() {
        return addressLength == 4 ? IpAddresses.v4(dst, 0) : IpAddresses.v6(dst, 0);
    }

    HostPair hosts() {
        return HostPair.of(src, dst, addressLength);
    }
}
