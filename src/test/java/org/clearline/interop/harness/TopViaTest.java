package org.clearline.interop.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class TopViaTest {

    private static byte[] corpus(String name) throws IOException {
        return Files.readAllBytes(Workspace.resource("/corpora/rfc4475/" + name));
    }

    @Test
    void rewritesTransportAndSentByOfTheFirstViaOnly() {
        byte[] in = ("OPTIONS sip:u@example.com SIP/2.0\r\nVia: SIP/2.0/TLS host.example.com:5061;branch=z9hG4bK1\r\n"
                + "Via: SIP/2.0/UDP other.example.com;branch=z9hG4bK2\r\nContent-Length: 0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);

        String out = new String(TopVia.rewrite(in, "UDP", 40000), StandardCharsets.US_ASCII);

        assertThat(out).contains("Via: SIP/2.0/UDP 127.0.0.1:40000;branch=z9hG4bK1\r\n")
                .contains("Via: SIP/2.0/UDP other.example.com;branch=z9hG4bK2\r\n");
    }

    @Test
    void followsLineFoldingInsideTheVia() throws IOException {
        // wsinv.sip folds the sent-protocol over two lines and the host over a third
        String out = new String(TopVia.rewrite(corpus("wsinv.sip"), "TCP", 40001), StandardCharsets.ISO_8859_1);

        assertThat(out).contains("127.0.0.1:40001;branch=390skdjuw").doesNotContain("192.0.2.2;branch=390skdjuw");
    }

    @Test
    void keepsEveryOtherByteIncludingBinaryBodies() throws IOException {
        byte[] in = corpus("mpart01.sip");
        byte[] out = TopVia.rewrite(in, "UDP", 40002);
        int headEnd = new String(in, StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n");
        int outHeadEnd = new String(out, StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n");

        assertThat(java.util.Arrays.copyOfRange(out, outHeadEnd, out.length))
                .isEqualTo(java.util.Arrays.copyOfRange(in, headEnd, in.length));
    }

    @Test
    void handlesOtherSipVersionsAndTellsResponsesApart() throws IOException {
        String out = new String(TopVia.rewrite(corpus("badvers.sip"), "UDP", 40003), StandardCharsets.ISO_8859_1);

        assertThat(out).contains("SIP/7.0/UDP 127.0.0.1:40003;branch=z9hG4bKkdjuw");
        assertThat(TopVia.isRequest(corpus("badvers.sip"))).isTrue();
        assertThat(TopVia.isRequest(corpus("bigcode.sip"))).isFalse();
    }
}
