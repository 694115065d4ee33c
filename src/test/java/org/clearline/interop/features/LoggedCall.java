package org.clearline.interop.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clearline.interop.harness.ClearlineCli;
import org.clearline.interop.harness.SippResult;
import org.clearline.interop.harness.TraceMessage;

/**
 * What {@code clearline explain CALL-ID} prints about a call the server logged,
 * read back as the user would: the result line, the situation's explanation
 * and the text ladder. Issue 5: every situation of the feature tests must be
 * recorded with its id, explained, and shown with the right messages in order.
 */
record LoggedCall(String output, int code, String situation, List<Arrow> arrows) {
    /** How long the call log's writer may take to store a finished call. */
    private static final Duration LOGGED_WITHIN = Duration.ofSeconds(60);
    private static final Pattern RESULT = Pattern.compile("(?m)^  result: (\\d{3})(?: \\[([a-z0-9.-]+)])?");
    private static final Pattern ARROW = Pattern.compile("^\\s*\\+\\d+\\.\\d{3}s\\s*\\|(.*)\\|(.*)\\|.*$");

    /** One ladder line: which side of Clearline it is on, and its label's first word (method or code). */
    record Arrow(boolean callerSide, boolean towardsClearline, String label) {}

    /** Waits until the server has logged the call, then reads its explanation for the administrator. */
    static LoggedCall explain(DemoServer server, String callId) {
        AtomicReference<ClearlineCli.Outcome> last = new AtomicReference<>();
        await("call " + callId + " in the call log").atMost(LOGGED_WITHIN).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    last.set(server.cli("explain", callId, "--audience", "admin"));
                    return last.get().exitCode() == 0;
                });
        return parse(last.get().output());
    }

    static LoggedCall parse(String output) {
        Matcher m = RESULT.matcher(output);
        assertThat(m.find()).as("result line in:\n%s", output).isTrue();
        List<Arrow> arrows = new ArrayList<>();
        for (String line : output.split("\n")) {
            Matcher a = ARROW.matcher(line);
            if (!a.matches()) continue;
            String left = a.group(1).strip();
            String right = a.group(2).strip();
            boolean callerSide = !left.isEmpty();
            String arrow = callerSide ? left : right;
            boolean pointsRight = arrow.endsWith(">");
            // caller | Clearline | callee: towards Clearline is rightwards on the caller side, leftwards beyond it
            arrows.add(new Arrow(callerSide, callerSide == pointsRight, firstWord(arrow)));
        }
        return new LoggedCall(output, Integer.parseInt(m.group(1)), m.group(2), arrows);
    }

    private static String firstWord(String arrow) {
        String s = arrow.replaceFirst("^<?-+\\s*", "");
        int space = s.indexOf(' ');
        return space < 0 ? s : s.substring(0, space);
    }

    /** The Call-ID of the one call (INVITE dialog) the SIPp run made. */
    static String callIdOf(SippResult r) {
        List<String> ids = r.trace().messages().stream().map(TraceMessage::callId).distinct().toList();
        assertThat(ids).as("one Call-ID in the SIPp run").hasSize(1);
        return ids.get(0);
    }

    /** The caller-side arrows as the caller saw them: what SIPp sent (towards us) and received, in order. */
    static List<String> asSeenBy(SippResult caller) {
        return caller.trace().messages().stream()
                .map(t -> (t.outgoing() ? ">" : "<") + (t.isResponse() ? Integer.toString(t.status()) : t.method()))
                .toList();
    }

    List<String> callerSide() {
        return arrows.stream().filter(Arrow::callerSide).map(a -> (a.towardsClearline() ? ">" : "<") + a.label())
                .toList();
    }

    /** The arrows beyond Clearline (callees, trunks), from the phone's side: ">" is towards Clearline. */
    List<String> calleeSide() {
        return arrows.stream().filter(a -> !a.callerSide()).map(a -> (a.towardsClearline() ? ">" : "<") + a.label())
                .toList();
    }

    /** The callee's (or trunk's) side of the ladder equals what that peer saw of this call on the wire. */
    LoggedCall andTheCalleeSaw(SippResult callee) {
        String callId = RESULT.matcher(output).find() ? callIdIn(output) : null;
        List<String> seen = callee.trace().messages().stream().filter(t -> t.callId().equals(callId))
                .map(t -> (t.outgoing() ? ">" : "<") + (t.isResponse() ? Integer.toString(t.status()) : t.method()))
                .toList();
        assertThat(calleeSide()).as("callee side of the ladder vs the callee's trace\n%s", output)
                .containsExactlyElementsOf(seen);
        return this;
    }

    /** An answered call: 200, no failure situation, both sides of the ladder as the phones saw them. */
    LoggedCall isAnswered(SippResult caller, SippResult callee) {
        assertThat(code).as(output).isEqualTo(200);
        assertThat(situation).as(output).isNull();
        assertThat(output).as("an answered call has a talk time").contains(", talked ");
        assertThat(callerSide()).as("caller side of the ladder vs the caller's trace\n%s", output)
                .containsExactlyElementsOf(asSeenBy(caller));
        return andTheCalleeSaw(callee);
    }

    private static String callIdIn(String output) {
        Matcher m = Pattern.compile("(?m)^Call (\\S+) at ").matcher(output);
        assertThat(m.find()).as("Call-ID line in:\n%s", output).isTrue();
        return m.group(1);
    }

    /**
     * The assertions every refused call shares: the recorded code and situation,
     * the situation's explanation (its id and title line) printed, and the
     * caller's side of the ladder equal to what the caller saw on the wire.
     */
    LoggedCall isExplainedAs(int expectedCode, String expectedSituation, SippResult caller) {
        assertThat(code).as(output).isEqualTo(expectedCode);
        assertThat(situation).as(output).isEqualTo(expectedSituation);
        assertThat(output).as("the situation's explanation").containsPattern(
                "(?m)^" + Pattern.quote(expectedSituation) + ": \\S.*");
        assertThat(callerSide()).as("caller side of the ladder vs the caller's trace\n%s", output)
                .containsExactlyElementsOf(asSeenBy(caller));
        return this;
    }
}
