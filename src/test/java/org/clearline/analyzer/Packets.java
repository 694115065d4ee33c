package org.clearline.analyzer;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Builds packets and capture files byte by byte for reader tests: IPv4/IPv6
 * with UDP or TCP, link headers, classic pcap and pcapng files. Independent of
 * the code under test (no shared helpers), so a wrong field shows as a failure.
 */
public final class Packets {
    private Packets() {}

    public static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    public static byte[] v4(int a, int b, int c, int d) {
        return new byte[] {(byte) a, (byte) b, (byte) c, (byte) d};
    }

    /** An IPv4 header (no options) with payload; {@code flags} holds MF (0x2000) and the offset in 8-byte units. */
    public static byte[] ipv4(byte[] src, byte[] dst, int protocol, int id, int flagsAndOffset, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(20 + payload.length);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + payload.length)).putShort((short) id)
                .putShort((short) flagsAndOffset).put((byte) 64).put((byte) protocol).putShort((short) 0)
                .put(src).put(dst).put(payload);
        return b.array();
    }

    public static byte[] ipv4(byte[] src, byte[] dst, int protocol, byte[] payload) {
        return ipv4(src, dst, protocol, 1, 0, payload);
    }

    /** An IPv6 header, then the given extension headers and payload (next header chain as given). */
    public static byte[] ipv6(byte[] src, byte[] dst, int nextHeader, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(40 + payload.length);
        b.putInt(0x60000000).putShort((short) payload.length).put((byte) nextHeader).put((byte) 64).put(src).put(dst)
                .put(payload);
        return b.array();
    }

    public static byte[] v6(String last) {
        byte[] a = new byte[16];
        a[0] = 0x20;
        a[1] = 0x01;
        a[2] = 0x0d;
        a[3] = (byte) 0xb8;
        a[15] = (byte) Integer.parseInt(last);
        return a;
    }

    public static byte[] udp(int srcPort, int dstPort, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(8 + payload.length);
        b.putShort((short) srcPort).putShort((short) dstPort).putShort((short) (8 + payload.length)).putShort((short) 0)
                .put(payload);
        return b.array();
    }

    public static final int SYN = 0x02;
    public static final int ACK = 0x10;
    public static final int PSH = 0x08;
    public static final int FIN = 0x01;

    public static byte[] tcp(int srcPort, int dstPort, long seq, int flags, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(20 + payload.length);
        b.putShort((short) srcPort).putShort((short) dstPort).putInt((int) seq).putInt(0).put((byte) 0x50)
                .put((byte) flags).putShort((short) 65535).putShort((short) 0).putShort((short) 0).put(payload);
        return b.array();
    }

    public static byte[] ethernet(int etherType, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(14 + payload.length);
        b.put(new byte[] {2, 0, 0, 0, 0, 1}).put(new byte[] {2, 0, 0, 0, 0, 2}).putShort((short) etherType).put(payload);
        return b.array();
    }

    /** Ethernet with one 802.1Q tag. */
    public static byte[] ethernetVlan(int vlan, int etherType, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(18 + payload.length);
        b.put(new byte[] {2, 0, 0, 0, 0, 1}).put(new byte[] {2, 0, 0, 0, 0, 2}).putShort((short) 0x8100)
                .putShort((short) vlan).putShort((short) etherType).put(payload);
        return b.array();
    }

    /** Linux cooked v1: packet type, ARPHRD, address length, 8 address bytes, protocol. */
    public static byte[] sll(int protocol, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(16 + payload.length);
        b.putShort((short) 0).putShort((short) 772).putShort((short) 6).put(new byte[8]).putShort((short) protocol)
                .put(payload);
        return b.array();
    }

    /** Linux cooked v2: protocol, reserved, interface index, ARPHRD, packet type, address length, 8 address bytes. */
    public static byte[] sll2(int protocol, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(20 + payload.length);
        b.putShort((short) protocol).putShort((short) 0).putInt(1).putShort((short) 772).put((byte) 0).put((byte) 6)
                .put(new byte[8]).put(payload);
        return b.array();
    }

    /** BSD loopback (LINKTYPE_NULL): the address family in the writer's (here little-endian) byte order. */
    public static byte[] nullLoopback(int family, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(4 + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(family).put(payload);
        return b.array();
    }

    /** A packet with its capture time and link type. */
    public record Frame(long micros, byte[] data, int originalLength) {
        public Frame(long micros, byte[] data) {
            this(micros, data, data.length);
        }
    }

    /** A classic pcap file (microsecond or nanosecond magic, either byte order). */
    public static byte[] pcap(int linkType, boolean littleEndian, boolean nanos, Frame... frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteOrder order = littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        ByteBuffer h = ByteBuffer.allocate(24).order(order);
        h.putInt(nanos ? 0xa1b23c4d : 0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(262144).putInt(linkType);
        out.writeBytes(h.array());
        for (Frame f : frames) {
            ByteBuffer r = ByteBuffer.allocate(16).order(order);
            long fraction = nanos ? (f.micros() % 1_000_000) * 1000 : f.micros() % 1_000_000;
            r.putInt((int) (f.micros() / 1_000_000)).putInt((int) fraction).putInt(f.data().length)
                    .putInt(f.originalLength());
            out.writeBytes(r.array());
            out.writeBytes(f.data());
        }
        return out.toByteArray();
    }

    public static byte[] pcap(int linkType, Frame... frames) {
        return pcap(linkType, true, false, frames);
    }

    /** pcapng blocks, little- or big-endian. */
    public static final class Pcapng {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteOrder order;

        public Pcapng(boolean littleEndian) {
            this.order = littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
            section();
        }

        public Pcapng section() {
            ByteBuffer body = buf(16);
            body.putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1);
            return block(0x0A0D0D0A, body.array());
        }

        /** An interface; {@code tsresol} &lt; 0 leaves the option out (microseconds). */
        public Pcapng iface(int linkType, int tsresol) {
            ByteBuffer body = buf(tsresol < 0 ? 12 : 20);
            body.putShort((short) linkType).putShort((short) 0).putInt(262144);
            if (tsresol >= 0) body.putShort((short) 9).putShort((short) 1).put((byte) tsresol).put(new byte[3]);
            body.putShort((short) 0).putShort((short) 0);
            return block(1, body.array());
        }

        public Pcapng enhanced(int iface, long ticks, byte[] data) {
            int padded = (data.length + 3) & ~3;
            ByteBuffer body = buf(20 + padded);
            body.putInt(iface).putInt((int) (ticks >>> 32)).putInt((int) ticks).putInt(data.length).putInt(data.length)
                    .put(data);
            return block(6, body.array());
        }

        public Pcapng simple(byte[] data) {
            int padded = (data.length + 3) & ~3;
            ByteBuffer body = buf(4 + padded);
            body.putInt(data.length).put(data);
            return block(3, body.array());
        }

        /** A block of a type the reader must skip (here a Name Resolution Block with no records). */
        public Pcapng other() {
            ByteBuffer body = buf(4);
            body.putShort((short) 0).putShort((short) 0);
            return block(4, body.array());
        }

        public Pcapng block(int type, byte[] body) {
            ByteBuffer b = buf(12 + body.length);
            b.putInt(type).putInt(12 + body.length).put(body).putInt(12 + body.length);
            out.writeBytes(b.array());
            return this;
        }

        public byte[] bytes() {
            return out.toByteArray();
        }

        private ByteBuffer buf(int n) {
            return ByteBuffer.allocate(n).order(order);
        }
    }

    public static final byte[] ALICE = v4(192, 0, 2, 10);
    public static final byte[] SERVER = v4(198, 51, 100, 1);
    public static final int IPV4 = 0x0800;
    public static final int IPV6 = 0x86DD;
    public static final int UDP = 17;
    public static final int TCP = 6;

    /** An OPTIONS request of a given Call-ID, as a SIP test payload. */
    public static String options(String callId, String branch) {
        return "OPTIONS sip:server@198.51.100.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=" + branch + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:alice@example.com>;tag=a1\r\n"
                + "To: <sip:server@example.com>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    /** A 200 OK to {@link #options}. */
    public static String ok(String callId, String branch) {
        return "SIP/2.0 200 OK\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=" + branch + "\r\n"
                + "From: <sip:alice@example.com>;tag=a1\r\n"
                + "To: <sip:server@example.com>;tag=s1\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Content-Length: 0\r\n\r\n";
    }
}
