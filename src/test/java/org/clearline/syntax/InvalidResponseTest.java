package org.clearline.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.syntax.SipText.failed;
import static org.clearline.syntax.SipText.lines;
import static org.clearline.syntax.SipText.ok;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * §16.7 / §21.5.3: a response that is malformed but still names its transaction
 * (top Via branch, CSeq) keeps a partial, so the proxy can answer its caller 502;
 * a response whose status line cannot be read keeps nothing that could match.
 */
class InvalidResponseTest {
    private final MessageParser parser = new MessageParser(SyntaxLimits.DEFAULT);

    /** A trunk's answer to an INVITE we forwarded (our Via on top). */
    private static final String[] BUSY = {
        "SIP/2.0 486 Busy Here",
        "Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK-proxy-1",
        "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-alice-1",
        "From: \"Alice\" <sip:alice@example.com>;tag=1928301774",
        "To: <sip:bob@example.com>;tag=bob-1",
        "Call-ID: a84b4c76e66710@192.0.2.10",
        "CSeq: 314159 INVITE",
        "Content-Length: 0",
        "",
        ""};

    private static String[] replace(int index, String line) {
        String[] copy = Arrays.copyOf(BUSY, BUSY.length);
        copy[index] = line;
        return copy;
    }

    private static String[] without(int index) {
        List<String> copy = new ArrayList<>(Arrays.asList(BUSY));
        copy.remove(index);
        return copy.toArray(String[]::new);
    }

    private static String[] inserted(int index, String line) {
        List<String> copy = new ArrayList<>(Arrays.asList(BUSY));
        copy.add(index, line);
        return copy.toArray(String[]::new);
    }

    private ParseResult.Failure parse(String... lines) {
        return failed(parser.parse(lines(lines)));
    }

    /** The partial names the status, our branch and the CSeq: enough for §17.1.3 matching. */
    private static SipResponse matchable(ParseResult.Failure f, int status) {
        assertThat(f.partial()).isInstanceOf(SipResponse.class);
        SipResponse p = (SipResponse) f.partial();
        assertThat(p.status()).isEqualTo(status);
        assertThat(p.topVia().branch()).isEqualTo("z9hG4bK-proxy-1");
        assertThat(p.vias()).hasSize(2);
        assertThat(p.cseq()).isEqualTo(new CSeq(314159, "INVITE"));
        return p;
    }

    @Test
    void theFixtureItselfParses() {
        SipResponse r = (SipResponse) ok(parser.parse(lines(BUSY)));
        assertThat(r.status()).isEqualTo(486);
    }

    @Test
    void anUnparseableToKeepsStatusViaCseqAndCallId() {
        ParseResult.Failure f = parse(replace(4, "To: <sip:bob@example.com;tag=bob-1"));

        assertThat(f.error()).isEqualTo(ParseError.BAD_HEADER);
        assertThat(f.header()).isEqualTo("To");
        SipResponse p = matchable(f, 486);
        assertThat(p.reason()).isEqualTo("Busy Here");
        assertThat(p.callId()).isEqualTo("a84b4c76e66710@192.0.2.10");
        assertThat(p.hasHeader("To")).isFalse();
        assertThat(p.from().tag()).isEqualTo("1928301774");
    }

    @Test
    void anUnparseableFromIsTheSame() {
        ParseResult.Failure f = parse(replace(3, "From: Alice <sip:alice@example.com"));

        assertThat(f.header()).isEqualTo("From");
        assertThat(matchable(f, 486).hasHeader("From")).isFalse();
    }

    @Test
    void aContentLengthThatIsNotANumberKeepsThePartial() {
        ParseResult.Failure f = parse(replace(7, "Content-Length: abc"));

        assertThat(f.error()).isEqualTo(ParseError.BAD_CONTENT_LENGTH);
        assertThat(f.header()).isEqualTo("Content-Length");
        assertThat(matchable(f, 486).callId()).isEqualTo("a84b4c76e66710@192.0.2.10");
    }

