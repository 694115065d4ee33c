package org.clearline.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ViaParserTest {

    @Test
    void plainVia() {
        Via v = Via.parse("SIP/2.0/UDP pc33.atlanta.example.com:5060;branch=z9hG4bK776asdhds;rport");
        assertThat(v.transport()).isEqualTo("UDP");
        assertThat(v.host()).isEqualTo("pc33.atlanta.example.com");
        assertThat(v.port()).isEqualTo(5060);
        assertThat(v.branch()).isEqualTo("z9hG4bK776asdhds");
        assertThat(v.rfc3261Branch()).isTrue();
        assertThat(v.hasRport()).isTrue();
        assertThat(v.rport()).isEqualTo(-1);
        assertThat(v.sentBy()).isEqualTo("pc33.atlanta.example.com:5060");
    }

    @Test
    void transportIsUpperCasedAndWhiteSpaceTolerated() {
        // RFC 4475 wsinv, after unfolding
        List<Via> vs = Via.parseList("SIP  / 2.0  / tcp     spindle.example.com   ; branch  =   z9hG4bK9ikj8  , "
                + "SIP  /    2.0   / UDP  192.168.255.111   ; branch= z9hG4bK30239");
        assertThat(vs).hasSize(2);
        assertThat(vs.get(0).transport()).isEqualTo("TCP");
        assertThat(vs.get(0).host()).isEqualTo("spindle.example.com");
        assertThat(vs.get(0).branch()).isEqualTo("z9hG4bK9ikj8");
        assertThat(vs.get(1).host()).isEqualTo("192.168.255.111");
        assertThat(vs.get(1).branch()).isEqualTo("z9hG4bK30239");
        assertThat(Via.parse("SIP/2.0/UDP host.example.com : 5070 ;branch=z9hG4bKx").port()).isEqualTo(5070);
    }

    @Test
    void ipv6SentByAndReceived() {
        Via v = Via.parse("SIP/2.0/UDP [2001:db8::9:1]:6050;received=[2001:db8::9:255];branch=z9hG4bKas3-111;rport=5062");
        assertThat(v.host()).isEqualTo("[2001:db8::9:1]");
        assertThat(v.port()).isEqualTo(6050);
        assertThat(v.received()).isEqualTo("[2001:db8::9:255]");
        assertThat(v.rport()).isEqualTo(5062);
        assertThat(Via.parse("SIP/2.0/TCP [2001:db8::9:255];branch=z9hG4bK451jj;received=192.0.2.200").received())
                .isEqualTo("192.0.2.200");
    }

    @Test
    void unknownTransportsAndParamsAreKept() {
        Via v = Via.parse("SIP/2.0/UNKNOWN t4.example.com;branch=z9hG4bKasd0f3en;ttl=16;maddr=224.2.0.1;x-foo=\"a b\"");
        assertThat(v.transport()).isEqualTo("UNKNOWN");
        assertThat(v.params().get("x-foo")).isEqualTo("\"a b\"");
        assertThat(v.toString()).isEqualTo("SIP/2.0/UNKNOWN t4.example.com;branch=z9hG4bKasd0f3en;ttl=16;maddr=224.2.0.1;x-foo=\"a b\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SIP/2.0/UDP 192.0.2.15;;,;,,", "SIP/2.0/UDP", "SIP/2.0 host.example.com", "SIP/2.0/UDPhost.example.com",
        "SIP/2.0/UDP host.example.com;branch", "SIP/2.0/UDP host.example.com;ttl=300", "SIP/2.0/UDP host:70000",
        "SIP/2.0/UDP [2001:db8::1", "SIP/2.0/UDP host;rport=x", "SIP/2.0/UDP host;received=not_an_ip!", "",
        "SIP/2.0/UDP host,", "SIP/2.0/UDP host junk"})
    void malformedViasAreRejected(String text) {
        assertThatThrownBy(() -> Via.parseList(text)).isInstanceOf(SipSyntaxException.class);
    }

    @Test
    void parseOneRejectsALists() {
        assertThatThrownBy(() -> Via.parse("SIP/2.0/UDP a.example;branch=z9hG4bK1, SIP/2.0/UDP b.example;branch=z9hG4bK2"))
                .isInstanceOf(SipSyntaxException.class);
    }
}
