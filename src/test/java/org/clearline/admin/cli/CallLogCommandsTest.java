package org.clearline.admin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.admin.cli.AccountCommandsTest.assertError;

import java.nio.file.Path;
import java.util.List;
import org.clearline.admin.calls.LoggedCalls;
import org.clearline.admin.cli.CliHarness.Result;
import org.clearline.store.JdbcStore;
import org.clearline.store.CallRecord;
import org.clearline.store.LoggedMessage;
import org.clearline.store.LoggedMessage.Direction;
import org.clearline.store.RegistrationRecord;
import org.clearline.store.RouteStep;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code calls} and {@code explain CALL-ID} over a call log written straight into the store. */
class CallLogCommandsTest {
    private static final long NOW = CliHarness.NOW;
    private static final String ALICE = LoggedCalls.ALICE;
    private static final String BOB = LoggedCalls.BOB;

    @TempDir Path dir;
    CliHarness cli;

    @BeforeEach
    void log() {
        cli = new CliHarness(dir.resolve("data"));
        try (JdbcStore store = cli.store()) {
            // the sample calls, busy@x with the route a forward chain and a trunk failover leave
            List<CallRecord> calls = LoggedCalls.sample(NOW).stream()
                    .map(c -> c.callId().equals("busy@x") ? c.withRoute(List.of(
                            new RouteStep(RouteStep.Kind.FORWARD, "carol -> dave", "unconditional"),
                            new RouteStep(RouteStep.Kind.CONTACT, "dave: phone 1", "sip:dave@192.0.2.20"),
                            new RouteStep(RouteStep.Kind.CONTACT, "dave: phone 2", "sip:dave@192.0.2.21"),
                            new RouteStep(RouteStep.Kind.FORWARD, "dave -> +4930123456", "busy"),
                            new RouteStep(RouteStep.Kind.TRUNK, "trunk carrier", "sip:+4930123456@192.0.2.20"),
                            new RouteStep(RouteStep.Kind.FAILOVER, "trunk backup", "sip:+4930123456@192.0.2.30")))
                            : c)
                    .toList();
            store.callLog().append(calls, List.of(
                    new RegistrationRecord("reg@x", NOW - 120_000L, ALICE, "alice", 401, "auth.wrong-credentials",
                            List.of(msg(NOW - 120_000L, Direction.IN, "REGISTER sip:example.com SIP/2.0"),
                                    msg(NOW - 119_999L, Direction.OUT, "SIP/2.0 401 Unauthorized"),
                                    msg(NOW - 119_950L, Direction.IN, "REGISTER sip:example.com SIP/2.0"),
                                    msg(NOW - 119_949L, Direction.OUT, "SIP/2.0 401 Unauthorized")), 0, null)));
        }
    }

    @Test
    void listsCallsNewestFirstWithFilters() {
        Result all = cli.run("calls");
        assertThat(all.exit()).isZero();
        assertThat(all.out().lines().toList()).containsExactly(
                "TIME (UTC)           CALL-ID    CALLER  CALLEE       CODE  SITUATION       DURATION  ROUTE",
                "2025-12-31 23:59:00  busy@x     carol   +4930123456  486   -               -         unconditional>dave,"
                        + " dave: 2 phones, busy>+4930123456, trunk carrier, failover backup",
                "2025-12-31 23:00:00  offline@x  alice   bob          480   callee.offline  -         -",
                "2025-12-29 00:00:00  old@x      alice   bob          200   -               1:05      -");
        assertThat(ids(cli.run("calls", "--failed"))).containsExactly("busy@x", "offline@x");
        assertThat(ids(cli.run("calls", "--account", "alice"))).containsExactly("offline@x", "old@x");
        assertThat(ids(cli.run("calls", "--since", "2h"))).containsExactly("busy@x", "offline@x");
        assertThat(ids(cli.run("calls", "--since", "2025-12-31T23:30:00Z"))).containsExactly("busy@x");
        assertThat(ids(cli.run("calls", "--since", "2025-12-30"))).containsExactly("busy@x", "offline@x");
        assertThat(ids(cli.run("calls", "--limit", "1"))).containsExactly("busy@x");
        assertThat(ids(cli.run("calls", "--code", "480"))).containsExactly("offline@x");
        assertThat(ids(cli.run("calls", "--code", "486", "--account", "alice"))).isEmpty();
    }

