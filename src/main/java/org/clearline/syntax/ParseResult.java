package org.clearline.syntax;

/**
 * Outcome of parsing one message: the message, or a failure that says exactly
 * what is wrong (the Netty {@code DecoderResult} habit: bad input is a value,
 * not an exception thrown through the pipeline).
 */
public sealed interface ParseResult permits ParseResult.Success, ParseResult.Failure {

    record Success(SipMessage message) implements ParseResult {}

    /**
     * @param error   what kind of failure, which decides the response (400, 505, 513...)
     * @param header  canonical name of the offending header, or null when the
     *                start line or framing is at fault
     * @param detail  one line, safe to put into a reason phrase or Warning
     * @param partial what could be salvaged (Via, From, To, Call-ID, CSeq) so a
     *                request can still be answered, or a response (with its status
     *                code) still matched to its client transaction (§17.1.3, §16.7);
     *                null when nothing could, e.g. a start line that is not SIP at all
     */
    record Failure(ParseError error, String header, String detail, SipMessage partial) implements ParseResult {
        /** Reason phrase for the error response, e.g. "Bad Via header: missing branch". */
        public String reasonPhrase() {
            return header == null ? detail : "Bad " + header + " header: " + detail;
        }
    }
}
