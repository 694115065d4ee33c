package org.clearline.analyzer.textlog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.clearline.analyzer.input.CapturedMessage;
import org.clearline.analyzer.input.Endpoint;
import org.clearline.analyzer.input.InputCounters;
import org.clearline.analyzer.input.MessageSink;
import org.clearline.analyzer.input.Problems;
import org.clearline.syntax.HeaderNames;
import org.clearline.syntax.MessageParser;
import org.clearline.syntax.ParseError;
import org.clearline.syntax.ParseResult;
import org.clearline.syntax.SipMessage;
import org.clearline.syntax.SyntaxLimits;
import org.clearline.syntax.Via;

/**
 * Finds SIP messages in a text log. A message starts at a line that is a SIP
 * request or status line (§7.1, §7.2), runs through its header lines to the
 * blank line, and then through as many body lines as its Content-Length asks
 * for (§7.4, §20.14). A format's separator line ends a message early, as does
 * any line that cannot be a header. Log writers lose trailing white space and
 * turn CRLF into LF, so the message is rebuilt with CRLF and a Content-Length
 * that no longer matches the body is corrected rather than refused.
 *
 * <p>Where the log does not say who sent a message, the top Via names the
 * sender of a request and the receiver of a response (§18.2.2).
 */
public final class TextLogReader {
    private static final Pattern REQUEST_LINE = Pattern.compile("^[A-Z][A-Za-z0-9._!%*+`'~-]* \\S+ SIP/2\\.0$");
    private static final Pattern STATUS_LINE = Pattern.compile("^SIP/2\\.0 [1-6]\\d\\d(?: .*)?$");
    private static final Pattern HEADER_LINE = Pattern.compile("^[A-Za-z0-9._!%*+`'~-]+\\s*:.*$");
    /** A message cannot have more lines than the parser allows headers, plus a body. */
    private static final int MAX_LINES = 4096;

    private final String source;
    private final MessageParser parser;
    private final MessageSink sink;
    private final Problems problems;
    private final InputCounters counters;

    public TextLogReader(String source, SyntaxLimits limits, MessageSink sink, Problems problems, InputCounters counters) {
        this.source = source;
        this.parser = new MessageParser(limits);
        this.sink = sink;
        this.problems = problems;
        this.counters = counters;
    }

    /** True when {@code line} starts a SIP message. */
    static boolean isStartLine(String line) {
        if (line.startsWith("SIP/2.0 ")) return STATUS_LINE.matcher(line).matches();
        String t = line.stripTrailing();
        return t.endsWith(" SIP/2.0") && REQUEST_LINE.matcher(t).matches();
    }

    private enum State { IDLE, HEADERS, BODY }

    public void read(InputStream in) throws IOException {
        LineReader lines = new LineReader(in);
        LogContext context = new LogContext();
        State state = State.IDLE;
        List<String> headers = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        int contentLength = 0;
        String line;
        while ((line = lines.next()) != null) {
            switch (state) {
                case IDLE -> {
                    if (isStartLine(line)) {
                        headers.clear();
                        headers.add(line.stripTrailing());
                        state = State.HEADERS;
                    } else {
                        context.consider(line);
                    }
                }
                case HEADERS -> {
                    if (line.isBlank()) {
                        contentLength = contentLength(headers);
                        body.setLength(0);
                        if (contentLength <= 0) {
                            emit(context, headers, body);
                            state = State.IDLE;
                        } else {
                            state = State.BODY;
                        }
                    } else if (isStartLine(line)) {
                        emit(context, headers, body.delete(0, body.length()));
                        headers.clear();
                        headers.add(line.stripTrailing());
                    } else if ((HEADER_LINE.matcher(line).matches() || line.startsWith(" ") || line.startsWith("\t"))
                            && headers.size() < MAX_LINES && !LogContext.endsMessage(line)) {
                        headers.add(line);
                    } else {
                        // the log went on without a blank line: the message ended
                        body.setLength(0);
                        emit(context, headers, body);
                        state = State.IDLE;
                        context.consider(line);
                    }
                }
                case BODY -> {
                    if (LogContext.endsMessage(line) || isStartLine(line)) {
                        emit(context, headers, body);
                        state = State.IDLE;
                        if (isStartLine(line)) {
                            headers.clear();
                            headers.add(line.stripTrailing());
                            state = State.HEADERS;
                        } else {
                            context.consider(line);
                        }
                    } else {
                        body.append(line).append("\r\n");
                        if (body.length() >= contentLength) {
                            emit(context, headers, body);
                            state = State.IDLE;
                        }
                    }
                }
            }
        }
        if (state != State.IDLE) {
            if (state == State.HEADERS) body.setLength(0);
            emit(context, headers, body);
        }
        if (lines.binaryLines() > 0) {
            problems.add(source, lines.binaryLines() + " lines hold binary data (NUL bytes); they were skipped");
        }
    }

