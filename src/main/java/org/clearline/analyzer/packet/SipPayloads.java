package org.clearline.analyzer.packet;

import java.nio.charset.StandardCharsets;
import org.clearline.analyzer.input.CapturedMessage;
import org.clearline.analyzer.input.Endpoint;
import org.clearline.analyzer.input.InputCounters;
import org.clearline.analyzer.input.MessageSink;
import org.clearline.analyzer.input.Problems;
import org.clearline.syntax.MessageParser;
import org.clearline.syntax.ParseResult;

/**
 * Decides quickly whether a payload is SIP (most packets of a capture are RTP,
 * which is rejected at its first byte) and turns SIP payloads into
 * {@link CapturedMessage}s. A message the parser refuses still counts when
 * something could be salvaged (its Call-ID puts it into its call, with the
 * parser's complaint as its defect).
 */
public final class SipPayloads {
    /** How far into a payload the start line must end. */
    static final int MAX_START_LINE = 2048;
    private static final byte[] VERSION = "SIP/2.0".getBytes(StandardCharsets.US_ASCII);

    private final String source;
    private final MessageParser parser;
    private final MessageSink sink;
    private final Problems problems;
    private final InputCounters counters;

    public SipPayloads(String source, MessageParser parser, MessageSink sink, Problems problems, InputCounters counters) {
        this.source = source;
        this.parser = parser;
        this.sink = sink;
        this.problems = problems;
        this.counters = counters;
    }

    /**
     * True when the bytes at {@code off} start with a SIP start line: a status
     * line ("SIP/2.0 " and a digit) or a request line (an upper-case method,
     * a space, and " SIP/2.0" at the end of the line) (§7.1, §7.2).
     */
    public static boolean looksLikeSip(byte[] b, int off, int len) {
        if (len < 12) return false;
        byte first = b[off];
        if (first == 'S' && startsWith(b, off, len, VERSION) && b[off + 7] == ' ') {
            return b[off + 8] >= '1' && b[off + 8] <= '6';
        }
        if (first < 'A' || first > 'Z') return false;
        int end = Math.min(off + len, off + MAX_START_LINE);
        int space = -1;
        for (int i = off; i < end; i++) {
            byte c = b[i];
            if (c == ' ' && space < 0) space = i;
            if (c == '\r' || c == '\n') {
                return space > off && i - 8 > space && b[i - 8] == ' ' && startsWith(b, i - 7, 7, VERSION);
            }
            if (space < 0 && (c < 'A' || c > 'Z') && c != '-' && c != '_' && c != '.' && c != '!' && c != '%'
                    && c != '*' && c != '+' && c != '`' && c != '\'' && c != '~' && (c < '0' || c > '9')) {
                return false;
            }
        }
        return false;
    }

    /** True for payloads of only CR and LF: keep-alives (RFC 5626 §4.4.1), not messages. */
    public static boolean isKeepAlive(byte[] b, int off, int len) {
        return MessageParser.isKeepAlive(b, off, len);
    }

    /** Parses one whole message and hands it on. */
    void emit(long micros, Endpoint src, Endpoint dst, String transport, byte[] b, int off, int len) {
        ParseResult r = parser.parse(b, off, len);
        String text = new String(b, off, len, StandardCharsets.ISO_8859_1);
        switch (r) {
            case ParseResult.Success s -> {
                counters.sipMessage();
                sink.message(new CapturedMessage(micros, src, dst, transport, s.message(), null, len, text));
            }
            case ParseResult.Failure f -> {
                counters.unreadableMessage();
                if (f.partial() != null && f.partial().callId() != null) {
                    counters.sipMessage();
                    sink.message(new CapturedMessage(micros, src, dst, transport, f.partial(), f.reasonPhrase(), len, text));
                } else {
                    problems.add(source, "a SIP message that cannot be read was skipped (" + f.reasonPhrase() + ")");
                }
            }
        }
    }

    private static boolean startsWith(byte[] b, int off, int len, byte[] prefix) {
        if (len < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) {
            if (b[off + i] != prefix[i]) return false;
        }
        return true;
    }
}
