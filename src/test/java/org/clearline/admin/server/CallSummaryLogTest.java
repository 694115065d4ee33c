package org.clearline.admin.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import org.clearline.failures.Situation;
import org.clearline.syntax.MessageParser;
import org.clearline.syntax.ParseResult;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SyntaxLimits;
import org.clearline.transaction.Finished;
import org.clearline.transaction.ServerTransaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The server log names failed calls at INFO; answered calls and challenges stay out of it. */
class CallSummaryLogTest {
    private final Logger calls = (Logger) LoggerFactory.getLogger("org.clearline.calls");
    private final ListAppender<ILoggingEvent> seen = new ListAppender<>();
    private final CallSummaryLog log = new CallSummaryLog();
    private Level before;

    @BeforeEach
    void listen() {
        before = calls.getLevel();
        seen.start();
        calls.addAppender(seen);
    }

    @AfterEach
    void stopListening() {
        calls.detachAppender(seen);
        calls.setLevel(before);
    }

    private static ServerTransaction invite(String callId) {
        String text = "INVITE sip:bob@example.com SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-" + callId + "\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:alice@example.com>;tag=a1\r\nTo: <sip:bob@example.com>\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n";
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return switch (new MessageParser(SyntaxLimits.DEFAULT).parse(b, 0, b.length)) {
            case ParseResult.Success s -> new Finished((SipRequest) s.message());
            case ParseResult.Failure f -> throw new AssertionError(f.toString());
        };
    }

    @Test
    void aFailedCallIsOneInfoLineWithItsSituationAndAnAnsweredOneIsNone() {
        calls.setLevel(Level.INFO);
        log.finished(invite("busy-1"), 486, Situation.byId("callee.call-limit"));
        log.finished(invite("ok-1"), 200, null);
        log.finished(invite("challenged-1"), 407, Situation.byId("auth.proxy-required"));
        assertThat(seen.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "call busy-1 sip:alice@example.com -> sip:bob@example.com: 486 [callee.call-limit]");
        assertThat(seen.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.INFO);
    }

    @Test
    void atDebugAnAnsweredCallHasItsLineToo() {
        calls.setLevel(Level.DEBUG);
        log.finished(invite("ok-2"), 200, null);
        assertThat(seen.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "call ok-2 sip:alice@example.com -> sip:bob@example.com: 200");
        assertThat(seen.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.DEBUG);
    }
}
