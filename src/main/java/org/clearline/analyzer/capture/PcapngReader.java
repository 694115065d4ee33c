package org.clearline.analyzer.capture;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.clearline.analyzer.input.Problems;

/**
 * Reads the pcapng format (draft-ietf-opsawg-pcapng): a sequence of blocks, each
 * {@code type, total length, body, total length}. A Section Header Block starts
 * each section and fixes its byte order; Interface Description Blocks give each
 * interface's link type and time resolution; Enhanced, Simple and (obsolete)
 * Packet Blocks carry the packets. Every other block is skipped by its length.
 *
 * <p>Damage ends the reading with one note: a block whose length is impossible,
 * or a file cut inside a block. Packets of an interface with a link type we do
 * not read, or of an interface never described, are counted and skipped.
 */
public final class PcapngReader {
    static final int SECTION_HEADER = 0x0A0D0D0A;
    static final int INTERFACE_DESCRIPTION = 1;
    static final int OBSOLETE_PACKET = 2;
    static final int SIMPLE_PACKET = 3;
    static final int ENHANCED_PACKET = 6;
    private static final long BYTE_ORDER_MAGIC = 0x1A2B3C4DL;
    /** Larger blocks do not occur in practice; a larger length means a damaged file. */
    public static final int MAX_BLOCK = 16 * 1024 * 1024;
    private static final int OPTION_TSRESOL = 9;
    private static final int OPTION_TSOFFSET = 14;

    private PcapngReader() {}

    /** True when the file starts with a Section Header Block. */
    public static boolean matches(byte[] head, int length) {
        return length >= 4 && Bytes.u32(head, 0, false) == SECTION_HEADER;
    }

    /** One described interface. */
    private record Interface(int linkType, int snapLength, long unitsPerSecond, long offsetSeconds) {}

    /** Reads every packet of {@code in} into {@code sink}; returns the link types of the interfaces seen. */
    public static List<Integer> read(InputStream in, String name, FrameSink sink, Problems problems) throws IOException {
        List<Integer> linkTypes = new ArrayList<>();
        List<Interface> interfaces = new ArrayList<>();
        boolean le = true;
        byte[] head = new byte[12];
        byte[] body = new byte[4096];
        long blocks = 0;
        long packets = 0;
        while (true) {
            int h = in.readNBytes(head, 0, 8);
            if (h == 0) break;
            if (h < 8) {
                problems.add(name, truncated(packets));
                break;
            }
            long type = Bytes.u32(head, 0, le);
            if (Bytes.u32(head, 0, false) == SECTION_HEADER) {
                if (in.readNBytes(head, 8, 4) < 4) {
                    problems.add(name, truncated(packets));
                    break;
                }
                long bom = Bytes.u32(head, 8, true);
                if (bom != BYTE_ORDER_MAGIC && Bytes.u32(head, 8, false) != BYTE_ORDER_MAGIC) {
                    problems.add(name, "damaged: a section header has no valid byte-order magic; reading stopped there");
                    break;
                }
                le = bom == BYTE_ORDER_MAGIC;
                type = SECTION_HEADER;
                interfaces.clear();
            } else if (blocks == 0) {
                problems.add(name, "not a pcapng file (it does not start with a section header)");
                break;
            }
            long total = Bytes.u32(head, 4, le);
            int already = type == SECTION_HEADER ? 4 : 0;
            if (total < 12 + already || total % 4 != 0 || total > MAX_BLOCK) {
                problems.add(name, "damaged: block " + (blocks + 1) + " claims a length of " + total
                        + " bytes; reading stopped there (" + packets + " packets read)");
                break;
            }
            int rest = (int) total - 8 - already;
            if (rest > body.length) body = new byte[Math.max(rest, body.length * 2)];
            int n = in.readNBytes(body, 0, rest);
            if (n < rest) {
                problems.add(name, truncated(packets));
                break;
            }
            blocks++;
            int bodyLength = rest - 4; // the trailing copy of the total length
            switch ((int) type) {
                case SECTION_HEADER -> { }
                case INTERFACE_DESCRIPTION -> {
                    if (bodyLength < 8) {
                        problems.add(name, "damaged: an interface description is too short; interface skipped");
                        interfaces.add(new Interface(-1, 0, 1_000_000, 0));
                        break;
                    }
                    Interface i = describe(body, bodyLength, le);
                    interfaces.add(i);
                    linkTypes.add(i.linkType());
                    if (!LinkTypes.isKnown(i.linkType())) {
                        problems.add(name, "interface " + (interfaces.size() - 1) + " has an unknown "
                                + LinkTypes.name(i.linkType()) + "; its packets are skipped");
                    }
                }
                case ENHANCED_PACKET, OBSOLETE_PACKET -> {
                    boolean enhanced = type == ENHANCED_PACKET;
                    if (bodyLength < 20) {
                        problems.add(name, "damaged: a packet block is too short; skipped");
                        break;
                    }
                    int id = enhanced ? (int) Bytes.u32(body, 0, le) : Bytes.u16(body, 0, le);
                    long ts = Bytes.u32(body, 4, le) << 32 | Bytes.u32(body, 8, le);
                    long captured = Bytes.u32(body, 12, le);
                    long original = Bytes.u32(body, 16, le);
                    if (captured > bodyLength - 20) {
                        problems.add(name, "damaged: a packet block claims more bytes than it holds; skipped");
                        break;
                    }
                    packets++;
                    deliver(interfaces, id, ts, body, 20, (int) captured, original, name, sink, problems);
                }
                case SIMPLE_PACKET -> {
                    if (bodyLength < 4) break;
                    long original = Bytes.u32(body, 0, le);
                    int captured = (int) Math.min(original, bodyLength - 4);
                    if (!interfaces.isEmpty() && interfaces.getFirst().snapLength() > 0) {
                        captured = Math.min(captured, interfaces.getFirst().snapLength());
                    }
                    packets++;
                    deliver(interfaces, 0, -1, body, 4, captured, original, name, sink, problems);
                }
                default -> { } // name resolution, statistics, custom blocks: nothing for us
            }
        }
        return linkTypes;
    }

