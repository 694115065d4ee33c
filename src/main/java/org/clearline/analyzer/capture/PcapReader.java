package org.clearline.analyzer.capture;

import java.io.IOException;
import java.io.InputStream;
import org.clearline.analyzer.input.Problems;

/**
 * Reads the classic libpcap file format: a 24-byte file header (magic number,
 * version, snap length, link type) and then records of a 16-byte header
 * (seconds, micro- or nanoseconds, captured and original length) followed by
 * the packet. The magic number tells the writer's byte order and whether the
 * fraction is micro- or nanoseconds.
 *
 * <p>Damage ends the reading with one note, never an exception: a file cut in
 * the middle of a record, or a record claiming more than {@link #MAX_RECORD}
 * bytes (a damaged header; no link type allows such packets).
 */
public final class PcapReader {
    /** The largest packet any capture tool writes (tcpdump's maximum snap length, 256 KiB). */
    public static final int MAX_RECORD = 262_144;
    static final int FILE_HEADER = 24;
    static final int RECORD_HEADER = 16;

    private PcapReader() {}

    /** True when the first 4 bytes are a pcap magic number in either byte order. */
    public static boolean matches(byte[] head, int length) {
        if (length < 4) return false;
        long le = Bytes.u32(head, 0, true);
        return le == 0xa1b2c3d4L || le == 0xa1b23c4dL || le == 0xd4c3b2a1L || le == 0x4d3cb2a1L;
    }

    /**
     * Reads every record of {@code in} into {@code sink}.
     *
     * @return the link type of the file, or -1 when even the file header could not be read
     */
    public static int read(InputStream in, String name, FrameSink sink, Problems problems) throws IOException {
        byte[] header = new byte[FILE_HEADER];
        int got = in.readNBytes(header, 0, FILE_HEADER);
        if (got < FILE_HEADER || !matches(header, got)) {
            problems.add(name, "not a pcap file (the file header is incomplete or its magic number is wrong)");
            return -1;
        }
        long magic = Bytes.u32(header, 0, true);
        boolean le = magic == 0xa1b2c3d4L || magic == 0xa1b23c4dL;
        boolean nanos = magic == 0xa1b23c4dL || magic == 0x4d3cb2a1L;
        // the upper bits of the link type field carry FCS information (pcap spec §4)
        int linkType = (int) (Bytes.u32(header, 20, le) & 0x0fffffffL);
        if (!LinkTypes.isKnown(linkType)) {
            problems.add(name, "unknown " + LinkTypes.name(linkType) + "; its packets cannot be read");
            return linkType;
        }
        byte[] record = new byte[RECORD_HEADER];
        byte[] data = new byte[2048];
        long count = 0;
        while (true) {
            int h = in.readNBytes(record, 0, RECORD_HEADER);
            if (h == 0) break;
            if (h < RECORD_HEADER) {
                problems.add(name, "truncated: the file ends inside the header of packet " + (count + 1)
                        + "; the " + count + " packets before it were read");
                break;
            }
            long seconds = Bytes.u32(record, 0, le);
            long fraction = Bytes.u32(record, 4, le);
            long captured = Bytes.u32(record, 8, le);
            long original = Bytes.u32(record, 12, le);
            if (captured > MAX_RECORD) {
                problems.add(name, "damaged: packet " + (count + 1) + " claims " + captured + " bytes (at most "
                        + MAX_RECORD + " are possible); reading stopped there");
                break;
            }
            if (captured > data.length) data = new byte[(int) Math.max(captured, data.length * 2L)];
            int n = in.readNBytes(data, 0, (int) captured);
            if (n < captured) {
                problems.add(name, "truncated: the file ends inside packet " + (count + 1) + " (" + n + " of "
                        + captured + " bytes); the " + count + " packets before it were read");
                break;
            }
            count++;
            long micros = seconds * 1_000_000L + (nanos ? fraction / 1000 : fraction);
            sink.frame(micros, linkType, data, (int) captured, (int) Math.min(Integer.MAX_VALUE, Math.max(original, captured)));
        }
        return linkType;
    }
}
