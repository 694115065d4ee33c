package org.clearline.transport;

import org.clearline.syntax.ParseResult;

/**
 * Bytes that did not parse into a message. {@code failure.partial()} may hold
 * enough of a request (Via, Call-ID, CSeq, From, To) to answer it statelessly.
 */
public record Malformed(ParseResult.Failure failure, Peer source, ListeningPoint local, int wireBytes) {}
