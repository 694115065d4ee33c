package org.clearline.analyzer.input;

/**
 * Counts of what the readers saw, kept while reading (one analysis, one
 * thread) and reported as {@link InputTotals}.
 */
public final class InputCounters {
    private long bytes;
    private long packets;
    private long sipMessages;
    private long otherPackets;
    private long unreadableMessages;
    private long reassembledDatagrams;
    private long tcpStreams;
    private long cutShort;

    public void bytes(long n) { bytes += n; }
    public void packet() { packets++; }
    public void sipMessage() { sipMessages++; }
    /** A packet that is not SIP (RTP, DNS, ARP...): skipped, not a problem. */
    public void otherPacket() { otherPackets++; }
    /** A SIP message the parser refused (what could be salvaged is still used). */
    public void unreadableMessage() { unreadableMessages++; }
    /** An IP datagram put together from fragments. */
    public void reassembledDatagram() { reassembledDatagrams++; }
    /** A TCP connection (one direction) that carried SIP. */
    public void tcpStream() { tcpStreams++; }
    /** Packets the capture cut short (snap length), so their payloads are incomplete. */
    public void cutShortAdd(long n) { cutShort += n; }

    public InputTotals totals() {
        return new InputTotals(bytes, packets, sipMessages, otherPackets, unreadableMessages, reassembledDatagrams,
                tcpStreams, cutShort);
    }
}
