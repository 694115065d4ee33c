package org.clearline.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UriParserTest {

    @Test
    void sipUriWithEveryPart() {
        SipUri u = SipUri.parse("sips:alice:secret@Atlanta.example.com:5061;transport=tcp;lr;maddr=239.255.255.1?subject=project%20x&priority=urgent");
        assertThat(u.secure()).isTrue();
        assertThat(u.user()).isEqualTo("alice");
        assertThat(u.password()).isEqualTo("secret");
        assertThat(u.host()).isEqualTo("Atlanta.example.com");
        assertThat(u.port()).isEqualTo(5061);
        assertThat(u.transport()).isEqualTo("tcp");
        assertThat(u.looseRouting()).isTrue();
        assertThat(u.params().get("maddr")).isEqualTo("239.255.255.1");
        assertThat(u.headers()).isEqualTo("subject=project%20x&priority=urgent");
        assertThat(u.toString()).isEqualTo("sips:alice:secret@Atlanta.example.com:5061;transport=tcp;lr;maddr=239.255.255.1?subject=project%20x&priority=urgent");
    }

    @Test
    void userPartMayHoldSemicolonsAndQuestionMarks() {
        // RFC 4475 semiuri and intmeth: user-unreserved characters before the '@'
        SipUri semi = SipUri.parse("sip:user;par=u%40example.net@example.com");
        assertThat(semi.user()).isEqualTo("user;par=u%40example.net");
        assertThat(semi.userUnescaped()).isEqualTo("user;par=u@example.net");
        assertThat(semi.host()).isEqualTo("example.com");
        assertThat(semi.params().isEmpty()).isTrue();

        SipUri weird = SipUri.parse("sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*:&it+has=1,weird!*pas$wo~d_too.(doesn't-it)@example.com");
        assertThat(weird.user()).isEqualTo("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*");
        assertThat(weird.password()).isEqualTo("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)");
    }

    @Test
    void ipv6ReferencesKeepTheirBrackets() {
        SipUri bare = SipUri.parse("sip:[2001:db8::10:5070]");
        assertThat(bare.host()).isEqualTo("[2001:db8::10:5070]");
        assertThat(bare.port()).isEqualTo(-1);
        SipUri ported = SipUri.parse("sip:user@[2001:db8::10]:5070;transport=udp");
        assertThat(ported.host()).isEqualTo("[2001:db8::10]");
        assertThat(ported.port()).isEqualTo(5070);
        // RFC 5118 §4.10: the three-colon form is tolerated
        assertThat(SipUri.parse("sip:user@[2001:db8:::192.0.2.1]").host()).isEqualTo("[2001:db8:::192.0.2.1]");
        assertThat(SipUri.parse("sip:[::ffff:192.0.2.1]").host()).isEqualTo("[::ffff:192.0.2.1]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sip:2001:db8::10", "sip:user@[2001:db8::10", "sip:user@[2001:db8:::10:::1]",
        "sip:", "sip:@example.com", "sip:user@", "sip:user@host:99999", "sip:user@host:5o60", "sip:user@exa mple.com",
        "sip:user@example.com;;lr", "sip:user@example.com;=x", "sip:user@example.com?", "sip:user@example.com?a",
        "sip:us%zzer@example.com", "sip:user@-bad-.com", "sip:user@192.0.2", "sip:user@256.1.1.1",
        ":nothing", "1abc:foo", "no-scheme", "tel:", "tel:+", "tel:12a;;x", "http:", "foo:bar baz", "sip:user@example.com>"})
    void malformedUrisAreRejected(String text) {
        assertThatThrownBy(() -> Uri.parse(text)).isInstanceOf(SipSyntaxException.class);
    }

    @Test
    void telUriDropsVisualSeparators() {
        TelUri t = (TelUri) Uri.parse("tel:+1-201-555-0123;ext=42");
        assertThat(t.number()).isEqualTo("+12015550123");
        assertThat(t.isGlobal()).isTrue();
        assertThat(t.params().get("ext")).isEqualTo("42");
        TelUri local = (TelUri) Uri.parse("tel:7042;phone-context=example.com");
        assertThat(local.isGlobal()).isFalse();
        assertThat(local.params().get("phone-context")).isEqualTo("example.com");
    }

    @Test
    void otherSchemesAreKeptVerbatim() {
        Uri u = Uri.parse("soap.beep://192.0.2.103:3002");
        assertThat(u).isInstanceOf(OtherUri.class);
        assertThat(u.scheme()).isEqualTo("soap.beep");
        assertThat(u.toString()).isEqualTo("soap.beep://192.0.2.103:3002");
        assertThat(Uri.parse("nobodyKnowsThisScheme:totallyopaquecontent").scheme()).isEqualTo("nobodyknowsthisscheme");
        assertThat(Uri.parse("SIP:bob@example.com")).isInstanceOf(SipUri.class);
    }

    @Test
    void unescapeDecodesOnlyWellFormedEscapes() {
        assertThat(UriParser.unescape("%61lice%20x")).isEqualTo("alice x");
        assertThat(UriParser.unescape("100%zz%4")).isEqualTo("100%zz%4");
        assertThat(UriParser.unescape("plain")).isSameAs("plain");
    }

    // §19.1.4 examples
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sip:%61lice@atlanta.com;transport=TCP | sip:alice@AtLanTa.CoM;Transport=tcp",
        "sip:carol@chicago.com | sip:carol@chicago.com;newparam=5",
        "sip:carol@chicago.com;security=on | sip:carol@chicago.com;newparam=5",
        "sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com | sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com",
        "sip:alice@atlanta.com?subject=project%20x&priority=urgent | sip:alice@atlanta.com?priority=urgent&subject=project%20x",
        "sip:[2001:DB8::1]:5060 | sip:[2001:db8:0::1]:5060",
        "sip:cal%6Cer@host5.example.net;%6C%72;n%61me=v%61lue%25%34%31 | sip:caller@HOST5.example.net;lr;name=value%2541"})
    void equivalentUris(String a, String b) {
        assertThat(SipUri.parse(a).equivalent(SipUri.parse(b))).isTrue();
        assertThat(SipUri.parse(b).equivalent(SipUri.parse(a))).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SIP:ALICE@AtLanTa.CoM;Transport=udp | sip:alice@AtLanTa.CoM;Transport=UDP",
        "sip:bob@biloxi.com | sip:bob@biloxi.com:5060",
        "sip:bob@biloxi.com | sip:bob@biloxi.com;transport=udp",
        "sip:bob@biloxi.com | sip:bob@biloxi.com:6000;transport=tcp",
        "sip:carol@chicago.com | sip:carol@chicago.com?Subject=next%20meeting",
        "sip:bob@phone21.boxesbybob.com | sip:bob@192.0.2.4",
        "sip:bob@biloxi.com | sips:bob@biloxi.com",
        "sip:bob@biloxi.com;maddr=192.0.2.1 | sip:bob@biloxi.com",
        "sip:bob@biloxi.com;user=phone | sip:bob@biloxi.com"})
    void differentUris(String a, String b) {
        assertThat(SipUri.parse(a).equivalent(SipUri.parse(b))).isFalse();
        assertThat(SipUri.parse(b).equivalent(SipUri.parse(a))).isFalse();
    }
}
