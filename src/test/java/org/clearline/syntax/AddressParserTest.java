package org.clearline.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressParserTest {

    @Test
    void nameAddrWithQuotedDisplayNameAndEscapes() {
        NameAddr a = NameAddr.parse("\"J Rosenberg \\\\\\\"\"       <sip:jdrosen@example.com> ; tag = 98asjd8");
        assertThat(a.displayName()).isEqualTo("\"J Rosenberg \\\\\\\"\"");
        assertThat(a.sipUri().user()).isEqualTo("jdrosen");
        assertThat(a.tag()).isEqualTo("98asjd8");
    }

    @Test
    void tokenDisplayName() {
        NameAddr a = NameAddr.parse("A. Bell <sip:a.g.bell@example.com>;tag=qweoiqpe");
        assertThat(a.displayName()).isEqualTo("A. Bell");
        assertThat(a.tag()).isEqualTo("qweoiqpe");
        NameAddr b = NameAddr.parse("token1~` token2'+_ token3*%!.- <sip:mundane@example.com>;fromParam''~+*_!.-%=\"\u00d1\u0080\";tag=_token~1'+`*%!-.");
        assertThat(b.displayName()).isEqualTo("token1~` token2'+_ token3*%!.-");
        assertThat(b.tag()).isEqualTo("_token~1'+`*%!-.");
        assertThat(b.params().get("fromParam''~+*_!.-%")).isEqualTo("\"\u00d1\u0080\"");
    }

    @Test
    void addrSpecParamsAreHeaderParams() {
        // §20.10, RFC 4475 cparam01
        NameAddr c = NameAddr.parse("sip:+19725552222@gw1.example.net;unknownparam");
        assertThat(c.uri().toString()).isEqualTo("sip:+19725552222@gw1.example.net");
        assertThat(c.sipUri().params().isEmpty()).isTrue();
        assertThat(c.params().has("unknownparam")).isTrue();
        NameAddr to = NameAddr.parse("sip:+16505552222@ss1.example.net;user=phone");
        assertThat(to.params().get("user")).isEqualTo("phone");
        assertThat(to.sipUri().params().has("user")).isFalse();
        NameAddr spaced = NameAddr.parse("sip:vivekg@chair-dnrc.example.com ;   tag    = 1918181833n");
        assertThat(spaced.tag()).isEqualTo("1918181833n");
    }

    @Test
    void paramsInsideBracketsBelongToTheUri() {
        NameAddr r = NameAddr.parse("<sip:services.example.com;lr;unknownwith=value;unknown-no-value>");
        assertThat(r.sipUri().looseRouting()).isTrue();
        assertThat(r.params().isEmpty()).isTrue();
        assertThat(r.displayName()).isNull();
    }

    @Test
    void listsSplitAtTopLevelCommas() {
        List<NameAddr> list = NameAddr.parseList("\"Doe, John\" <sip:j@a.example>;q=0.5, <sip:k@b.example;lr>,sip:m@c.example;expires=60");
        assertThat(list).hasSize(3);
        assertThat(list.get(0).displayName()).isEqualTo("\"Doe, John\"");
        assertThat(list.get(0).params().get("q")).isEqualTo("0.5");
        assertThat(list.get(1).sipUri().looseRouting()).isTrue();
        assertThat(list.get(2).params().get("expires")).isEqualTo("60");
    }

    @Test
    void otherSchemesAndIpv6() {
        assertThat(NameAddr.parse("isbn:2983792873").uri()).isInstanceOf(OtherUri.class);
        assertThat(NameAddr.parse("<http://www.example.com>;tag=3234233").tag()).isEqualTo("3234233");
        assertThat(NameAddr.parse("\"Caller\" <sip:caller@[2001:db8::1]>").sipUri().host()).isEqualTo("[2001:db8::1]");
        assertThat(NameAddr.parse("<tel:+1-555-0100>").uri()).isInstanceOf(TelUri.class);
    }

    @Test
    void printsInNameAddrForm() {
        assertThat(NameAddr.parse("sip:a@b.example;tag=1").toString()).isEqualTo("<sip:a@b.example>;tag=1");
        assertThat(NameAddr.parse("Bob <sip:b@example.com>").toString()).isEqualTo("Bob <sip:b@example.com>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "", "   ", "\"Mr. J. User <sip:j.user@example.com>", "\"Watson, Thomas\" < sip:t.watson@example.org >",
        "<sip:a@b.example", "\"Joe\" <sip:joe@example.org>;;;;", "sip:user@example.com?Route=%3Csip:sip.example.com%3E",
        "<sip:a@b.example> junk", "Bob sip:b@example.com", "<sip:a@b.example>;=x", "<sip:a@b.example>;tag=a b"})
    void malformedAddressesAreRejected(String text) {
        assertThatThrownBy(() -> NameAddr.parse(text)).isInstanceOf(SipSyntaxException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<sip:a@b.example>,", ",<sip:a@b.example>", "<sip:a@b.example>,,<sip:c@d.example>", "*"})
    void malformedListsAreRejected(String text) {
        assertThatThrownBy(() -> NameAddr.parseList(text)).isInstanceOf(SipSyntaxException.class);
    }
}
