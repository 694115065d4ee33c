package org.clearline.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** A header's value read from a message's bytes, as a transaction's kept response needs it. */
class WireScanTest {
    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void findsTheCallIdOfAResponseWeEncoded() {
        SipResponse ok = new SipResponse(200, "OK", new ArrayList<>(), null);
        ok.addHeader("Via", "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-1;received=127.0.0.1");
        ok.addHeader("From", "<sip:alice@example.com>;tag=a1");
        ok.addHeader("To", "<sip:alice@example.com>;tag=b2");
        ok.addHeader("Call-ID", "843817637684230@998sdasdh09");
        ok.addHeader("CSeq", "1826 REGISTER");

        assertThat(WireScan.callId(ok.encode())).isEqualTo("843817637684230@998sdasdh09");
    }

    @Test
    void readsCompactFormsAnyCaseAndSpaceBeforeTheColon() {
        assertThat(WireScan.callId(bytes("SIP/2.0 401 Unauthorized\r\nv: SIP/2.0/UDP h;branch=z9hG4bK-2\r\n"
                + "i :  abc@h \r\nl: 0\r\n\r\n"))).isEqualTo("abc@h");
        assertThat(WireScan.callId(bytes("BYE sip:b@h SIP/2.0\ncall-id: lf-only@h\n\n"))).isEqualTo("lf-only@h");
        assertThat(WireScan.callId(bytes("SIP/2.0 200 OK\r\nCALL-ID:x@y\r\n\r\n"))).isEqualTo("x@y");
    }

    @Test
    void looksOnlyInTheHeaderSectionAndNotAtLookalikes() {
        assertThat(WireScan.callId(bytes("SIP/2.0 200 OK\r\nCall-Info: <http://h/i>\r\nid: 7\r\n\r\nCall-ID: body@h\r\n")))
                .isNull();
        assertThat(WireScan.callId(bytes("Call-ID: start-line@h\r\n\r\n"))).as("the start line is no header").isNull();
        assertThat(WireScan.callId(new byte[0])).isNull();
    }
}
