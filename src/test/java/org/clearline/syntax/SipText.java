package org.clearline.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

/** Raw message fixtures for tests: lines joined with CRLF, bytes as ISO-8859-1. */
final class SipText {
    private SipText() {}

    /** The lines joined with CRLF; the header section ends at the first "" line. */
    static byte[] lines(String... lines) {
        return String.join("\r\n", lines).getBytes(StandardCharsets.ISO_8859_1);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    static SipMessage ok(ParseResult r) {
        assertThat(r).isInstanceOf(ParseResult.Success.class);
        return ((ParseResult.Success) r).message();
    }

    static ParseResult.Failure failed(ParseResult r) {
        assertThat(r).isInstanceOf(ParseResult.Failure.class);
        return (ParseResult.Failure) r;
    }

    static final String[] INVITE = {
        "INVITE sip:bob@biloxi.example.com SIP/2.0",
        "Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds",
        "Max-Forwards: 70",
        "To: Bob <sip:bob@biloxi.example.com>",
        "From: Alice <sip:alice@atlanta.example.com>;tag=1928301774",
        "Call-ID: a84b4c76e66710@pc33.atlanta.example.com",
        "CSeq: 314159 INVITE",
        "Contact: <sip:alice@pc33.atlanta.example.com>",
        "Content-Type: application/sdp",
        "Content-Length: 4",
        "",
        "v=0\r\n"};
}
