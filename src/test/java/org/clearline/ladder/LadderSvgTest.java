package org.clearline.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The SVG ladder: one arrow per message in time order, lanes in a stable order, everything escaped. */
class LadderSvgTest {
    private static final String CALLER = "udp:192.0.2.10:5060";
    private static final String SERVER = "clearline";
    private static final String CALLEE = "udp:192.0.2.20:5062";
    private static final long T0 = 1_767_225_600_000L;

    /** A call refused by the callee: INVITE, 100, forwarded INVITE, 486, ACK to the callee, 486, ACK. */
    private static List<LadderMessage> busyCall() {
        return List.of(
                msg(0, CALLER, SERVER, "INVITE sip:bob@example.com SIP/2.0", false),
                msg(1, SERVER, CALLER, "SIP/2.0 100 Trying", false),
                msg(2, SERVER, CALLEE, "INVITE sip:bob@192.0.2.20:5062 SIP/2.0", false),
                msg(40, CALLEE, SERVER, "SIP/2.0 486 Busy Here", true),
                msg(41, SERVER, CALLEE, "ACK sip:bob@192.0.2.20:5062 SIP/2.0", false),
                msg(41, SERVER, CALLER, "SIP/2.0 486 Busy Here", true),
                msg(45, CALLER, SERVER, "ACK sip:bob@example.com SIP/2.0", false));
    }