    private static int contentLength(List<String> headers) {
        for (int i = 1; i < headers.size(); i++) {
            String h = headers.get(i);
            int colon = h.indexOf(':');
            if (colon < 0) continue;
            String name = h.substring(0, colon).strip();
            if (name.equalsIgnoreCase(HeaderNames.CONTENT_LENGTH) || name.equalsIgnoreCase("l")) {
                try {
                    return Integer.parseInt(h.substring(colon + 1).strip());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

    private void emit(LogContext context, List<String> headers, CharSequence body) {
        String text = String.join("\r\n", headers) + "\r\n\r\n" + body;
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        ParseResult r = parser.parse(bytes);
        if (r instanceof ParseResult.Failure f && f.error() == ParseError.BAD_CONTENT_LENGTH) {
            // the log lost bytes of the body (trailing spaces, CRs): trust the lines, not the count
            text = withContentLength(headers, body.length()) + body;
            bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            r = parser.parse(bytes);
        }
        switch (r) {
            case ParseResult.Success s -> deliver(context, s.message(), null, bytes.length, text);
            case ParseResult.Failure f -> {
                counters.unreadableMessage();
                if (f.partial() != null && f.partial().callId() != null) {
                    deliver(context, f.partial(), f.reasonPhrase(), bytes.length, text);
                } else {
                    problems.add(source, "a SIP message that cannot be read was skipped (" + f.reasonPhrase() + ")");
                }
            }
        }
        context.reset();
    }

    private void deliver(LogContext context, SipMessage message, String defect, int length, String text) {
        counters.sipMessage();
        Endpoint src = context.source;
        Endpoint dst = context.destination;
        if (src == null || dst == null) {
            Via via = message.topVia();
            Endpoint sender = via == null ? Endpoint.REMOTE : Endpoint.parse(via.sentBy());
            if (message.isRequest()) {
                src = src == null ? sender : src;
                dst = dst == null ? Endpoint.REMOTE : dst;
            } else {
                src = src == null ? Endpoint.REMOTE : src;
                dst = dst == null ? sender : dst;
            }
        }
        String transport = context.transport;
        if (transport == null) {
            Via via = message.topVia();
            transport = via == null ? "UDP" : via.transport();
        }
        sink.message(new CapturedMessage(context.micros, src, dst, transport, message, defect, length, text));
    }

    private static String withContentLength(List<String> headers, int length) {
        StringBuilder sb = new StringBuilder();
        for (String h : headers) {
            int colon = h.indexOf(':');
            String name = colon < 0 ? "" : h.substring(0, colon).strip();
            if (name.equalsIgnoreCase(HeaderNames.CONTENT_LENGTH) || name.equalsIgnoreCase("l")) {
                sb.append(name).append(": ").append(length);
            } else {
                sb.append(h);
            }
            sb.append("\r\n");
        }
        return sb.append("\r\n").toString();
    }
}
