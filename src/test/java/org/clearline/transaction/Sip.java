package org.clearline.transaction;

import java.nio.charset.StandardCharsets;
import org.clearline.syntax.MessageParser;
import org.clearline.syntax.ParseResult;
import org.clearline.syntax.SipMessage;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SipResponse;
import org.clearline.syntax.SyntaxLimits;

/**
 * Raw SIP text for the transaction tests. Templates are written with LF line ends
 * and {@code ${name}} placeholders; {@link #text} fills them and turns the result
 * into wire form (CRLF, blank line after the headers).
 *
 * <p>The cast: Alice (UAC) at 192.0.2.10 sends through us (127.0.0.1:5060) to
 * Bob's phone at 192.0.2.20.
 */
final class Sip {
    private Sip() {}

    private static final MessageParser PARSER = new MessageParser(SyntaxLimits.DEFAULT);

    /** A request as it reaches us from Alice. Placeholders: method, transport, branch, callId, cseq, toTag. */
    static final String FROM_ALICE = """
            ${method} sip:bob@example.com SIP/2.0
            Via: SIP/2.0/${transport} 192.0.2.10:5060;branch=${branch}
            Max-Forwards: 70
            From: "Alice" <sip:alice@example.com>;tag=1928301774
            To: <sip:bob@example.com>${toTag}
            Call-ID: ${callId}
            CSeq: ${cseq} ${method}
            Contact: <sip:alice@192.0.2.10:5060>
            Content-Length: 0
            """;

    /**
     * A request we forward to Bob (the proxy's Via on top, Alice's below, a Route
     * to Bob's edge). Placeholders: method, transport, branch, callId, cseq.
     */
    static final String TO_BOB = """
            ${method} sip:bob@192.0.2.20:5060 SIP/2.0
            Via: SIP/2.0/${transport} 127.0.0.1:5060;branch=${branch}
            Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-alice-1
            Route: <sip:edge1.example.net;lr>
            Route: <sip:edge2.example.net;lr>
            Max-Forwards: 69
            From: "Alice" <sip:alice@example.com>;tag=1928301774
            To: <sip:bob@example.com>
            Call-ID: ${callId}
            CSeq: ${cseq} ${method}
            Contact: <sip:alice@192.0.2.10:5060>
            Content-Length: 0
            """;

    /** Bob's response to {@link #TO_BOB}. Placeholders: status, transport, branch, toTag, callId, cseq, method. */
    static final String FROM_BOB = """
            SIP/2.0 ${status}
            Via: SIP/2.0/${transport} 127.0.0.1:5060;branch=${branch}
            Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-alice-1
            From: "Alice" <sip:alice@example.com>;tag=1928301774
            To: <sip:bob@example.com>${toTag}
            Call-ID: ${callId}
            CSeq: ${cseq} ${method}
            Content-Length: 0
            """;

    /** Fills {@code ${key}} placeholders from key/value pairs and converts to wire form. */
    static String text(String template, String... keyValues) {
        String s = template;
        for (int i = 0; i < keyValues.length; i += 2) {
            s = s.replace("${" + keyValues[i] + "}", keyValues[i + 1]);
        }
        if (s.contains("${")) throw new IllegalArgumentException("unfilled placeholder in:\n" + s);
        return s.replace("\n", "\r\n") + "\r\n";
    }

    static SipMessage parse(String wire) {
        ParseResult r = PARSER.parse(wire.getBytes(StandardCharsets.ISO_8859_1));
        if (r instanceof ParseResult.Success ok) return ok.message();
        throw new AssertionError("fixture does not parse: " + r + "\n" + wire);
    }

    /** A request from Alice with defaults: UDP, CSeq 314159, no To tag. */
    static String fromAlice(String method, String branch, String callId) {
        return fromAlice(method, "UDP", branch, callId, "314159", "");
    }

    static String fromAlice(String method, String transport, String branch, String callId, String cseq, String toTag) {
        return text(FROM_ALICE, "method", method, "transport", transport, "branch", branch, "callId", callId,
                "cseq", cseq, "toTag", toTag.isEmpty() ? "" : ";tag=" + toTag);
    }

    /** The request we send to Bob, parsed, ready for {@code sendRequest}. */
    static SipRequest toBob(String method, String transport, String branch, String callId) {
        return (SipRequest) parse(text(TO_BOB, "method", method, "transport", transport, "branch", branch,
                "callId", callId, "cseq", "314159"));
    }

    /** Bob's response to {@link #toBob}; {@code status} like "486 Busy Here"; an empty toTag means none. */
    static String fromBob(String status, String transport, String branch, String callId, String method, String toTag) {
        return text(FROM_BOB, "status", status, "transport", transport, "branch", branch, "callId", callId,
                "cseq", "314159", "method", method, "toTag", toTag.isEmpty() ? "" : ";tag=" + toTag);
    }

    static SipResponse response(String wire) {
        return (SipResponse) parse(wire);
    }
}
