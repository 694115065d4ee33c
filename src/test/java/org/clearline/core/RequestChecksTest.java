package org.clearline.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.clearline.syntax.MessageParser;
import org.clearline.syntax.ParseResult;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SyntaxLimits;
import org.junit.jupiter.api.Test;

/** The To tags of responses sent statelessly (§8.2.7): one per request, whoever answers it. */
class RequestChecksTest {
    private static final MessageParser PARSER = new MessageParser(SyntaxLimits.DEFAULT);

    private static SipRequest register(String branch, int cseq, String to) {
        String text = Sip.message("REGISTER sip:example.com SIP/2.0",
                "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=" + branch, "Max-Forwards: 70",
                "From: <sip:alice@example.com>;tag=a1", "To: " + to, "Call-ID: r@a", "CSeq: " + cseq + " REGISTER");
        return switch (PARSER.parse(text.getBytes(StandardCharsets.UTF_8))) {
            case ParseResult.Success s -> (SipRequest) s.message();
            case ParseResult.Failure f -> throw new AssertionError(f.toString());
        };
    }

    @Test
    void theSameRequestGetsTheSameTagAndAnotherOneAnother() {
        String tag = RequestChecks.statelessToTag(register("z9hG4bK-1", 1, "<sip:alice@example.com>"));

        assertThat(tag).matches("[0-9a-f]{16}");
        assertThat(RequestChecks.statelessToTag(register("z9hG4bK-1", 1, "<sip:alice@example.com>")))
                .as("a retransmission, parsed anew").isEqualTo(tag);
        assertThat(RequestChecks.statelessToTag(register("z9hG4bK-2", 2, "<sip:alice@example.com>")))
                .as("the next REGISTER").isNotEqualTo(tag);
        assertThat(RequestChecks.statelessToTag(register("z9hG4bK-1", 2, "<sip:alice@example.com>")))
                .as("another CSeq").isNotEqualTo(tag);
    }

    @Test
    void aRequestWhoseToHasATagKeepsIt() {
        assertThat(RequestChecks.statelessToTag(register("z9hG4bK-1", 1, "<sip:alice@example.com>;tag=b2"))).isNull();
    }
}
