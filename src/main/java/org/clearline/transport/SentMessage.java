package org.clearline.transport;

import java.net.InetSocketAddress;
import org.clearline.syntax.WireScan;

/**
 * A message as it went on the wire: its bytes and the way they took. A transaction
 * keeps this instead of the parsed message when all it may still have to do is send
 * the very same message again: a server answering a retransmitted request with its
 * last response (§17.2.1, §17.2.2), a client acknowledging a retransmitted non-2xx
 * final (§17.1.1.2). A few hundred bytes instead of a parsed header list.
 *
 * @param bytes       exactly what was sent; never changed afterwards
 * @param protocol    the transport it went over
 * @param connection  a response over a reliable transport: where the request came from,
 *                    whose connection is used again while it is open (§18.2.2); else null
 * @param destination where it went (for a response on a connection: where a new connection
 *                    would go); null when no address could be found without DNS
 */
public record SentMessage(byte[] bytes, TransportProtocol protocol, InetSocketAddress connection,
                          InetSocketAddress destination) {

    /**
     * The message's Call-ID, so the {@link MessageTap} can file a repeat: read from the
     * bytes when asked (only when the message goes out again), so that the thousands of
     * transactions waiting out their last timer do not each hold it as a string too.
     */
    public String callId() {
        return WireScan.callId(bytes);
    }

    /**
     * The heap {@code m} takes (0 for none): its bytes, their array's header and this
     * record (48 bytes together on a 64-bit JVM with compressed pointers).
     */
    public static int heapBytes(SentMessage m) {
        return m == null ? 0 : m.bytes.length + 48;
    }

    /** Where a repeat of this message goes when no connection is reused: for the tap and for tests. */
    public Peer peer() {
        return new Peer(protocol, connection != null ? connection : destination);
    }
}
