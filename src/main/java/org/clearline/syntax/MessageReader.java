package org.clearline.syntax;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One pass over one message's bytes (§7): start line, header lines (unfolded,
 * names canonical, values ISO-8859-1 as received), then the body by
 * Content-Length. One instance per parse; {@link MessageParser} is the entry.
 *
 * <p>Lines end with CRLF; a bare LF is accepted (we never emit one), a bare CR
 * is not, since a peer or a downstream parser may read it as a line end.
 */
final class MessageReader {
    private final SyntaxLimits limits;
    private final byte[] d;
    private final int end;
    private int p;

    private final ArrayList<Header> headers = new ArrayList<>(16);
    private long contentLength = -1;
    private String contentLengthProblem;
    /** The first structural problem in the header section (error kind, header, detail). */
    private ParseError problem;
    private String problemHeader;
    private String problemDetail;

    MessageReader(SyntaxLimits limits, byte[] data, int offset, int length) {
        this.limits = limits;
        this.d = data;
        this.p = offset;
        this.end = offset + length;
    }

    ParseResult read(boolean datagram) {
        // §7.5: CRLFs before the start line are ignored (keep-alives, stray line ends)
        while (p < end && (d[p] == '\r' || d[p] == '\n')) p++;
        if (p >= end) return new ParseResult.Failure(ParseError.GARBAGE, null, "empty message", null);
        int messageStart = p;
        int headerLimit = (int) Math.min(end, (long) messageStart + limits.maxHeaderBytes());

        int lf = lineEnd(p, headerLimit);
        if (lf < 0) {
            return headerLimit < end
                    ? new ParseResult.Failure(ParseError.TOO_LARGE, null, "start line too long", null)
                    : new ParseResult.Failure(ParseError.GARBAGE, null, "no complete start line", null);
        }
        if (lf == -2 || lf == p) return new ParseResult.Failure(ParseError.GARBAGE, null, "bad start line", null);
        StartLine start = StartLine.parse(d, p, trimCr(p, lf));
        if (start.error() == ParseError.GARBAGE) {
            return new ParseResult.Failure(ParseError.GARBAGE, null, start.detail(), null);
        }
        p = lf + 1;

        boolean complete = readHeaders(headerLimit);
        String method = start.request() ? start.method() : null;
        if (start.failed()) return failure(start.error(), null, start.detail(), start, method);
        if (problem != null) return failure(problem, problemHeader, problemDetail, start, method);
        if (!complete) {
            return failure(ParseError.BAD_HEADER, null, "message ends inside the header section", start, method);
        }
        if (contentLengthProblem != null) {
            return failure(ParseError.BAD_CONTENT_LENGTH, HeaderNames.CONTENT_LENGTH, contentLengthProblem, start, method);
        }
        RoutingHeaders routing = new RoutingHeaders().check(headers, method);
        if (!routing.ok()) {
            return new ParseResult.Failure(ParseError.BAD_HEADER, routing.badHeader, routing.detail,
                    partial(start, routing));
        }

        int bodyStart = p;
        int available = end - bodyStart;
        int bodyLength;
        if (contentLength >= 0) {
            if (contentLength > available) {
                return new ParseResult.Failure(ParseError.BAD_CONTENT_LENGTH, HeaderNames.CONTENT_LENGTH,
                        "larger than the " + available + " body bytes received", partial(start, routing));
            }
            // §18.3: octets after Content-Length are not part of this message
            bodyLength = (int) contentLength;
        } else if (datagram) {
            // no Content-Length on a datagram: the body runs to its end (§18.3, RFC 4475 inv2543)
            bodyLength = available;
        } else {
            return new ParseResult.Failure(ParseError.BAD_CONTENT_LENGTH, HeaderNames.CONTENT_LENGTH,
                    "missing (required on stream transports, §18.3)", partial(start, routing));
        }
        if ((long) bodyStart - messageStart + bodyLength > limits.maxMessageBytes()) {
            return new ParseResult.Failure(ParseError.TOO_LARGE, null, "message larger than "
                    + limits.maxMessageBytes() + " bytes", partial(start, routing));
        }
        byte[] body = bodyLength == 0 ? null : Arrays.copyOfRange(d, bodyStart, bodyStart + bodyLength);
        SipMessage message = start.request()
                ? new SipRequest(start.method(), start.uri(), headers, body)
                : new SipResponse(start.status(), start.reason(), headers, body);
        message.cacheRouting(routing.vias, routing.from, routing.to, routing.cseq);
        return new ParseResult.Success(message);
    }

    private ParseResult.Failure failure(ParseError error, String header, String detail, StartLine start, String method) {
        SipMessage partial = salvageable(start) ? partial(start, new RoutingHeaders().check(headers, method)) : null;
        return new ParseResult.Failure(error, header, detail, partial);
    }

    /**
     * A request with its method, or a response whose status code was read: a
     * response with an unreadable code (SIP/3.0, garbage) cannot be matched
     * safely, so nothing of it is kept.
     */
    private static boolean salvageable(StartLine start) {
        return start.request() ? start.method() != null : start.status() >= 100;
    }

    /**
     * The request (for a stateless 400/505, §8.2.6) or response (for matching its
     * client transaction, §17.1.3, and answering 502 upstream, §16.7) holding the
     * Via, From, To, Call-ID and CSeq lines that parsed; null when not salvageable.
     */
    private static SipMessage partial(StartLine start, RoutingHeaders routing) {
        if (!salvageable(start)) return null;
        return start.request()
                ? new SipRequest(start.method(), start.uri(), routing.salvage, null)
                : new SipResponse(start.status(), start.reason(), routing.salvage, null);
    }

