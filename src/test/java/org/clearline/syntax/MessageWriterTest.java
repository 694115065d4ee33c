package org.clearline.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.syntax.SipText.lines;
import static org.clearline.syntax.SipText.ok;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageWriterTest {
    private final MessageParser parser = new MessageParser(SyntaxLimits.DEFAULT);

    @Test
    void writesStartLineHeadersInOrderAndBody() {
        byte[] wire = lines(SipText.INVITE);
        SipMessage m = ok(parser.parse(wire));
        assertThat(SipText.text(m.encode())).isEqualTo(SipText.text(wire).replace("v=0\r\n", "v=0\r"));
    }

    @Test
    void contentLengthComesFromTheBody() {
        SipRequest r = new SipRequest("MESSAGE", SipUri.parse("sip:b@example.com"),
                List.of(new Header("Content-Length", "999"), new Header("To", "<sip:b@example.com>"),
                        new Header("Content-Length", "3")), "hello".getBytes(StandardCharsets.US_ASCII));
        assertThat(SipText.text(r.encode())).isEqualTo(
                "MESSAGE sip:b@example.com SIP/2.0\r\nContent-Length: 5\r\nTo: <sip:b@example.com>\r\n\r\nhello");
        SipResponse missing = new SipResponse(200, "OK", List.of(new Header("Call-ID", "x")), null);
        assertThat(SipText.text(missing.encode())).isEqualTo("SIP/2.0 200 OK\r\nCall-ID: x\r\nContent-Length: 0\r\n\r\n");
    }

    @Test
    void neverEmitsLineBreaksInsideValuesAndEncodesWideCharactersAsUtf8() {
        SipResponse r = new SipResponse(200, "OK", List.of(new Header("Subject", "a\r\nVia: evil"),
                new Header("X-Name", "\u20ac \ud83d\ude00 \u00e9")), null);
        byte[] out = r.encode();
        String latin = SipText.text(out);
        assertThat(latin).contains("Subject: a  Via: evil\r\n");
        assertThat(latin).doesNotContain("\n\n");
        String utf8 = new String(out, StandardCharsets.UTF_8);
        assertThat(utf8).contains("X-Name: \u20ac \ud83d\ude00 \ufffd\r\n");
    }

    @Test
    void roundTripOfAParsedMessageReparsesIdentically() {
        byte[] wire = lines(SipText.INVITE);
        SipMessage first = ok(parser.parse(wire));
        SipMessage second = ok(parser.parse(first.encode()));
        assertThat(second.headers()).isEqualTo(first.headers());
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.startLine()).isEqualTo(first.startLine());
    }
}
