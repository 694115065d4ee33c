package org.clearline.analyzer.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Address text and the ranges that mean "behind NAT". */
class AddressesTest {
    @Test
    void privateRangesAndTheirEdges() {
        assertThat(IpAddresses.isPrivate("10.0.0.1")).isTrue();
        assertThat(IpAddresses.isPrivate("172.16.0.1")).isTrue();
        assertThat(IpAddresses.isPrivate("172.31.255.255")).isTrue();
        assertThat(IpAddresses.isPrivate("172.32.0.1")).isFalse();
        assertThat(IpAddresses.isPrivate("192.168.1.50")).isTrue();
        assertThat(IpAddresses.isPrivate("100.64.0.1")).isTrue();   // RFC 6598, carrier-grade NAT
        assertThat(IpAddresses.isPrivate("100.128.0.1")).isFalse();
        assertThat(IpAddresses.isPrivate("169.254.3.4")).isTrue();
        assertThat(IpAddresses.isPrivate("fd00::1")).isTrue();
        assertThat(IpAddresses.isPrivate("[fe80::1]")).isTrue();
        assertThat(IpAddresses.isPrivate("2001:db8::1")).isFalse();
        assertThat(IpAddresses.isPrivate("127.0.0.1")).isFalse();
        assertThat(IpAddresses.isPrivate("pbx.example.com")).isFalse();
        assertThat(IpAddresses.isPrivate("256.1.1.1")).isFalse();
        assertThat(IpAddresses.isLoopback("127.0.0.1")).isTrue();
        assertThat(IpAddresses.isLoopback("::1")).isTrue();
    }

    @Test
    void ipv6TextIsCanonical() {
        byte[] a = new byte[16];
        a[0] = 0x20;
        a[1] = 0x01;
        a[2] = 0x0d;
        a[3] = (byte) 0xb8;
        a[15] = 1;
        assertThat(IpAddresses.v6(a, 0)).isEqualTo("2001:db8::1");
        assertThat(IpAddresses.v6(new byte[16], 0)).isEqualTo("::");
        a[5] = 1; // a single zero group is not shortened
        assertThat(IpAddresses.v6(a, 0)).isEqualTo("2001:db8:1::1");
    }

    @Test
    void endpointsReadAndWriteEveryForm() {
        assertThat(Endpoint.parse("192.0.2.1:5060")).isEqualTo(new Endpoint("192.0.2.1", 5060));
        assertThat(Endpoint.parse("[2001:db8::1]:5061")).isEqualTo(new Endpoint("2001:db8::1", 5061));
        assertThat(Endpoint.parse("2001:db8::1")).isEqualTo(new Endpoint("2001:db8::1", -1));
        assertThat(Endpoint.parse("pbx.example.com")).isEqualTo(new Endpoint("pbx.example.com", -1));
        assertThat(Endpoint.parse("host:99999")).isEqualTo(new Endpoint("host:99999", -1));
        assertThat(new Endpoint("2001:db8::1", 5061).toString()).isEqualTo("[2001:db8::1]:5061");
        assertThat(Endpoint.LOCAL.toString()).isEqualTo("local");
        assertThat(new Endpoint("192.0.2.1", 5060).isIpAddress()).isTrue();
        assertThat(Endpoint.REMOTE.isIpAddress()).isFalse();
    }

    @Test
    void problemsAreCountedAndBounded() {
        Problems p = new Problems();
        p.add("a.pcap", "truncated");
        p.add("a.pcap", "truncated");
        for (int i = 0; i < Problems.MAX_DISTINCT + 5; i++) p.add("b.pcap", "problem " + i);
        assertThat(p.lines()).startsWith("a.pcap: truncated (2 times)").endsWith("(6 more problems not listed)")
                .hasSize(Problems.MAX_DISTINCT + 1);
    }
}
