package org.clearline.analyzer.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** SVG ladders are well-formed, self-contained and escape what the trace holds. */
class SvgLadderTest {
    @Test
    void aLadderIsOneWellFormedSvgWithAGroupPerMessage() throws Exception {
        Ladder l = new Ladder(List.of("192.0.2.10:5060", "<evil>&\"x\""), List.of(
                new Ladder.Arrow("+0.000s", 0, 1, "INVITE sip:a&b@x SIP/2.0", Ladder.Style.REQUEST, false, "",
                        "INVITE sip:a&b@x SIP/2.0\r\nSubject: <script>alert(1)</script>\u0001\r\n"),
                new Ladder.Arrow("+0.500s", 0, 1, "INVITE sip:a&b@x SIP/2.0", Ladder.Style.REQUEST, true, "", null),
                Ladder.Arrow.of("+0.600s", 1, 0, "SIP/2.0 486 Busy Here", "peer")), 1);
        String svg = SvgLadder.render(l);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(doc.getElementsByTagName("g").getLength()).isEqualTo(3);
        assertThat(svg).doesNotContain("<script").doesNotContain("<evil>").contains("&lt;evil&gt;&amp;&quot;x&quot;")
                .contains("ld-failure").contains("ld-retrans").contains("(1 more messages not kept)")
                .doesNotContain("http://www.w3.org/1999/xlink").doesNotContain("href");
    }

    @Test
    void stylesFollowTheStartLine() {
        assertThat(Ladder.Style.of("SIP/2.0 100 Trying")).isEqualTo(Ladder.Style.PROVISIONAL);
        assertThat(Ladder.Style.of("SIP/2.0 200 OK")).isEqualTo(Ladder.Style.SUCCESS);
        assertThat(Ladder.Style.of("SIP/2.0 302 Moved")).isEqualTo(Ladder.Style.REDIRECT);
        assertThat(Ladder.Style.of("SIP/2.0 503 Service Unavailable")).isEqualTo(Ladder.Style.FAILURE);
        assertThat(Ladder.Style.of("BYE sip:x SIP/2.0")).isEqualTo(Ladder.Style.REQUEST);
    }
}
