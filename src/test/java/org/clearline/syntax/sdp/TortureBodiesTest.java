package org.clearline.syntax.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The SDP bodies of the SIP torture corpora (RFC 4475, RFC 5118) under src/test/resources/corpora. */
class TortureBodiesTest {

    @Test
    void rfc4475Sdp01() {
        // §3.3.15: the SIP is about Accept; the offer itself is ordinary, with a clock-rate-less rtpmap
        SessionDescription sd = Fixtures.parsed(Fixtures.sipBody("rfc4475", "sdp01.sip"));
        assertThat(sd.origin().username()).isEqualTo("mhandley");
        assertThat(sd.media()).hasSize(2);
        MediaDescription audio = sd.media().get(0);
        assertThat(audio.port()).isEqualTo(49217);
        assertThat(audio.codecNames()).containsExactly("PCMU", "QCELP");
        MediaDescription video = sd.media().get(1);
        assertThat(video.port()).isEqualTo(3227);
        // the rtpmap renames static 31 (H261) to LPC, and rtpmap wins
        assertThat(video.codecNames()).containsExactly("LPC");
        assertThat(video.connection()).isEqualTo(new Connection("IN", "IP4", "192.0.2.5"));
    }

    @Test
    void rfc4475Mpart01BodyIsMultipartNotSdp() {
        // §3.1.1.11: a MESSAGE with a multipart/mixed body; handed to the SDP parser by mistake it must be refused
        SdpResult r = Sdp.parse(Fixtures.sipBody("rfc4475", "mpart01.sip"));
        assertThat(r).isEqualTo(new SdpError(1, "expected <type>=<value>, found '--7a9cbec02ceef655'"));
    }

    @Test
    void rfc5118MultipleAddressFamiliesWithoutSessionConnection() {
        // §4.8: no session c=, one stream on IPv4 and one on IPv6, and an empty s=
        SessionDescription sd = Fixtures.parsed(Fixtures.sipBody("rfc5118", "mult-ip-in-sdp.sip"));
        assertThat(sd.sessionName()).isEmpty();
        assertThat(sd.connection()).isNull();
        assertThat(sd.media()).extracting(m -> m.connection().addressType()).containsExactly("IP4", "IP6");
        assertThat(sd.media().get(1).connection().address()).isEqualTo("2001:db8::1");
        assertThat(sd.media().get(1).codecNames()).containsExactly("H263-1998");
    }

    @Test
    void rfc5118Ipv6Offer() {
        SessionDescription sd = Fixtures.parsed(Fixtures.sipBody("rfc5118", "ipv6-in-sdp.sip"));
        assertThat(sd.origin()).isEqualTo(new Origin("assistant", "971731711378798081", "0", "IN", "IP6", "2001:db8::20"));
        assertThat(sd.sessionName()).isEqualTo("Live video feed for today's meeting");
        assertThat(sd.connection().addressType()).isEqualTo("IP6");
        // PT 2 is reserved in RFC 3551; the rtpmap makes it G726-32
        assertThat(sd.media().get(0).codecNames()).containsExactly("G726-32");
    }
}
