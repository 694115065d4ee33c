package org.clearline.transport;

import org.clearline.syntax.SipMessage;

/**
 * Sees every well-formed message the transport receives and every message it
 * sends (the call log's ladder hooks in here). Called on the I/O or shard thread
 * that handles the message, so an implementation must only keep references and
 * never format, block or throw: {@code encoded} is the exact byte[] put on the
 * wire and is never changed afterwards.
 */
public interface MessageTap {
    MessageTap NONE = new MessageTap() {
        @Override
        public void inbound(SipMessage message, Peer from, long epochMillis) {}

        @Override
        public void outbound(SipMessage message, byte[] encoded, Peer to, long epochMillis) {}
    };

    /** A parsed message, after the transport stamped received/rport (§18.2.1). */
    void inbound(SipMessage message, Peer from, long epochMillis);

    /**
     * The same, with the bytes the message arrived as ({@code length} bytes of
     * {@code wire} from {@code offset}, before received/rport were added). When
     * {@code owned}, the array holds this message alone and is never changed
     * afterwards (a datagram), so it may be kept as it is; otherwise it may be a
     * reused stream buffer, valid only during this call, and whatever is kept
     * must be copied. Transports that have the bytes call this one; by default
     * it forgets them.
     */
    default void inbound(SipMessage message, byte[] wire, int offset, int length, boolean owned, Peer from,
                         long epochMillis) {
        inbound(message, from, epochMillis);
    }

    /** A message just encoded for sending to {@code to}. */
    void outbound(SipMessage message, byte[] encoded, Peer to, long epochMillis);

    /**
     * The bytes of a message sent before, sent again to {@code to} ({@link TransportLayer#resend}):
     * a transaction repeating its last response or its ACK (§17) keeps only the bytes, not the
     * parsed message.
     */
    default void outboundAgain(String callId, byte[] encoded, Peer to, long epochMillis) {}
}
