package org.clearline.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spot checks of the values that the corpora's INDEX rows name. */
class TortureCorpusValuesTest {
    private final MessageParser parser = new MessageParser(SyntaxLimits.DEFAULT);

    private SipMessage parse(String corpus, String tag) {
        return SipText.ok(parser.parse(Corpus.get(corpus, tag).bytes()));
    }

    private ParseResult.Failure failure(String corpus, String tag) {
        return SipText.failed(parser.parse(Corpus.get(corpus, tag).bytes()));
    }

    @Test
    void wsinvUnfoldsAndToleratesWhiteSpace() {
        SipRequest r = (SipRequest) parse(Corpus.RFC4475, "wsinv");
        assertThat(r.to().tag()).isEqualTo("1918181833n");
        assertThat(r.from().displayName()).isEqualTo("\"J Rosenberg \\\\\\\"\"");
        assertThat(r.from().tag()).isEqualTo("98asjd8");
        assertThat(r.maxForwards()).isEqualTo(68);
        assertThat(r.cseq()).isEqualTo(new CSeq(9, "INVITE"));
        assertThat(r.vias()).extracting(Via::transport).containsExactly("UDP", "TCP", "UDP");
        assertThat(r.vias().get(2).branch()).isEqualTo("z9hG4bK30239");
        assertThat(r.header("Subject")).isEmpty();
        assertThat(r.header("NewFangledHeader")).isEqualTo("newfangled value continued newfangled value");
        assertThat(r.header("UnknownHeaderWithUnusualValue")).isEqualTo(";;,,;;,;");
        NameAddr contact = r.addressList(HeaderNames.CONTACT).get(0);
        assertThat(contact.displayName()).isEqualTo("\"Quoted string \\\"\\\"\"");
        assertThat(contact.params().get("newparam")).isEqualTo("newvalue");
        assertThat(contact.params().has("secondparam")).isTrue();
        assertThat(contact.params().get("q")).isEqualTo("0.33");
        assertThat(r.addressList(HeaderNames.ROUTE).get(0).sipUri().looseRouting()).isTrue();
        assertThat(r.body()).hasSize(150);
    }

    @Test
    void intmethKeepsEveryLegalCharacter() {
        SipRequest r = (SipRequest) parse(Corpus.RFC4475, "intmeth");
        assertThat(r.method()).isEqualTo("!interesting-Method0123456789_*+`.%indeed'~");
        assertThat(r.cseq().method()).isEqualTo(r.method());
        assertThat(r.to().displayName()).isEqualTo("\"BEL:\\\u0007 NUL:\\\u0000 DEL:\\\u007f\"");
        assertThat(r.from().tag()).isEqualTo("_token~1'+`*%!-.");
        assertThat(r.callId()).isEqualTo("intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{");
        assertThat(r.maxForwards()).isEqualTo(255);
        // UTF-8 octets of an unknown header are kept as received
        assertThat(r.header("extensionHeader-!.%*+_`'~")).isEqualTo("\u00ef\u00bb\u00bf\u00e5\u00a4\u00a7\u00e5\u0081\u009c\u00e9\u009b\u00bb");
    }

    @Test
    void esc01EscapedAndUnescapedFormsCompareEqual() {
        SipRequest r = (SipRequest) parse(Corpus.RFC4475, "esc01");
        SipUri ruri = (SipUri) r.requestUri();
        assertThat(ruri.user()).isEqualTo("sips%3Auser%40example.com");
        assertThat(ruri.userUnescaped()).isEqualTo("sips:user@example.com");
        assertThat(r.to().sipUri().equivalent(SipUri.parse("sip:user@example.com"))).isTrue();
        assertThat(r.from().sipUri().userUnescaped()).isEqualTo("I have spaces");
        assertThat(r.addressList(HeaderNames.CONTACT).get(0).sipUri()
                .equivalent(SipUri.parse("sip:caller@host5.example.net;lr;name=value%2541"))).isTrue();
        assertThat(r.contentType()).isEqualTo("application/sdp");
    }

