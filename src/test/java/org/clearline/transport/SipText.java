package org.clearline.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.clearline.syntax.MessageParser;
import org.clearline.syntax.ParseResult;
import org.clearline.syntax.SipMessage;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipResponse;
import org.clearline.syntax.SyntaxLimits;

/** Raw SIP fixtures as they travel on the wire (CRLF line ends). */
final class SipText {
    private SipText() {}

    /** Lines joined with CRLF; a message ends with an empty line (and its body, if any). */
    static String crlf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n");
    }

    static byte[] bytes(String text) {
        return crlf(text).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** RFC 3581 §4 style REGISTER with the given top Via (after "Via: "). */
    static String register(String via, String callId) {
        return crlf("""
                REGISTER sip:example.com SIP/2.0
                Via: %s
                Max-Forwards: 70
                From: <sip:alice@example.com>;tag=49583
                To: <sip:alice@example.com>
                Call-ID: %s
                CSeq: 1 REGISTER
                Contact: <sip:alice@10.1.1.1:4540>
                Expires: 3600
                Content-Length: 0

                """.formatted(via, callId));
    }

    /** An OPTIONS request with a body of {@code bodyBytes} octets (to make it large). */
    static String optionsWithBody(String via, String callId, int bodyBytes) {
        String body = "x".repeat(bodyBytes);
        return crlf("""
                OPTIONS sip:bob@example.com SIP/2.0
                Via: %s
                Max-Forwards: 70
                From: <sip:alice@example.com>;tag=1928301774
                To: <sip:bob@example.com>
                Call-ID: %s
                CSeq: 63104 OPTIONS
                Content-Type: text/plain
                Content-Length: %d

                """.formatted(via, callId, bodyBytes)) + body;
    }

    /** A 200 OK to a REGISTER, with the given Via lines (each after "Via: "). */
    static String ok(String callId, String... vias) {
        StringBuilder sb = new StringBuilder("SIP/2.0 200 OK\n");
        for (String v : vias) sb.append("Via: ").append(v).append('\n');
        sb.append("""
                From: <sip:alice@example.com>;tag=49583
                To: <sip:alice@example.com>;tag=a6c85cf
                Call-ID: %s
                CSeq: 1 REGISTER
                Content-Length: 0

                """.formatted(callId));
        return crlf(sb.toString());
    }

    static SipRequest request(String text) {
        return (SipRequest) parse(text);
    }

    static SipResponse response(String text) {
        return (SipResponse) parse(text);
    }

    private static SipMessage parse(String text) {
        ParseResult result = new MessageParser(SyntaxLimits.DEFAULT).parse(bytes(text));
        assertThat(result).as("fixture parses").isInstanceOf(ParseResult.Success.class);
        return ((ParseResult.Success) result).message();
    }
}
