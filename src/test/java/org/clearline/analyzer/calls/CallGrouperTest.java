package org.clearline.analyzer.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.clearline.analyzer.Packets;
import org.clearline.analyzer.Trace;
import org.clearline.analyzer.input.CapturedMessage;
import org.clearline.analyzer.input.Endpoint;
import org.clearline.syntax.MessageParser;
import org.clearline.syntax.ParseResult;
import org.clearline.syntax.SyntaxLimits;
import org.junit.jupiter.api.Test;

/** Grouping by Call-ID, retransmissions, and closing quiet calls so memory stays bounded. */
class CallGrouperTest {
    private static final long SECOND = 1_000_000L;
    private final List<CallTrace> closed = new ArrayList<>();
    private final MessageParser parser = new MessageParser(SyntaxLimits.DEFAULT);

    private CapturedMessage msg(long micros, Endpoint from, Endpoint to, String raw) {
        ParseResult.Success s = (ParseResult.Success) parser.parse(raw.getBytes(StandardCharsets.ISO_8859_1));
        return new CapturedMessage(micros, from, to, "UDP", s.message(), null, raw.length(), raw);
    }

    private CallGrouper grouper(GroupingLimits limits) {
        return new CallGrouper(limits, (call, now, invites) -> closed.add(call));
    }

    @Test
    void copiesInTheSameTransactionAndDirectionAreRetransmissions() {
        CallGrouper g = grouper(GroupingLimits.DEFAULT);
        String options = Packets.options("a@x", "z9hG4bK1");
        String ok = Packets.ok("a@x", "z9hG4bK1");
        g.message(msg(0, Trace.PHONE, Trace.PROXY, options));
        g.message(msg(500_000, Trace.PHONE, Trace.PROXY, options));
        g.message(msg(600_000, Trace.PROXY, Trace.PHONE, ok));
        g.message(msg(700_000, Trace.PROXY, Trace.PHONE, ok));
        // the same request on another hop is no copy
        g.message(msg(800_000, Trace.PROXY, Trace.CALLEE, options));
        g.finish();
        assertThat(closed).singleElement().satisfies(c -> {
            assertThat(c.messages()).extracting(TraceMessage::retransmission).containsExactly(false, true, false, true, false);
            assertThat(c.count()).isEqualTo(5);
        });
    }

    @Test
    void aQuietCallIsClosedWhileTheTraceGoesOn() {
        CallGrouper g = grouper(GroupingLimits.DEFAULT);
        g.message(msg(0, Trace.PHONE, Trace.PROXY, Packets.options("early@x", "z9hG4bK1")));
        for (int i = 1; i <= 300; i++) {
            g.message(msg(i * SECOND, Trace.PHONE, Trace.PROXY, Packets.options("later-" + i + "@x", "z9hG4bK" + i)));
        }
        // by then every call quiet for more than 64 s is closed: memory follows the calls in progress
        assertThat(closed).extracting(CallTrace::callId).startsWith("early@x", "later-1@x").hasSizeBetween(230, 240);
        g.finish();
        assertThat(closed).hasSize(301);
    }

    @Test
    void aSettledCallClosesSoonerThanOneStillWaitingForAnAnswer() {
        CallGrouper g = grouper(GroupingLimits.DEFAULT);
        g.message(msg(0, Trace.PHONE, Trace.PROXY, Packets.options("answered@x", "z9hG4bK1")));
        g.message(msg(1000, Trace.PROXY, Trace.PHONE, Packets.ok("answered@x", "z9hG4bK1")));
        g.message(msg(2000, Trace.PHONE, Trace.PROXY, Packets.options("waiting@x", "z9hG4bK2")));
        for (int i = 1; i <= 20; i++) {
            g.message(msg(i * SECOND, Trace.PHONE, Trace.PROXY, Packets.options("tick-" + i + "@x", "z9hG4bKt" + i)));
        }
        // 20 s later: the answered OPTIONS is closed (after T4), the unanswered one still waits
        assertThat(closed).extracting(CallTrace::callId).containsExactly("answered@x");
    }