    private static String truncated(long packets) {
        return "truncated: the file ends inside a block; the " + packets + " packets before it were read";
    }

    private static void deliver(List<Interface> interfaces, int id, long ts, byte[] body, int offset, int captured,
                                long original, String name, FrameSink sink, Problems problems) {
        if (id < 0 || id >= interfaces.size()) {
            problems.add(name, "a packet names interface " + id + ", which was never described; skipped");
            return;
        }
        Interface i = interfaces.get(id);
        if (!LinkTypes.isKnown(i.linkType())) return;
        long micros = ts < 0 ? 0 : toMicros(ts, i.unitsPerSecond()) + i.offsetSeconds() * 1_000_000L;
        if (offset > 0) System.arraycopy(body, offset, body, 0, captured);
        sink.frame(micros, i.linkType(), body, captured, (int) Math.min(Integer.MAX_VALUE, Math.max(original, captured)));
    }

    private static Interface describe(byte[] body, int length, boolean le) {
        int linkType = Bytes.u16(body, 0, le);
        int snap = (int) Math.min(Integer.MAX_VALUE, Bytes.u32(body, 4, le));
        long units = 1_000_000;
        long offsetSeconds = 0;
        int p = 8;
        while (p + 4 <= length) {
            int code = Bytes.u16(body, p, le);
            int len = Bytes.u16(body, p + 2, le);
            if (code == 0 || p + 4 + len > length) break;
            if (code == OPTION_TSRESOL && len >= 1) {
                int v = body[p + 4] & 0xff;
                units = resolution(v);
            } else if (code == OPTION_TSOFFSET && len >= 8) {
                long hi = Bytes.u32(body, p + 4, le);
                long lo = Bytes.u32(body, p + 8, le);
                offsetSeconds = le ? (lo << 32 | hi) : (hi << 32 | lo);
            }
            p += 4 + ((len + 3) & ~3);
        }
        return new Interface(linkType, snap, units, offsetSeconds);
    }

    /** if_tsresol: the high bit chooses a power of two, else of ten; the rest is the negative exponent. */
    static long resolution(int v) {
        int exp = v & 0x7f;
        if ((v & 0x80) != 0) return exp >= 63 ? Long.MAX_VALUE : 1L << exp;
        long units = 1;
        for (int i = 0; i < Math.min(exp, 18); i++) units *= 10;
        return units;
    }

    /** {@code ts} ticks of 1/{@code unitsPerSecond} s as microseconds, without overflow for any real time. */
    static long toMicros(long ts, long unitsPerSecond) {
        if (unitsPerSecond == 1_000_000) return ts;
        long seconds = Long.divideUnsigned(ts, unitsPerSecond);
        long rest = Long.remainderUnsigned(ts, unitsPerSecond);
        return seconds * 1_000_000L + (long) (rest * (1_000_000.0 / unitsPerSecond));
    }
}
