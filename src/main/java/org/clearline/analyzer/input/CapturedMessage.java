package org.clearline.analyzer.input;

import org.clearline.syntax.SipMessage;

/**
 * One SIP message as a trace shows it.
 *
 * @param micros      when it was seen, microseconds since 1970 (UTC), or -1 when the trace does not say
 * @param source      who sent it
 * @param destination who it was sent to
 * @param transport   "UDP", "TCP", "TLS", ... as the trace names it
 * @param message     the parsed message; for a message the parser refused, what could be salvaged
 * @param defect      why the parser refused it, or null when it was read whole
 * @param length      its size in bytes on the wire (or in the log)
 * @param text        the message as text (ISO-8859-1), for ladders and reports
 */
public record CapturedMessage(long micros, Endpoint source, Endpoint destination, String transport,
                              SipMessage message, String defect, int length, String text) {
    /** A time the trace does not give. */
    public static final long NO_TIME = -1;
}
