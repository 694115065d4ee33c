package org.clearline.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class IpLiteralsTest {

    @Test
    void recognisesIpv4AndIpv6LiteralsOnly() {
        assertThat(IpLiterals.isIpLiteral("192.0.2.1")).isTrue();
        assertThat(IpLiterals.isIpLiteral("[2001:db8::1]")).isTrue();
        assertThat(IpLiterals.isIpLiteral("2001:db8::1")).isTrue();
        assertThat(IpLiterals.isIpLiteral("pc33.atlanta.com")).isFalse();
        assertThat(IpLiterals.isIpLiteral("192.0.2.256")).isFalse();
        assertThat(IpLiterals.isIpLiteral("")).isFalse();
        assertThat(IpLiterals.isIpLiteral(null)).isFalse();
    }

    @Test
    void namesAreNeverResolved() {
        // "localhost" would resolve to 127.0.0.1; a literal-only parser must say null.
        assertThat(IpLiterals.parse("localhost")).isNull();
        assertThat(IpLiterals.socketAddress("localhost", 5060)).isNull();
    }

    @Test
    void comparesAddressesByValueNotSpelling() throws Exception {
        InetAddress v6 = InetAddress.getByName("2001:db8::1");
        assertThat(IpLiterals.sameAddress("[2001:0db8:0:0:0:0:0:1]", v6)).isTrue();
        assertThat(IpLiterals.sameAddress("192.0.2.1", InetAddress.getByName("192.0.2.1"))).isTrue();
        assertThat(IpLiterals.sameAddress("192.0.2.1", InetAddress.getByName("192.0.2.2"))).isFalse();
        assertThat(IpLiterals.sameAddress("atlanta.com", InetAddress.getByName("192.0.2.2"))).isFalse();
    }

    @Test
    void receivedTextIsCompressedWithoutBrackets() throws Exception {
        assertThat(IpLiterals.text(InetAddress.getByName("2001:db8:0:0:0:0:0:1"))).isEqualTo("2001:db8::1");
        assertThat(IpLiterals.text(InetAddress.getByName("192.0.2.1"))).isEqualTo("192.0.2.1");
    }
}