    @Test
    void drawsOneArrowPerMessageNumberedInTimeOrder() throws Exception {
        List<LadderMessage> shuffled = new ArrayList<>(busyCall());
        java.util.Collections.reverse(shuffled.subList(0, 3)); // given out of order: the ladder sorts by time
        Ladder ladder = Ladder.of(List.of(new Lane(CALLER, "caller", CALLER), new Lane(SERVER, "Clearline", "")),
                shuffled);
        Document svg = parse(LadderSvg.svg(ladder, "call"));

        NodeList arrows = nodes(svg, "//*[local-name()='g'][contains(@class,'arrow') and @data-index]");
        assertThat(arrows.getLength()).isEqualTo(7);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < arrows.getLength(); i++) {
            Element g = (Element) arrows.item(i);
            assertThat(g.getAttribute("data-index")).isEqualTo(Integer.toString(i + 1));
            labels.add(text(g, ".//*[local-name()='text'][@class='label']"));
        }
        assertThat(labels).containsExactly("INVITE sip:bob@example.com", "100 Trying",
                "INVITE sip:bob@192.0.2.20:5062", "486 Busy Here", "ACK sip:bob@192.0.2.20:5062", "486 Busy Here",
                "ACK sip:bob@example.com");
        Element first = (Element) arrows.item(0);
        assertThat(first.getAttribute("data-from")).isEqualTo(CALLER);
        assertThat(text(first, ".//*[local-name()='text'][@class='offset']")).isEqualTo("+0.000 s");
        assertThat(text((Element) arrows.item(3), ".//*[local-name()='text'][@class='offset']")).isEqualTo("+0.040 s");
        assertThat(((Element) arrows.item(3)).getAttribute("class")).isEqualTo("arrow failed");
        assertThat(((Element) arrows.item(2)).getAttribute("class")).isEqualTo("arrow");
        // each arrow links to its message in the list
        assertThat(text(first, ".//*[local-name()='a']/@href")).isEqualTo("#call-msg-1");
    }

    @Test
    void lanesGivenFirstKeepTheirOrderAndOthersFollowInOrderOfAppearance() throws Exception {
        String trunk = "udp:198.51.100.7:5060";
        List<LadderMessage> messages = new ArrayList<>(busyCall());
        messages.add(msg(50, SERVER, trunk, "INVITE sip:+4930@198.51.100.7 SIP/2.0", false));
        Ladder ladder = Ladder.of(List.of(new Lane(CALLER, "caller", CALLER), new Lane(SERVER, "Clearline", "")),
                messages);
        assertThat(ladder.lanes()).extracting(Lane::endpoint).containsExactly(CALLER, SERVER, CALLEE, trunk);

        Document svg = parse(LadderSvg.svg(ladder, "x"));
        NodeList lanes = nodes(svg, "//*[local-name()='g'][@class='lane']");
        assertThat(lanes.getLength()).isEqualTo(4);
        assertThat(((Element) lanes.item(0)).getAttribute("data-endpoint")).isEqualTo(CALLER);
        assertThat(text((Element) lanes.item(1), ".//*[local-name()='text']")).isEqualTo("Clearline");
        // the callee's lane lies right of the server's, so its arrow points right
        Element forwarded = (Element) nodes(svg, "//*[local-name()='g'][@data-index='3']").item(0);
        Element line = (Element) nodes(forwarded, ".//*[local-name()='line']").item(0);
        assertThat(Integer.parseInt(line.getAttribute("x2"))).isGreaterThan(Integer.parseInt(line.getAttribute("x1")));

        // a lane nobody named up front is titled with its endpoint
        assertThat(Ladder.of(List.of(), busyCall()).lanes()).extracting(Lane::title)
                .containsExactly(CALLER, SERVER, CALLEE);
    }

    @Test
    void textFromTheWireIsEscapedInTheSvgAndTheList() throws Exception {
        String evil = "INVITE sip:\"><script>alert(1)</script>@example.com SIP/2.0";
        String text = evil + "\r\nFrom: \"<script>alert('x')</script>\" <sip:eve@example.com>;tag=1\r\n\r\n";
        Ladder ladder = Ladder.of(List.of(Lane.of("<img src=x onerror=alert(1)>")),
                List.of(new LadderMessage(T0, "<img src=x onerror=alert(1)>", SERVER, LadderMessage.labelOf(evil),
                        text, false)));
        String html = LadderSvg.html(ladder, "\"><b>");

        assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .contains("data-endpoint=\"&lt;img src=x onerror=alert(1)&gt;\"");
        // still well-formed: the parser sees the evil text as text
        Document svg = parse(LadderSvg.svg(ladder, "\"><b>"));
        assertThat(text(svg.getDocumentElement(), "//*[local-name()='g'][@data-index='1']/*[local-name()='a']/@href"))
                .isEqualTo("#l---b--msg-1");
        assertThat(text(svg.getDocumentElement(), "//*[local-name()='a']/*[local-name()='title']"))
                .isEqualTo("1. INVITE sip:\"><script>alert(1)</script>@example.com");
    }

    @Test
    void theListHoldsEachWholeMessageUnderItsArrowsId() {
        Ladder ladder = Ladder.of(List.of(), busyCall());
        String list = LadderSvg.messageList(ladder, "call");
        assertThat(list.split("<details ", -1)).hasSize(8);
        assertThat(list).contains("<details id=\"call-msg-4\" class=\"failed\"><summary><span class=\"offset\">+0.040 s"
                + "</span> <span class=\"hop\">udp:192.0.2.20:5062 \u2192 clearline</span> <span class=\"label\">486 Busy"
                + " Here</span></summary>\n<pre>SIP/2.0 486 Busy Here\r\nContent-Length: 0\r\n\r\n</pre>");
    }

    @Test
    void longLabelsAreCutOnTheArrowButWholeInItsTitle() throws Exception {
        String uri = "INVITE sip:+4930123456789012345678901234567890@a-very-long-host-name.example.com SIP/2.0";
        Ladder ladder = Ladder.of(List.of(), List.of(msg(0, CALLER, SERVER, uri, false)));
        Document svg = parse(LadderSvg.svg(ladder, "c"));
        String shown = text(svg.getDocumentElement(), "//*[local-name()='text'][@class='label']");
        assertThat(shown).endsWith("\u2026").hasSizeLessThan(LadderMessage.labelOf(uri).length());
        assertThat(LadderMessage.labelOf(uri)).startsWith(shown.substring(0, shown.length() - 1));
        assertThat(text(svg.getDocumentElement(), "//*[local-name()='a']/*[local-name()='title']"))
                .isEqualTo("1. " + LadderMessage.labelOf(uri));
    }

    @Test
    void aMessageToItselfIsALoopAndAnEmptyLadderStillDraws() throws Exception {
        Ladder loop = Ladder.of(List.of(), List.of(msg(0, SERVER, SERVER, "OPTIONS sip:self SIP/2.0", false)));
        Document svg = parse(LadderSvg.svg(loop, "c"));
        assertThat(nodes(svg, "//*[local-name()='g'][@data-index='1']//*[local-name()='path']").getLength()).isEqualTo(1);

        Document empty = parse(LadderSvg.svg(Ladder.of(List.of(Lane.of(SERVER)), List.of()), "e"));
        assertThat(nodes(empty, "//*[local-name()='g'][@data-index]").getLength()).isZero();
        assertThat(text(empty.getDocumentElement(), "//*[local-name()='title']"))
                .isEqualTo("Ladder diagram: 0 messages between 1 endpoint");
    }

    /** What the trace analyzer draws: retransmissions, notes after the last lane, the count of messages not kept. */
    @Test
    void retransmissionsNotesAndOmittedMessagesAreDrawn() throws Exception {
        List<Lane> lanes = List.of(Lane.of("192.0.2.10:5060"), Lane.of("<evil>&\"x\""));
        Ladder ladder = new Ladder(lanes, List.of(
                new LadderMessage(0, "192.0.2.10:5060", "<evil>&\"x\"", "INVITE sip:a&b@x SIP/2.0",
                        "INVITE sip:a&b@x SIP/2.0\r\nSubject: <script>alert(1)</script>\u0001\r\n", false),
                new LadderMessage(500, "192.0.2.10:5060", "<evil>&\"x\"", "INVITE sip:a&b@x SIP/2.0", "", false,
                        true, ""),
                new LadderMessage(600, "<evil>&\"x\"", "192.0.2.10:5060", "SIP/2.0 486 Busy Here", "", true, false,
                        "refused by the parser: bad Via")), 0, 1);
        String html = LadderSvg.html(ladder, "call-1");
        Document svg = parse(LadderSvg.svg(ladder, "call-1"));

        NodeList arrows = nodes(svg, "//*[local-name()='g'][@data-index]");
        assertThat(arrows.getLength()).isEqualTo(3);
        Element again = (Element) arrows.item(1);
        assertThat(again.getAttribute("class")).isEqualTo("arrow again");
        assertThat(text(again, ".//*[local-name()='text'][@class='label']")).endsWith(" (again)");
        assertThat(((Element) nodes(again, ".//*[local-name()='line']").item(0)).getAttribute("stroke-dasharray"))
                .isEqualTo("6 3");
        Element busy = (Element) arrows.item(2);
        assertThat(busy.getAttribute("data-kind")).isEqualTo("failure");
        assertThat(((Element) arrows.item(0)).getAttribute("data-kind")).isEqualTo("request");
        // the note stands right of the last lane
        int lastLane = Integer.parseInt(((Element) nodes(svg, "//*[local-name()='g'][@class='lane']/*[local-name()='line']")
                .item(1)).getAttribute("x1"));
        Element note = (Element) nodes(busy, ".//*[local-name()='text'][@class='note']").item(0);
        assertThat(note.getTextContent()).isEqualTo("refused by the parser: bad Via");
        assertThat(Integer.parseInt(note.getAttribute("x"))).isGreaterThan(lastLane);
        assertThat(text(svg.getDocumentElement(), "//*[local-name()='text'][@class='omitted']"))
                .isEqualTo("(1 more messages not kept)");

        // the list says the same, and a message whose text was not kept shows its start line
        assertThat(html).contains("<span class=\"again\">(again)</span></summary>\n<pre>INVITE sip:a&amp;b@x SIP/2.0</pre>")
                .contains("<span class=\"note\">refused by the parser: bad Via</span>")
                .contains("Subject: &lt;script&gt;alert(1)&lt;/script&gt;\uFFFD\r\n")
                .contains("&lt;evil&gt;&amp;&quot;x&quot;").doesNotContain("<script").doesNotContain("<evil>");
    }

    @Test
    void arrowsAreColouredByWhatTheyCarry() throws Exception {
        List<LadderMessage> flow = List.of(msg(0, CALLER, SERVER, "INVITE sip:bob@example.com SIP/2.0", false),
                msg(1, SERVER, CALLER, "SIP/2.0 407 Proxy Authentication Required", false),
                msg(2, SERVER, CALLER, "SIP/2.0 180 Ringing", false),
                msg(3, SERVER, CALLER, "SIP/2.0 200 OK", false),
                msg(4, SERVER, CALLER, "SIP/2.0 603 Decline", true));
        Document svg = parse(LadderSvg.svg(Ladder.of(List.of(), flow), "c"));
        List<String> kinds = new ArrayList<>();
        NodeList arrows = nodes(svg, "//*[local-name()='g'][@data-index]");
        for (int i = 0; i < arrows.getLength(); i++) kinds.add(((Element) arrows.item(i)).getAttribute("data-kind"));
        assertThat(kinds).containsExactly("request", "other", "provisional", "success", "failure");
        // a failure is red whatever its code, so a page without a style sheet still shows it
        assertThat(text(svg.getDocumentElement(), "//*[local-name()='g'][@data-index='5']//*[local-name()='polygon']/@fill"))
                .isEqualTo("#c62828");
    }

    @Test
    void aTraceWithoutTimesIsDrawnInTheOrderGiven() {
        Ladder ladder = new Ladder(List.of(Lane.of(CALLER), Lane.of(SERVER)),
                List.of(new LadderMessage(LadderMessage.NO_TIME, CALLER, SERVER, "BYE sip:x SIP/2.0", "", false)), 0);
        assertThat(ladder.offset(ladder.messages().getFirst(), " s")).isEmpty();
        assertThat(LadderSvg.messageList(ladder, "t")).contains("<span class=\"offset\"></span>");
    }

    @Test
    void statusCodesAreReadFromLabelsAndStartLines() {
        assertThat(LadderMessage.status("SIP/2.0 486 Busy Here")).isEqualTo(486);
        assertThat(LadderMessage.status("486 Busy Here")).isEqualTo(486);
        assertThat(LadderMessage.status("INVITE sip:bob@example.com SIP/2.0")).isEqualTo(-1);
        assertThat(LadderMessage.status("4860 x")).isEqualTo(-1);
        assertThat(LadderMessage.status(null)).isEqualTo(-1);
    }

    @Test
    void labelsDropTheSipVersion() {
        assertThat(LadderMessage.labelOf("SIP/2.0 180 Ringing")).isEqualTo("180 Ringing");
        assertThat(LadderMessage.labelOf("BYE sip:alice@192.0.2.10 SIP/2.0")).isEqualTo("BYE sip:alice@192.0.2.10");
        assertThat(LadderMessage.labelOf("garbage")).isEqualTo("garbage");
        assertThat(LadderMessage.labelOf(null)).isEmpty();
        assertThat(LadderMessage.labelOf(LadderMessage.labelOf("SIP/2.0 180 Ringing"))).isEqualTo("180 Ringing");
    }

    private static LadderMessage msg(long offset, String from, String to, String startLine, boolean failed) {
        return new LadderMessage(T0 + offset, from, to, LadderMessage.labelOf(startLine),
                startLine + "\r\nContent-Length: 0\r\n\r\n", failed);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static NodeList nodes(Object context, String xpath) throws Exception {
        return (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, context, XPathConstants.NODESET);
    }

    private static String text(Object context, String xpath) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(xpath, context);
    }
}
