package org.clearline.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeaderNamesTest {

    @ParameterizedTest
    @CsvSource({"via,Via", "V,Via", "v,Via", "VIA,Via", "i,Call-ID", "CALL-ID,Call-ID", "l,Content-Length",
        "content-length,Content-Length", "m,Contact", "f,From", "t,To", "cseq,CSeq", "x-custom,x-custom",
        "C%6Fntact,C%6Fntact", "Max-Forwards,Max-Forwards", "record-route,Record-Route", "k,Supported"})
    void canonicalFromStringAndFromBytesAgree(String written, String canonical) {
        assertThat(HeaderNames.canonical(written)).isEqualTo(canonical);
        byte[] b = ("xx" + written + "yy").getBytes(StandardCharsets.ISO_8859_1);
        String fromBytes = HeaderNames.canonical(b, 2, written.length());
        assertThat(fromBytes).isEqualTo(canonical);
        if (!canonical.equals(written) || !canonical.startsWith("x")) {
            // known names come back as the shared constant, so == comparisons work
            assertThat(HeaderNames.canonical(fromBytes)).isSameAs(fromBytes);
        }
    }
}
