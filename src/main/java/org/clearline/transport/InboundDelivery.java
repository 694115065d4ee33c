package org.clearline.transport;

import org.clearline.syntax.MessageParser;
import org.clearline.syntax.ParseError;
import org.clearline.syntax.ParseResult;
import org.clearline.syntax.SipMessage;
import org.clearline.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The common end of both receive paths (datagram and stream frame): parse,
 * stamp the top Via of requests (§18.2.1, RFC 3581), hand up. Runs on an I/O
 * thread; nothing thrown by the parser or the handler leaves it (a faulty
 * message or handler must not stop the socket for every other peer).
 */
final class InboundDelivery {
    private static final Logger log = LoggerFactory.getLogger(InboundDelivery.class);

    private final MessageParser parser;
    private final MessageHandler handler;
    private final Clock clock;
    private final TransportStats stats;
    private final MessageTap tap;

    InboundDelivery(MessageParser parser, MessageHandler handler, Clock clock, TransportStats stats) {
        this(parser, handler, clock, stats, MessageTap.NONE);
    }

    InboundDelivery(MessageParser parser, MessageHandler handler, Clock clock, TransportStats stats, MessageTap tap) {
        this.tap = tap;
        this.parser = parser;
        this.handler = handler;
        this.clock = clock;
        this.stats = stats;
    }

    /** Parses one whole message (a frame cut from a stream buffer) and hands it up. */
    void deliver(byte[] data, int offset, int length, Peer source, ListeningPoint local) {
        deliver(data, offset, length, false, source, local);
    }

    /**
     * Parses one whole message and hands it up; {@code owned}: {@code data} holds this
     * message alone and nobody changes it afterwards (a datagram), so a tap may keep it.
     */
    void deliver(byte[] data, int offset, int length, boolean owned, Peer source, ListeningPoint local) {
        SipTrace.received(source, data, offset, length);
        ParseResult result;
        try {
            result = parser.parse(data, offset, length);
        } catch (RuntimeException | StackOverflowError e) {
            // The parser promises values, not exceptions; if it breaks that
            // promise the message is dropped, not the socket.
            stats.malformedIn.increment();
            if (log.isDebugEnabled()) log.debug("parser threw on {} bytes from {}", length, source, e);
            return;
        }
        switch (result) {
            case ParseResult.Success s -> accepted(s.message(), data, offset, length, owned, source, local);
            case ParseResult.Failure f -> malformed(f, source, local, length);
        }
    }

    /** {@code data} from {@code offset}, {@code wireBytes} long: the bytes it arrived as, valid only during delivery. */
    private void accepted(SipMessage message, byte[] data, int offset, int wireBytes, boolean owned, Peer source,
                          ListeningPoint local) {
        if (message.isRequest()) {
            try {
                ReceivedStamp.apply(message, source.address());
            } catch (RuntimeException e) {
                // A top Via the parser let through but we cannot rewrite: without
                // received/rport the response could not find the sender anyway.
                stats.malformedIn.increment();
                if (log.isDebugEnabled()) log.debug("cannot stamp top Via of request from {}", source, e);
                return;
            }
        }
        stats.messagesIn.increment();
        Inbound inbound = new Inbound(message, source, local, clock.nanoTime(), wireBytes);
        if (tap != MessageTap.NONE) tapSafely(message, data, offset, wireBytes, owned, source);
        try {
            handler.onMessage(inbound);
        } catch (RuntimeException | StackOverflowError e) {
            handlerFailed(source, e);
        }
    }

    private void tapSafely(SipMessage message, byte[] data, int offset, int length, boolean owned, Peer source) {
        try {
            tap.inbound(message, data, offset, length, owned, source, clock.epochMillis());
        } catch (RuntimeException e) {
            stats.handlerFailures.increment();
        }
    }

    /** Reports bytes that did not parse or frame; the handler decides whether to answer. */
    void malformed(ParseResult.Failure failure, Peer source, ListeningPoint local, int wireBytes) {
        stats.malformedIn.increment();
        if (log.isDebugEnabled()) {
            log.debug("malformed message ({} bytes) from {}: {} {}", wireBytes, source, failure.error(),
                    failure.reasonPhrase());
        }
        try {
            handler.onMalformed(new Malformed(failure, source, local, wireBytes));
        } catch (RuntimeException | StackOverflowError e) {
            handlerFailed(source, e);
        }
    }

    /** A failure the transport itself detected (size limit, framing), named like a parser failure. */
    static ParseResult.Failure failure(ParseError error, String detail) {
        return new ParseResult.Failure(error, null, detail, null);
    }

    private void handlerFailed(Peer source, Throwable e) {
        stats.handlerFailures.increment();
        if (log.isDebugEnabled()) log.debug("message handler failed on a message from {}", source, e);
    }
}
