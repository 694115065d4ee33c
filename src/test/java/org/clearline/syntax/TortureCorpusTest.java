package org.clearline.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of the RFC 4475 and RFC 5118 INDEX.tsv files, with the
 * parser-level outcome the row implies. Semantic answers (416, 420, 483, 501,
 * 415...) belong to the core: for those rows the parser must succeed.
 */
class TortureCorpusTest {
    private final MessageParser parser = new MessageParser(SyntaxLimits.DEFAULT);

    /** Expected failure of an "invalid" row: error and offending header (null for the start line or framing). */
    record Expect(ParseError error, String header) {}

    private static final Map<String, Expect> INVALID = Map.ofEntries(
            Map.entry("rfc4475/badinv01.sip", new Expect(ParseError.BAD_HEADER, "Via")),
            Map.entry("rfc4475/clerr.sip", new Expect(ParseError.BAD_CONTENT_LENGTH, "Content-Length")),
            Map.entry("rfc4475/scalarlg.sip", new Expect(ParseError.BAD_HEADER, "CSeq")),
            Map.entry("rfc4475/quotbal.sip", new Expect(ParseError.BAD_HEADER, "To")),
            Map.entry("rfc4475/lwsruri.sip", new Expect(ParseError.BAD_REQUEST_LINE, null)),
            Map.entry("rfc4475/lwsstart.sip", new Expect(ParseError.BAD_REQUEST_LINE, null)),
            // §19.1.1: no headers in a Request-URI; we take the RFC's 400 option
            Map.entry("rfc4475/escruri.sip", new Expect(ParseError.BAD_REQUEST_LINE, null)),
            // §20.10: a URI with '?' must be in <>; we take the RFC's 400 option
            Map.entry("rfc4475/regbadct.sip", new Expect(ParseError.BAD_HEADER, "Contact")),
            Map.entry("rfc4475/badaspec.sip", new Expect(ParseError.BAD_HEADER, "To")),
            Map.entry("rfc4475/badvers.sip", new Expect(ParseError.BAD_VERSION, null)),
            Map.entry("rfc4475/mismatch01.sip", new Expect(ParseError.BAD_HEADER, "CSeq")),
            Map.entry("rfc4475/bigcode.sip", new Expect(ParseError.GARBAGE, null)),
            Map.entry("rfc4475/insuf.sip", new Expect(ParseError.BAD_HEADER, "From")),
            Map.entry("rfc4475/mcl01.sip", new Expect(ParseError.BAD_CONTENT_LENGTH, "Content-Length")),
            Map.entry("rfc5118/ipv6-bad.sip", new Expect(ParseError.BAD_REQUEST_LINE, null)));

    /**
     * "invalid" rows whose INDEX entry allows accepting the message: the parser
     * does not look at Date (the RFC's "accept and ignore Date" option).
     */
    private static final Map<String, String> ACCEPTED_INVALID = Map.of(
            "rfc4475/baddate.sip", "Date is not validated by the parser");

    static Stream<Corpus.Entry> rows() {
        return Corpus.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void rowOutcome(Corpus.Entry row) {
        ParseResult r = parser.parse(row.bytes());
        String key = row.toString();
        if (row.valid() || ACCEPTED_INVALID.containsKey(key)) {
            if (r instanceof ParseResult.Failure f) fail("%s should parse (%s) but: %s %s %s", key, row.expected(), f.error(), f.header(), f.detail());
            SipMessage m = ((ParseResult.Success) r).message();
            assertThat(m.vias()).isNotEmpty();
            assertThat(m.from()).isNotNull();
            assertThat(m.to()).isNotNull();
            assertThat(m.cseq()).isNotNull();
            // what we send on is what we parsed
            SipMessage again = ((ParseResult.Success) parser.parse(m.encode())).message();
            // (the writer adds the Content-Length a datagram may omit, RFC 4475 inv2543)
            assertThat(again.headers()).filteredOn(h -> !h.is("Content-Length"))
                    .isEqualTo(m.headers().stream().filter(h -> !h.is("Content-Length")).toList());
            assertThat(again.header("Content-Length")).isEqualTo(Integer.toString(m.body().length));
            assertThat(again.body()).isEqualTo(m.body());
            assertThat(again.startLine()).isEqualTo(m.startLine());
            return;
        }
        Expect expect = INVALID.get(key);
        if (expect == null) fail("no expectation written for invalid row %s", key);
        assertThat(r).as(key).isInstanceOf(ParseResult.Failure.class);
        ParseResult.Failure f = (ParseResult.Failure) r;
        assertThat(f.error()).as(key + ": " + f.detail()).isEqualTo(expect.error());
        assertThat(f.header()).as(key).isEqualTo(expect.header());
        assertThat(f.detail()).doesNotStartWith(MessageParser.INTERNAL);
        boolean request = !SipText.text(row.bytes()).startsWith("SIP/");
        if (request) {
            // enough survives to answer statelessly (§8.2.6.2 copies Via, From, To, Call-ID, CSeq)
            assertThat(f.partial()).as(key).isNotNull();
            // ...unless the Via itself is what is broken (badinv01): then nobody can be answered
            if (!"Via".equals(f.header())) assertThat(f.partial().topVia()).as(key).isNotNull();
            else assertThat(f.partial().vias()).as(key).isEmpty();
            assertThat(f.partial().cseq()).as(key).isNotNull();
        } else {
            // an invalid response may keep what parsed, but never enough to match a client
            // transaction (§17.1.3 needs the top Via branch and the CSeq): scalarlg's CSeq is
            // out of range, bigcode's status line is unreadable; neither may become a 502
            if (f.partial() != null) {
                assertThat(f.partial()).as(key).isInstanceOf(SipResponse.class);
                assertThat(f.partial().cseq()).as(key).isNull();
            }
        }
    }
}
