package org.clearline.analyzer.capture;

/** Receives each packet a capture file holds, in file order. */
@FunctionalInterface
public interface FrameSink {
    /**
     * One packet. {@code data} is only valid during the call (readers reuse it).
     *
     * @param micros         capture time, microseconds since 1970 (UTC)
     * @param linkType       the LINKTYPE_ value of the interface it was captured on
     * @param data           the captured bytes, starting at index 0
     * @param length         how many bytes were captured
     * @param originalLength how long the packet was on the wire (larger when the snap length cut it)
     */
    void frame(long micros, int linkType, byte[] data, int length, int originalLength);
}
