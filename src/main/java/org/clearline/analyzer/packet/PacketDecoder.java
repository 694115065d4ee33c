package org.clearline.analyzer.packet;

import org.clearline.analyzer.capture.Bytes;
import org.clearline.analyzer.capture.FrameSink;
import org.clearline.analyzer.capture.LinkTypes;
import org.clearline.analyzer.input.Endpoint;
import org.clearline.analyzer.input.InputCounters;
import org.clearline.analyzer.input.MessageSink;
import org.clearline.analyzer.input.Problems;
import org.clearline.syntax.MessageParser;
import org.clearline.syntax.StreamFramer;
import org.clearline.syntax.SyntaxLimits;

/**
 * Turns the frames of one capture file into SIP messages: link layer, IP
 * (reassembling fragments), then UDP datagrams or TCP streams. Packets that are
 * not SIP are counted and skipped; call {@link #finish} after the last frame.
 */
public final class PacketDecoder implements FrameSink {
    private static final int UDP_HEADER = 8;
    private static final int TCP_MIN_HEADER = 20;

    private final String source;
    private final Problems problems;
    private final InputCounters counters;
    private final SipPayloads payloads;
    private final IpDefragmenter fragments = new IpDefragmenter();
    private final TcpReassembler tcp;
    private final IpPacket ip = new IpPacket();
    private long cutShortSip;

    public PacketDecoder(String source, SyntaxLimits limits, MessageSink sink, Problems problems, InputCounters counters) {
        this.source = source;
        this.problems = problems;
        this.counters = counters;
        this.payloads = new SipPayloads(source, new MessageParser(limits), sink, problems, counters);
        this.tcp = new TcpReassembler(source, new StreamFramer(limits), payloads, problems);
    }

    @Override
    public void frame(long micros, int linkType, byte[] data, int length, int originalLength) {
        counters.packet();
        int start = LinkLayer.ipStart(linkType, data, length);
        if (start < 0) {
            if (!LinkTypes.isKnown(linkType)) problems.add(source, "packets of unknown " + LinkTypes.name(linkType) + " skipped");
            counters.otherPacket();
            return;
        }
        if (!ip.read(data, start, length)) {
            counters.otherPacket();
            return;
        }
        boolean cut = ip.cutShort || length < originalLength;
        if (ip.fragment) {
            byte[] whole = fragments.offer(new IpDefragmenter.Key(ip.hosts(), ip.fragmentId, ip.protocol), micros,
                    ip.fragmentOffset, ip.moreFragments, data, ip.payloadOffset, ip.payloadEnd - ip.payloadOffset);
            if (whole == null) return;
            counters.reassembledDatagram();
            transport(micros, whole, 0, whole.length, cut);
        } else {
            transport(micros, data, ip.payloadOffset, ip.payloadEnd, cut);
        }
    }

    private void transport(long micros, byte[] d, int off, int end, boolean cut) {
        if (ip.protocol == IpPacket.PROTOCOL_UDP && off + UDP_HEADER <= end) {
            udp(micros, d, off, end, cut);
        } else if (ip.protocol == IpPacket.PROTOCOL_TCP && off + TCP_MIN_HEADER <= end) {
            tcp(micros, d, off, end);
        } else {
            counters.otherPacket();
        }
    }

    private void udp(long micros, byte[] d, int off, int end, boolean cut) {
        int stated = Bytes.u16(d, off + 4);
        int payload = off + UDP_HEADER;
        int payloadEnd = stated >= UDP_HEADER ? Math.min(off + stated, end) : end;
        int len = payloadEnd - payload;
        if (!SipPayloads.looksLikeSip(d, payload, len)) {
            counters.otherPacket();
            return;
        }
        if (cut) cutShortSip++;
        Endpoint src = new Endpoint(ip.sourceText(), Bytes.u16(d, off));
        Endpoint dst = new Endpoint(ip.destinationText(), Bytes.u16(d, off + 2));
        payloads.emit(micros, src, dst, "UDP", d, payload, len);
    }

    private void tcp(long micros, byte[] d, int off, int end) {
        int headerLength = ((d[off + 12] >> 4) & 0xf) * 4;
        if (headerLength < TCP_MIN_HEADER || off + headerLength > end) {
            counters.otherPacket();
            return;
        }
        int srcPort = Bytes.u16(d, off);
        int dstPort = Bytes.u16(d, off + 2);
        long seq = Bytes.u32(d, off + 4);
        int flags = d[off + 13] & 0xff;
        TcpReassembler.Key key = new TcpReassembler.Key(ip.hosts(), srcPort, dstPort);
        boolean sip = tcp.segment(micros, key,
                () -> new Endpoint[] {new Endpoint(ip.sourceText(), srcPort), new Endpoint(ip.destinationText(), dstPort)},
                flags, seq, d, off + headerLength, end - off - headerLength, counters::tcpStream);
        if (!sip) counters.otherPacket();
    }

    /** Ends the capture: notes fragments and streams that never completed. */
    public void finish() {
        tcp.finish();
        fragments.finish();
        if (fragments.abandoned() > 0) {
            problems.add(source, fragments.abandoned() + " fragmented IP datagrams were incomplete (fragments missing"
                    + " from the capture) and were skipped");
        }
        if (tcp.gaps() > 0) {
            problems.add(source, tcp.gaps() + " gaps in TCP streams (segments missing from the capture); messages"
                    + " around them were skipped");
        }
        if (cutShortSip > 0) {
            counters.cutShortAdd(cutShortSip);
            problems.add(source, cutShortSip + " SIP packets were cut short by the capture's snap length, so their"
                    + " messages are incomplete; capture with a larger snap length (tcpdump -s 0)");
        }
    }
}
