package org.clearline.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResponsesTest {
    private final MessageParser parser = new MessageParser(SyntaxLimits.DEFAULT);

    @Test
    void responseCopiesTheTransactionHeadersAndAddsTheToTag() {
        SipRequest invite = (SipRequest) SipText.ok(parser.parse(SipText.lines(SipText.INVITE)));
        SipResponse r = Responses.create(invite, 486, Responses.reasonPhrase(486), "as83kd9bs");
        byte[] wire = r.encode();
        SipResponse back = (SipResponse) SipText.ok(parser.parse(wire));
        assertThat(back.startLine()).isEqualTo("SIP/2.0 486 Busy Here");
        assertThat(back.to().tag()).isEqualTo("as83kd9bs");
        assertThat(back.from().tag()).isEqualTo("1928301774");
        assertThat(back.topVia().branch()).isEqualTo("z9hG4bK776asdhds");
        assertThat(back.cseq()).isEqualTo(invite.cseq());
        assertThat(back.callId()).isEqualTo(invite.callId());
        assertThat(back.hasHeader("Contact")).isFalse();
        assertThat(Responses.create(invite, 100).reason()).isEqualTo("Trying");
    }

    @Test
    void unknownCodesGetTheirClassPhrase() {
        assertThat(Responses.reasonPhrase(499)).isEqualTo("Bad Request");
        assertThat(Responses.reasonPhrase(299)).isEqualTo("OK");
        assertThat(Responses.reasonPhrase(513)).isEqualTo("Message Too Large");
    }
}