    @Test
    void aRingingCallStaysOpenLongerThanAQuietOne() {
        CallGrouper g = grouper(GroupingLimits.DEFAULT);
        String inv = Trace.invite("ring@x", 1, "z9hG4bK1");
        g.message(msg(0, Trace.PHONE, Trace.CALLEE, inv));
        g.message(msg(SECOND, Trace.CALLEE, Trace.PHONE, Trace.response(180, "Ringing", inv, "b")));
        for (int i = 2; i <= 1200; i++) {
            g.message(msg(i * SECOND / 8, Trace.PHONE, Trace.PROXY, Packets.options("other-" + i + "@x", "z9hG4bK" + i)));
        }
        assertThat(closed).extracting(CallTrace::callId).doesNotContain("ring@x").isNotEmpty();
        g.message(msg(140 * SECOND, Trace.CALLEE, Trace.PHONE, Trace.response(200, "OK", inv, "b")));
        g.finish();
        assertThat(closed).filteredOn(c -> c.callId().equals("ring@x")).singleElement()
                .satisfies(c -> assertThat(c.count()).isEqualTo(3));
    }

    @Test
    void tooManyOpenCallsCloseTheLeastRecentlyActive() {
        CallGrouper g = grouper(new GroupingLimits(10, 200, 64 * SECOND, 200 * SECOND, 5 * SECOND, 1_000_000, 100));
        for (int i = 0; i < 25; i++) g.message(msg(i, Trace.PHONE, Trace.PROXY, Packets.options("c" + i + "@x", "z9hG4bK" + i)));
        assertThat(closed).extracting(CallTrace::callId).containsExactly(
                "c0@x", "c1@x", "c2@x", "c3@x", "c4@x", "c5@x", "c6@x", "c7@x", "c8@x", "c9@x", "c10@x", "c11@x",
                "c12@x", "c13@x", "c14@x");
    }

    @Test
    void aCallKeepsItsFirstAndLatestMessagesAndCountsTheRest() {
        CallGrouper g = grouper(new GroupingLimits(10, 8, 64 * SECOND, 200 * SECOND, 5 * SECOND, 1_000_000, 100));
        for (int i = 1; i <= 30; i++) {
            g.message(msg(i, Trace.PHONE, Trace.PROXY, Trace.request("INFO", "sip:bob@x", "long@x", i, "z9hG4bK" + i, "b")));
        }
        g.finish();
        CallTrace c = closed.getFirst();
        assertThat(c.count()).isEqualTo(30);
        assertThat(c.dropped()).isEqualTo(22);
        assertThat(c.messages()).extracting(TraceMessage::cseq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 29L, 30L);
    }

    @Test
    void aCallIdSeenAgainAfterItsCallClosedIsAContinuation() {
        CallGrouper g = grouper(new GroupingLimits(1, 200, 64 * SECOND, 200 * SECOND, 5 * SECOND, 1_000_000, 100));
        g.message(msg(0, Trace.PHONE, Trace.PROXY, Packets.options("same@x", "z9hG4bK1")));
        g.message(msg(1, Trace.PHONE, Trace.PROXY, Packets.options("other@x", "z9hG4bK2")));
        g.message(msg(2, Trace.PHONE, Trace.PROXY, Packets.options("same@x", "z9hG4bK3")));
        g.finish();
        assertThat(closed).extracting(CallTrace::continuation).containsExactly(false, false, true);
    }

    @Test
    void theTextBudgetKeepsMessagesButDropsTheirText() {
        CallGrouper g = grouper(new GroupingLimits(10, 200, 64 * SECOND, 200 * SECOND, 5 * SECOND, 300, 100));
        g.message(msg(0, Trace.PHONE, Trace.PROXY, Packets.options("t@x", "z9hG4bK1")));
        g.message(msg(1, Trace.PHONE, Trace.PROXY, Packets.options("t@x", "z9hG4bK2")));
        g.finish();
        assertThat(closed.getFirst().messages()).extracting(m -> m.text() != null).containsExactly(true, false);
    }
}