    /**
     * Reads header lines up to and including the empty line; false when the
     * bytes ran out first. Limits and malformed lines are recorded in {@link #problem}.
     */
    private boolean readHeaders(int headerLimit) {
        while (true) {
            if (p >= end) return false;
            byte b = d[p];
            if (b == '\n') {
                p++;
                return true;
            }
            if (b == '\r' && p + 1 < end && d[p + 1] == '\n') {
                p += 2;
                return true;
            }
            if (headers.size() >= limits.maxHeaders()) return tooLarge(null, "more than " + limits.maxHeaders() + " header lines");
            int lineStart = p;
            // the logical line: up to an LF not followed by SP or HT (continuation, §7.3.1)
            int lf = lineEnd(p, headerLimit);
            boolean folded = false;
            while (lf >= 0 && lf + 1 < end && (d[lf + 1] == ' ' || d[lf + 1] == '\t')) {
                folded = true;
                lf = lineEnd(lf + 1, headerLimit);
            }
            if (lf == -1) {
                if (headerLimit < end) return tooLarge(null, "header section larger than " + limits.maxHeaderBytes() + " bytes");
                p = end;
                return false;
            }
            if (lf == -2) {
                noteProblem(ParseError.BAD_HEADER, null, "bare CR in a header line");
                p = skipPastLf(lineStart);
                continue;
            }
            p = lf + 1;
            if (lf - lineStart > limits.maxLineBytes()) {
                return tooLarge(null, "header line longer than " + limits.maxLineBytes() + " bytes");
            }
            header(lineStart, trimCr(lineStart, lf), folded);
        }
    }

    private void header(int from, int to, boolean folded) {
        int nameEnd = from;
        while (nameEnd < to && Chars.is(d[nameEnd], Chars.TOKEN)) nameEnd++;
        int colon = nameEnd;
        while (colon < to && (d[colon] == ' ' || d[colon] == '\t')) colon++;
        if (nameEnd == from || colon >= to || d[colon] != ':') {
            noteProblem(ParseError.BAD_HEADER, null, "malformed header line");
            return;
        }
        String name = HeaderNames.canonical(d, from, nameEnd - from);
        String value = folded ? unfold(colon + 1, to) : trimmed(colon + 1, to);
        headers.add(new Header(name, value));
        if (name == HeaderNames.CONTENT_LENGTH) contentLength(value);
    }

    /** Content-Length = 1*DIGIT; repeated lines must agree (RFC 4475 mcl01). */
    private void contentLength(String value) {
        if (contentLengthProblem != null) return;
        long v = Chars.digits(value, 0, value.length(), Integer.MAX_VALUE);
        if (v < 0) {
            contentLengthProblem = RoutingHeaders.allDigits(value) ? "too large" : "not a number";
        } else if (contentLength >= 0 && contentLength != v) {
            contentLengthProblem = "conflicting values " + contentLength + " and " + v;
        } else {
            contentLength = v;
        }
    }

    private String trimmed(int from, int to) {
        while (from < to && (d[from] == ' ' || d[from] == '\t')) from++;
        while (to > from && (d[to - 1] == ' ' || d[to - 1] == '\t')) to--;
        return new String(d, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** §7.3.1: a line end followed by white space is one SP; leading and trailing LWS go. */
    private String unfold(int from, int to) {
        byte[] out = new byte[to - from];
        int n = 0;
        boolean pendingSpace = false;
        for (int i = from; i < to; i++) {
            byte b = d[i];
            if (b == '\r' || b == '\n') {
                while (n > 0 && (out[n - 1] == ' ' || out[n - 1] == '\t')) n--;
                while (i + 1 < to && (d[i + 1] == '\r' || d[i + 1] == '\n' || d[i + 1] == ' ' || d[i + 1] == '\t')) i++;
                pendingSpace = n > 0;
                continue;
            }
            if (n == 0 && (b == ' ' || b == '\t')) continue;
            if (pendingSpace) {
                out[n++] = ' ';
                pendingSpace = false;
            }
            out[n++] = b;
        }
        while (n > 0 && (out[n - 1] == ' ' || out[n - 1] == '\t')) n--;
        return new String(out, 0, n, StandardCharsets.ISO_8859_1);
    }

    /**
     * Index of the LF ending the line at {@code from}, searching below {@code limit};
     * -1 when none, -2 when a CR not followed by LF comes first.
     */
    private int lineEnd(int from, int limit) {
        for (int i = from; i < limit; i++) {
            byte b = d[i];
            if (b == '\n') return i;
            if (b == '\r' && i + 1 < end && d[i + 1] != '\n') return -2;
        }
        return -1;
    }

    private int skipPastLf(int from) {
        int i = from;
        while (i < end && d[i] != '\n') i++;
        return Math.min(end, i + 1);
    }

    private int trimCr(int from, int lf) {
        return lf > from && d[lf - 1] == '\r' ? lf - 1 : lf;
    }

    private boolean tooLarge(String header, String detail) {
        problem = ParseError.TOO_LARGE;
        problemHeader = header;
        problemDetail = detail;
        p = end;
        return true;
    }

    private void noteProblem(ParseError error, String header, String detail) {
        if (problem == null) {
            problem = error;
            problemHeader = header;
            problemDetail = detail;
        }
    }

    /** Header lines read so far (for the stream framer's salvage). */
    List<Header> headers() {
        return headers;
    }
}
