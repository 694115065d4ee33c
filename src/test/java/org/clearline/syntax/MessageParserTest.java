package org.clearline.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.syntax.SipText.failed;
import static org.clearline.syntax.SipText.lines;
import static org.clearline.syntax.SipText.ok;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MessageParserTest {
    private final MessageParser parser = new MessageParser(SyntaxLimits.DEFAULT);

    private ParseResult parse(String... lines) {
        return parser.parse(lines(lines));
    }

    private static String[] with(String[] base, int index, String line) {
        String[] copy = Arrays.copyOf(base, base.length);
        copy[index] = line;
        return copy;
    }

    @Test
    void parsesARequest() {
        SipRequest r = (SipRequest) ok(parse(SipText.INVITE));
        assertThat(r.method()).isSameAs(Methods.INVITE);
        assertThat(r.isInvite()).isTrue();
        assertThat(r.requestUri()).isEqualTo(SipUri.parse("sip:bob@biloxi.example.com"));
        assertThat(r.topVia().branch()).isEqualTo("z9hG4bK776asdhds");
        assertThat(r.from().tag()).isEqualTo("1928301774");
        assertThat(r.to().displayName()).isEqualTo("Bob");
        assertThat(r.callId()).isEqualTo("a84b4c76e66710@pc33.atlanta.example.com");
        assertThat(r.cseq()).isEqualTo(new CSeq(314159, "INVITE"));
        assertThat(r.maxForwards()).isEqualTo(70);
        assertThat(r.contentType()).isEqualTo("application/sdp");
        assertThat(SipText.text(r.body())).isEqualTo("v=0\r");
        assertThat(r.headers()).hasSize(9);
        assertThat(r.headers().get(0).name()).isSameAs(HeaderNames.VIA);
    }

    @Test
    void parsesAResponse() {
        SipResponse r = (SipResponse) ok(parse("SIP/2.0 180 Ringing", "Via: SIP/2.0/UDP a.example.com;branch=z9hG4bK1",
                "To: <sip:b@example.com>;tag=x", "From: <sip:a@example.com>;tag=y", "Call-ID: c1", "CSeq: 1 INVITE",
                "Content-Length: 0", "", ""));
        assertThat(r.status()).isEqualTo(180);
        assertThat(r.reason()).isEqualTo("Ringing");
        assertThat(r.isProvisional()).isTrue();
        assertThat(r.to().tag()).isEqualTo("x");
    }

    @Test
    void compactNamesUnfoldingAndLatin1Values() {
        SipMessage m = ok(parse("OPTIONS sip:a@example.com SIP/2.0", "v: SIP/2.0/UDP h.example.com;branch=z9hG4bK1",
                "f: \"J\u00c3\u00bcrgen\" <sip:j@example.com>;tag=1", "t: sip:a@example.com", "i: abc", "CSeq: 2",
                "  OPTIONS", "Subject: one", "\ttwo  ", "l: 0", "", ""));
        assertThat(m.header("From")).isEqualTo("\"J\u00c3\u00bcrgen\" <sip:j@example.com>;tag=1");
        assertThat(m.cseq().number()).isEqualTo(2);
        assertThat(m.header("Subject")).isEqualTo("one two");
        assertThat(m.headers().get(0).name()).isEqualTo("Via");
        // UTF-8 octets survive the round trip untouched
        assertThat(SipText.text(m.encode())).contains("From: \"J\u00c3\u00bcrgen\" <sip:j@example.com>;tag=1\r\n");
    }

    @Test
    void bareLineFeedsAreAccepted() {
        byte[] lf = String.join("\n", SipText.INVITE).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        SipMessage m = ok(parser.parse(lf));
        assertThat(m.callId()).isEqualTo("a84b4c76e66710@pc33.atlanta.example.com");
        assertThat(SipText.text(m.body())).isEqualTo("v=0\r");
    }

    @Test
    void theCachedCallIdFollowsEveryChangeOfTheHeader() {
        SipMessage m = ok(parser.parse(SipText.lines(SipText.INVITE)));
        assertThat(m.callId()).isEqualTo("a84b4c76e66710@pc33.atlanta.example.com");
        m.setHeader("call-id", " second@example.com ");
        assertThat(m.callId()).isEqualTo("second@example.com");
        m.removeHeader("i"); // the compact form names the same header
        assertThat(m.callId()).isNull();
        m.addHeader("Call-ID", "third@example.com");
        assertThat(m.callId()).isEqualTo("third@example.com");
        SipMessage copy = m.copy();
        copy.setHeader("Call-ID", "fourth@example.com");
        assertThat(m.callId()).as("a copy's change leaves the original").isEqualTo("third@example.com");
        assertThat(copy.callId()).isEqualTo("fourth@example.com");
    }

    @Test
    void bareCarriageReturnIsRejected() {
        assertThat(failed(parse(with(SipText.INVITE, 8, "Subject: a\rb"))).error()).isEqualTo(ParseError.BAD_HEADER);
    }

    @Test
    void leadingCrlfsAreSkippedAndTrailingOctetsIgnored() {
        byte[] msg = lines(SipText.INVITE);
        byte[] data = new byte[msg.length + 10];
        data[0] = '\r';
        data[1] = '\n';
        System.arraycopy(msg, 0, data, 2, msg.length);
        SipMessage m = ok(parser.parse(data));
        assertThat(m.body()).hasSize(4);
    }

    @Test
    void parsesFromAnOffset() {
        byte[] msg = lines(SipText.INVITE);
        byte[] data = new byte[msg.length + 7];
        System.arraycopy(msg, 0, data, 3, msg.length);
        assertThat(ok(parser.parse(data, 3, msg.length)).callId()).startsWith("a84b4c76");
    }

    @Test
    void startLineErrors() {
        assertThat(failed(parse(with(SipText.INVITE, 0, "INVITE sip:bob@biloxi.example.com SIP/3.0"))).error())
                .isEqualTo(ParseError.BAD_VERSION);
        assertThat(failed(parse(with(SipText.INVITE, 0, "INVITE  sip:bob@biloxi.example.com SIP/2.0"))).error())
                .isEqualTo(ParseError.BAD_REQUEST_LINE);
        assertThat(failed(parse(with(SipText.INVITE, 0, "INVITE <sip:bob@biloxi.example.com> SIP/2.0"))).error())
                .isEqualTo(ParseError.BAD_REQUEST_LINE);
        assertThat(failed(parse(with(SipText.INVITE, 0, "INVITE SIP/2.0"))).error()).isEqualTo(ParseError.BAD_REQUEST_LINE);
        assertThat(failed(parse(with(SipText.INVITE, 0, "GET / HTTP/1.1"))).error()).isEqualTo(ParseError.GARBAGE);
        assertThat(failed(parse(with(SipText.INVITE, 0, "IN(VITE sip:b@example.com SIP/2.0"))).error()).isEqualTo(ParseError.GARBAGE);
        assertThat(failed(parse(with(SipText.INVITE, 0, "SIP/2.0 99 Low"))).error()).isEqualTo(ParseError.GARBAGE);
        assertThat(failed(parse(with(SipText.INVITE, 0, "SIP/2.0 700 High"))).error()).isEqualTo(ParseError.GARBAGE);
        assertThat(failed(parse(with(SipText.INVITE, 0, "SIP/2.0 2000 OK"))).error()).isEqualTo(ParseError.GARBAGE);
        assertThat(failed(parser.parse(new byte[0])).error()).isEqualTo(ParseError.GARBAGE);
        assertThat(failed(parser.parse(null, 0, 0)).error()).isEqualTo(ParseError.GARBAGE);
    }

    @Test
    void badVersionStillSalvagesTheRoutingHeaders() {
        ParseResult.Failure f = failed(parse(with(SipText.INVITE, 0, "INVITE sip:bob@biloxi.example.com SIP/3.0")));
        SipRequest p = (SipRequest) f.partial();
        assertThat(p.method()).isEqualTo("INVITE");
        assertThat(p.topVia().branch()).isEqualTo("z9hG4bK776asdhds");
        assertThat(p.callId()).isEqualTo("a84b4c76e66710@pc33.atlanta.example.com");
        assertThat(p.headers()).extracting(Header::name)
                .containsExactly("Via", "To", "From", "Call-ID", "CSeq");
        SipResponse answer = Responses.create(p, 505, "Version Not Supported", "t1");
        assertThat(answer.to().tag()).isEqualTo("t1");
    }

    @Test
    void headerValidation() {
        assertBad(with(SipText.INVITE, 1, "Via: SIP/2.0/UDP"), "Via");
        assertBad(with(SipText.INVITE, 2, "Max-Forwards: 256"), "Max-Forwards");
        assertBad(with(SipText.INVITE, 2, "Max-Forwards: seventy"), "Max-Forwards");
        assertBad(with(SipText.INVITE, 3, "To: <sip:bob@biloxi.example.com"), "To");
        assertBad(with(SipText.INVITE, 5, "Call-ID: a b"), "Call-ID");
        assertBad(with(SipText.INVITE, 6, "CSeq: 1 ACK"), "CSeq");
        assertBad(with(SipText.INVITE, 6, "CSeq: -1 INVITE"), "CSeq");
        assertBad(with(SipText.INVITE, 7, "Contact: <sip:alice@pc33.atlanta.example.com>;q=2"), "Contact");
        assertBad(with(SipText.INVITE, 7, "Route: sip:x@y.example.com;lr,"), "Route");
        assertBad(with(SipText.INVITE, 7, "Record-Route: <sip:x@y.example.com;lr"), "Record-Route");
        assertBad(with(SipText.INVITE, 7, "Expires: soon"), "Expires");
        assertBad(with(SipText.INVITE, 7, "From: <sip:other@example.com>;tag=2"), "From");
        assertBad(with(SipText.INVITE, 1, "X-Via: none"), "Via");
    }

    private void assertBad(String[] lines, String header) {
        ParseResult.Failure f = failed(parse(lines));
        assertThat(f.error()).isEqualTo(ParseError.BAD_HEADER);
        assertThat(f.header()).isEqualTo(header);
        assertThat(f.reasonPhrase()).startsWith("Bad " + header + " header: ");
    }

    @Test
    void contactWildcardAndExpires() {
        SipMessage m = ok(parse("REGISTER sip:example.com SIP/2.0", "Via: SIP/2.0/UDP h.example.com;branch=z9hG4bK1",
                "To: <sip:a@example.com>", "From: <sip:a@example.com>;tag=1", "Call-ID: r1", "CSeq: 5 REGISTER",
                "Contact: *", "Expires: 0", "Content-Length: 0", "", ""));
        assertThat(m.isContactWildcard()).isTrue();
        assertThat(m.expires()).isZero();
        SipMessage big = ok(parse("REGISTER sip:example.com SIP/2.0", "Via: SIP/2.0/UDP h.example.com;branch=z9hG4bK1",
                "To: <sip:a@example.com>", "From: <sip:a@example.com>;tag=1", "Call-ID: r1", "CSeq: 5 REGISTER",
                "Expires: 99999999999999999999", "", ""));
        assertThat(big.expires()).isEqualTo(0xFFFFFFFFL);
        assertThat(big.isContactWildcard()).isFalse();
    }

    @Test
    void contentLengthRules() {
        ParseResult.Failure tooLong = failed(parse(with(SipText.INVITE, 9, "Content-Length: 6")));
        assertThat(tooLong.error()).isEqualTo(ParseError.BAD_CONTENT_LENGTH);
        assertThat(tooLong.header()).isEqualTo("Content-Length");
        assertThat(failed(parse(with(SipText.INVITE, 9, "Content-Length: four"))).error()).isEqualTo(ParseError.BAD_CONTENT_LENGTH);
        assertThat(failed(parse(with(SipText.INVITE, 9, "Content-Length: 99999999999999999999"))).error())
                .isEqualTo(ParseError.BAD_CONTENT_LENGTH);
        SipMessage shorter = ok(parse(with(SipText.INVITE, 9, "l: 2")));
        assertThat(SipText.text(shorter.body())).isEqualTo("v=");
        SipMessage none = ok(parse(with(SipText.INVITE, 9, "Subject: x")));
        assertThat(SipText.text(none.body())).isEqualTo("v=0\r\n");
    }

    @Test
    void limitsGiveTooLarge() {
        MessageParser small = new MessageParser(new SyntaxLimits(200, 4096, 64, 1024));
        assertThat(failed(small.parse(lines(SipText.INVITE))).error()).isEqualTo(ParseError.TOO_LARGE);
        MessageParser fewHeaders = new MessageParser(new SyntaxLimits(65535, 4096, 5, 1024));
        ParseResult.Failure f = failed(fewHeaders.parse(lines(SipText.INVITE)));
        assertThat(f.error()).isEqualTo(ParseError.TOO_LARGE);
        assertThat(((SipRequest) f.partial()).topVia()).isNotNull();
        MessageParser shortLines = new MessageParser(new SyntaxLimits(65535, 4096, 64, 40));
        assertThat(failed(shortLines.parse(lines(SipText.INVITE))).error()).isEqualTo(ParseError.TOO_LARGE);
        MessageParser smallHeaders = new MessageParser(new SyntaxLimits(65535, 100, 64, 1024));
        assertThat(failed(smallHeaders.parse(lines(SipText.INVITE))).error()).isEqualTo(ParseError.TOO_LARGE);
    }

    @Test
    void truncatedAndGarbageInputAreValues() {
        byte[] msg = lines(SipText.INVITE);
        for (int cut = 0; cut < msg.length; cut++) {
            ParseResult r = parser.parse(msg, 0, cut);
            if (r instanceof ParseResult.Failure f) assertThat(f.detail()).doesNotStartWith(MessageParser.INTERNAL);
        }
        assertThat(failed(parser.parse(new byte[] {0, 1, 2, (byte) 0xff, '\r', '\n'})).error()).isEqualTo(ParseError.GARBAGE);
        assertThat(MessageParser.isKeepAlive(new byte[] {'\r', '\n', '\r', '\n'}, 0, 4)).isTrue();
        assertThat(MessageParser.isKeepAlive(msg, 0, msg.length)).isFalse();
    }
}