    @Test
    void badOptionsAreOneLine() {
        assertError(cli.run("calls", "--since", "yesterday"), "calls: --since must be an age such as 30m, 2h, 7d"
                + " or an ISO time such as 2026-01-01T08:00:00Z, got 'yesterday'");
        assertError(cli.run("calls", "--limit", "0"), "calls: --limit must be at least 1, got 0");
        assertError(cli.run("calls", "--code", "99"), "calls: --code must be a SIP status code 100..699, got 99");
        assertError(cli.run("calls", "--account", "a b"),
                "calls: --account: SIP ID 'a b' may only contain letters, digits and - _ . ! ~ * ' ( ) & = + $ , ; ? /");
    }

    @Test
    void explainsALoggedCallWithItsSituationAndLadder() {
        Result r = cli.run("explain", "offline@x");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("Call offline@x at 2025-12-31 23:00:00 UTC from " + ALICE)
                .contains("result: 480 [callee.offline]")
                .contains("callee.offline: ");
        List<String> arrows = r.out().lines().filter(l -> l.matches("\\+[0-9].*")).toList();
        assertThat(arrows).hasSize(4);
        assertThat(arrows.get(0)).startsWith("+0.000s   |-INVITE sip:bob@example.com -").contains("--->|");
        assertThat(arrows.get(1)).startsWith("+0.001s   |<- 100 Trying --");
        assertThat(arrows.get(2)).contains("|<- 480 Temporarily Unavailable --");
        assertThat(arrows.get(3)).contains("|-ACK sip:bob@example.com -");
    }

    @Test
    void aCalleeAnswerIsDrawnOnTheCalleeSideAndExplainedByItsCode() {
        Result r = cli.run("explain", "busy@x", "--audience", "owner");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("result: 486").contains("486 Busy Here").contains("  route:\n"
                + "    1. forward unconditional: carol -> dave\n"
                + "    2. contact dave: phone 1 sip:dave@192.0.2.20\n"
                + "    3. contact dave: phone 2 sip:dave@192.0.2.21\n"
                + "    4. forward busy: dave -> +4930123456\n"
                + "    5. trunk carrier sip:+4930123456@192.0.2.20\n"
                + "    6. failover backup sip:+4930123456@192.0.2.30\n");
        List<String> arrows = r.out().lines().filter(l -> l.matches("\\+[0-9].*")).toList();
        assertThat(arrows).hasSize(4);
        // the forwarded INVITE and bob's answer are between Clearline and the callee, named by the peer
        assertThat(arrows.get(1)).matches("\\+0\\.002s +\\| +\\|-INVITE sip:\\+4930123456@192\\.0\\.2\\.20 -+>\\|   "
                + BOB);
        assertThat(arrows.get(2)).matches("\\+0\\.040s +\\| +\\|<- 486 Busy Here -+\\|   " + BOB);
    }

    @Test
    void aRegistrationAttemptsCallIdShowsThatAttemptWithItsLadder() {
        Result r = cli.run("explain", "reg@x");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Registration reg@x at 2025-12-31 23:58:00 UTC from " + ALICE)
                .contains("account: alice").contains("result: 401 [auth.wrong-credentials]")
                .contains("auth.wrong-credentials: ");
        List<String> arrows = r.out().lines().filter(l -> l.matches("\\+[0-9].*")).toList();
        assertThat(arrows).hasSize(4);
        assertThat(arrows.get(3)).startsWith("+0.051s   |<- 401 Unauthorized --");
    }

    @Test
    void aLadderThatCannotBeReadIsSaidSoAndNoMessagesAreSaidSoToo() {
        CallRecord call = new CallRecord("x", NOW, ALICE, "sip:a@x", "a", "b", null, 480, null, -1, -1, -1, 0,
                List.of());
        java.io.StringWriter text = new java.io.StringWriter();
        LadderDiagram.print(new java.io.PrintWriter(text, true), call.withMessages(List.of(), "ladder is truncated"));
        LadderDiagram.print(new java.io.PrintWriter(text, true), call);
        assertThat(text.toString().lines()).containsExactly(
                "(the messages cannot be shown: ladder is truncated)",
                "(no messages were kept; see callLog.ladders)");
    }

    @Test
    void anUnknownCallIdIsStillAnError() {
        assertError(cli.run("explain", "nope@x"), "unknown code or situation 'nope@x' (codes: 100..699,"
                + " situations: clearline explain --list, Call-IDs: clearline calls)");
    }

    private static LoggedMessage msg(long at, Direction direction, String startLine) {
        return new LoggedMessage(at, direction, ALICE, startLine, startLine + "\r\n\r\n");
    }

    private static List<String> ids(Result r) {
        return r.out().lines().skip(1).map(l -> l.split(" {2,}")[1]).toList();
    }
}