    @Test
    void aMissingCallIdKeepsThePartialWithoutOne() {
        ParseResult.Failure f = parse(without(5));

        assertThat(f.error()).isEqualTo(ParseError.BAD_HEADER);
        assertThat(f.header()).isEqualTo("Call-ID");
        assertThat(f.detail()).isEqualTo("missing");
        assertThat(matchable(f, 486).callId()).isNull();
    }

    @Test
    void aMalformedCallIdIsLeftOutOfThePartial() {
        ParseResult.Failure f = parse(replace(5, "Call-ID: a b"));

        assertThat(f.header()).isEqualTo("Call-ID");
        assertThat(matchable(f, 486).callId()).isNull();
    }

    @Test
    void aBadHeaderLineKeepsThePartial() {
        ParseResult.Failure f = parse(inserted(7, "this line has no colon"));

        assertThat(f.error()).isEqualTo(ParseError.BAD_HEADER);
        assertThat(f.header()).isNull();
        assertThat(f.detail()).isEqualTo("malformed header line");
        matchable(f, 486);
    }

    @Test
    void aControlCharacterInTheReasonPhraseKeepsTheStatusCode() {
        ParseResult.Failure f = parse(replace(0, "SIP/2.0 200 O\u0000K\u0007"));

        assertThat(f.error()).isEqualTo(ParseError.BAD_STATUS_LINE);
        assertThat(f.header()).isNull();
        assertThat(f.reasonPhrase()).isEqualTo("control character in the Reason-Phrase");
        SipResponse p = matchable(f, 200);
        assertThat(p.isFinal()).isTrue();
        assertThat(p.reason()).isEmpty();
    }

    @Test
    void aProvisionalStatusIsKeptAsItWas() {
        String[] ringing = replace(0, "SIP/2.0 180 Ringing");
        ringing[4] = "To: <bob";

        SipResponse p = matchable(parse(ringing), 180);

        assertThat(p.isProvisional()).isTrue();
        assertThat(p.reason()).isEqualTo("Ringing");
    }

    @Test
    void tabsBracketsAndLatin1InTheReasonPhraseAreAccepted() {
        SipResponse r = (SipResponse) ok(parser.parse(lines(replace(0, "SIP/2.0 503 Service\tUnavailable [cause 41] \u00e9"))));

        assertThat(r.status()).isEqualTo(503);
        assertThat(r.reason()).isEqualTo("Service\tUnavailable [cause 41] \u00e9");
    }

    @Test
    void anUnreadableStatusLineKeepsNothing() {
        for (String line : new String[] {"SIP/2.0 2x0 OK", "SIP/2.0 20 OK", "SIP/2.0 2000 OK", "SIP/2.0 099 Low",
                                         "SIP/3.0 200 OK", "SIP/2.0200 OK", "SIP/2.0 4294967301 better not break"}) {
            ParseResult.Failure f = parse(replace(0, line));
            assertThat(f.partial()).as(line).isNull();
            assertThat(f.error()).as(line).isIn(ParseError.GARBAGE, ParseError.BAD_VERSION);
        }
    }

    @Test
    void rfc4475BigcodeKeepsNothing() {
        ParseResult.Failure f = failed(parser.parse(Corpus.get(Corpus.RFC4475, "bigcode").bytes()));

        assertThat(f.error()).isEqualTo(ParseError.GARBAGE);
        assertThat(f.partial()).isNull();
    }

    @Test
    void rfc4475ScalarlgKeepsNoCseqSoItCannotMatch() {
        ParseResult.Failure f = failed(parser.parse(Corpus.get(Corpus.RFC4475, "scalarlg").bytes()));

        assertThat(f.header()).isEqualTo("CSeq");
        SipResponse p = (SipResponse) f.partial();
        assertThat(p.status()).isEqualTo(503);
        assertThat(p.cseq()).isNull();
        assertThat(p.hasHeader("CSeq")).isFalse();
    }

    @Test
    void overAStreamABadContentLengthSalvagesTheResponse() {
        byte[] msg = lines(replace(7, "Content-Length: abc"));
        StreamFramer.Frame frame = new StreamFramer(SyntaxLimits.DEFAULT).next(msg, 0, msg.length);

        assertThat(frame.failure().error()).isEqualTo(ParseError.BAD_CONTENT_LENGTH);
        matchable(frame.failure(), 486);
    }
}