    @Test
    void esc02MethodIsNotRegister() {
        SipRequest r = (SipRequest) parse(Corpus.RFC4475, "esc02");
        assertThat(r.method()).isEqualTo("RE%47IST%45R");
        assertThat(r.isRegister()).isFalse();
        assertThat(r.to().displayName()).isEqualTo("\"%Z%45\"");
        assertThat(r.headerValues("Contact")).hasSize(2);
        assertThat(r.header("C%6Fntact")).isEqualTo("<sip:alias2@host2.example.com>");
    }

    @Test
    void semiuriUserPart() {
        SipUri u = (SipUri) ((SipRequest) parse(Corpus.RFC4475, "semiuri")).requestUri();
        assertThat(u.user()).isEqualTo("user;par=u%40example.net");
        assertThat(u.userUnescaped()).isEqualTo("user;par=u@example.net");
        assertThat(u.host()).isEqualTo("example.com");
        assertThat(u.params().isEmpty()).isTrue();
    }

    @Test
    void dblreqParsesOnlyTheFirstMessage() {
        SipRequest r = (SipRequest) parse(Corpus.RFC4475, "dblreq");
        assertThat(r.method()).isEqualTo("REGISTER");
        assertThat(r.callId()).isEqualTo("dblreq.0ha0isndaksdj99sdfafnl3lk233412");
        assertThat(r.body()).isEmpty();
    }

    @Test
    void mpart01BodyIsByteExact() {
        byte[] raw = Corpus.get(Corpus.RFC4475, "mpart01").bytes();
        SipMessage m = parse(Corpus.RFC4475, "mpart01");
        int start = Corpus.headerEnd(raw);
        assertThat(m.body()).isEqualTo(Arrays.copyOfRange(raw, start, start + 553));
        assertThat(m.topVia().hasRport()).isTrue();
        assertThat(m.encode()).isEqualTo(Arrays.copyOf(raw, start + 553));
    }

    @Test
    void inv2543BodyRunsToTheEndOfTheDatagram() {
        byte[] raw = Corpus.get(Corpus.RFC4475, "inv2543").bytes();
        SipMessage m = parse(Corpus.RFC4475, "inv2543");
        assertThat(m.hasHeader("Content-Length")).isFalse();
        assertThat(m.body()).isEqualTo(Arrays.copyOfRange(raw, Corpus.headerEnd(raw), raw.length));
        assertThat(m.topVia().branch()).isNull();
        assertThat(m.maxForwards()).isEqualTo(-1);
        assertThat(m.to().params().get("user")).isEqualTo("phone");
    }

    @Test
    void cparam01UnknownParamIsAContactParam() {
        NameAddr c = parse(Corpus.RFC4475, "cparam01").addressList(HeaderNames.CONTACT).get(0);
        assertThat(c.uri().toString()).isEqualTo("sip:+19725552222@gw1.example.net");
        assertThat(c.sipUri().params().isEmpty()).isTrue();
        assertThat(c.params().has("unknownparam")).isTrue();
    }

    @Test
    void otherSchemesAndResponses() {
        assertThat(((SipRequest) parse(Corpus.RFC4475, "unkscm")).requestUri()).isInstanceOf(OtherUri.class);
        assertThat(((SipRequest) parse(Corpus.RFC4475, "novelsc")).requestUri().scheme()).isEqualTo("soap.beep");
        SipMessage unksm2 = parse(Corpus.RFC4475, "unksm2");
        assertThat(unksm2.to().uri().scheme()).isEqualTo("isbn");
        assertThat(unksm2.from().uri().scheme()).isEqualTo("http");
        assertThat(unksm2.addressList("Contact").get(0).uri().scheme()).isEqualTo("name");
        SipResponse noreason = (SipResponse) parse(Corpus.RFC4475, "noreason");
        assertThat(noreason.status()).isEqualTo(100);
        assertThat(noreason.reason()).isEmpty();
        SipResponse bcast = (SipResponse) parse(Corpus.RFC4475, "bcast");
        assertThat(bcast.vias().get(1).host()).isEqualTo("255.255.255.255");
    }

    @Test
    void semanticRowsParse() {
        assertThat(parse(Corpus.RFC4475, "zeromf").maxForwards()).isZero();
        assertThat(parse(Corpus.RFC4475, "bext01").header("Proxy-Require")).isEqualTo("noProxiesSupportThis, norDoAnyProxiesSupportThis");
        assertThat(parse(Corpus.RFC4475, "invut").contentType()).isEqualTo("application/unknownformat");
        assertThat(parse(Corpus.RFC4475, "regaut01").header("Authorization")).isEqualTo("NoOneKnowsThisScheme opaque-data=here");
        assertThat(parse(Corpus.RFC4475, "badbranch").topVia().branch()).isEqualTo("z9hG4bK");
        assertThat(parse(Corpus.RFC4475, "regescrt").addressList("Contact").get(0).sipUri().headers())
                .isEqualTo("Route=%3Csip:sip.example.com%3E");
        assertThat(parse(Corpus.RFC4475, "transports").vias()).extracting(Via::transport)
                .containsExactly("UDP", "SCTP", "TLS", "UNKNOWN", "TCP");
        List<Via> longVias = parse(Corpus.RFC4475, "longreq").vias();
        assertThat(longVias).hasSize(34);
        assertThat(longVias.get(33).received()).isEqualTo("192.0.2.5");
    }

    @Test
    void failuresNameWhatIsWrong() {
        assertThat(failure(Corpus.RFC4475, "insuf").detail()).contains("To", "Call-ID");
        assertThat(failure(Corpus.RFC4475, "mismatch01").detail()).contains("INVITE");
        ParseResult.Failure badvers = failure(Corpus.RFC4475, "badvers");
        assertThat(badvers.partial().headers()).hasSize(5);
        assertThat(((SipRequest) badvers.partial()).method()).isEqualTo("OPTIONS");
    }

    @Test
    void rfc5118Ipv6() {
        SipUri ambiguous = (SipUri) ((SipRequest) parse(Corpus.RFC5118, "port-ambiguous")).requestUri();
        assertThat(ambiguous.host()).isEqualTo("[2001:db8::10:5070]");
        assertThat(ambiguous.port()).isEqualTo(-1);
        SipUri unambiguous = (SipUri) ((SipRequest) parse(Corpus.RFC5118, "port-unambiguous")).requestUri();
        assertThat(unambiguous.host()).isEqualTo("[2001:db8::10]");
        assertThat(unambiguous.port()).isEqualTo(5070);
        assertThat(parse(Corpus.RFC5118, "via-received-param-with-delim").topVia().received()).isEqualTo("[2001:db8::9:255]");
        List<Via> vias = parse(Corpus.RFC5118, "mult-ip-in-header").vias();
        assertThat(vias).extracting(Via::host).containsExactly("[2001:db8::9:1]", "192.0.2.1", "[2001:db8::9:255]");
        assertThat(vias.get(0).port()).isEqualTo(6050);
        assertThat(vias.get(2).received()).isEqualTo("192.0.2.200");
        SipUri three = (SipUri) ((SipRequest) parse(Corpus.RFC5118, "ipv6-bug-abnf-3-colons")).requestUri();
        SipUri two = (SipUri) ((SipRequest) parse(Corpus.RFC5118, "ipv6-correct-abnf-2-colons")).requestUri();
        assertThat(three.equivalent(two)).isTrue();
        assertThat(parse(Corpus.RFC5118, "ipv6-in-sdp").body()).hasSize(251);
        assertThat(parse(Corpus.RFC5118, "ipv6-good").addressList("Contact").get(0).sipUri().host()).isEqualTo("[2001:db8::1]");
    }
}
