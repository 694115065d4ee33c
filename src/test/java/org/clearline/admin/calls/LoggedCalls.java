package org.clearline.admin.calls;

import java.util.List;
import org.clearline.store.CallRecord;
import org.clearline.store.LoggedMessage;
import org.clearline.store.LoggedMessage.Direction;

/** Call log entries for tests that read the log (CLI, REST API): a call from a source with its ladder. */
public final class LoggedCalls {
    /** Where the sample's caller and callee phones are. */
    public static final String ALICE = "udp:192.0.2.10:5060";
    public static final String BOB = "udp:192.0.2.20:5060";

    private LoggedCalls() {}

    /**
     * Three calls, newest first: busy@x a minute before {@code now} (486 relayed from the callee),
     * offline@x an hour before (480, callee.offline, decided by Clearline), old@x three days before
     * (answered, 65 s).
     */
    public static List<CallRecord> sample(long now) {
        return List.of(
                call(ALICE, "old@x", now - 3 * 86_400_000L, "alice", "bob", 200, null, 65_000, List.of()),
                call(ALICE, "offline@x", now - 3_600_000L, "alice", "bob", 480, "callee.offline", -1, List.of(
                        msg(0, Direction.IN, ALICE, "INVITE sip:bob@example.com SIP/2.0"),
                        msg(1, Direction.OUT, ALICE, "SIP/2.0 100 Trying"),
                        msg(5, Direction.OUT, ALICE, "SIP/2.0 480 Temporarily Unavailable"),
                        msg(9, Direction.IN, ALICE, "ACK sip:bob@example.com SIP/2.0"))),
                call(ALICE, "busy@x", now - 60_000L, "carol", "+4930123456", 486, null, -1, List.of(
                        msg(0, Direction.IN, ALICE, "INVITE sip:+4930123456@example.com SIP/2.0"),
                        msg(2, Direction.OUT, BOB, "INVITE sip:+4930123456@192.0.2.20 SIP/2.0"),
                        msg(40, Direction.IN, BOB, "SIP/2.0 486 Busy Here"),
                        msg(41, Direction.OUT, ALICE, "SIP/2.0 486 Busy Here"))));
    }

    /**
     * A call from {@code source} at {@code at}; messages carry offsets from it. A callee starting with "+"
     * is also its E.164 form.
     */
    private static CallRecord call(String source, String id, long at, String caller, String callee, int code,
                                  String situation, long durationMillis, List<LoggedMessage> messages) {
        List<LoggedMessage> timed = messages.stream().map(m -> new LoggedMessage(at + m.atMillis(), m.direction(),
                m.peer(), m.startLine(), m.text())).toList();
        return new CallRecord(id, at, source, "sip:" + caller + "@example.com", caller, callee,
                callee.startsWith("+") ? callee : null, code, situation, -1, -1, durationMillis, 0, timed);
    }

    /** A message {@code offset} ms into the call: its start line and an empty header section. */
    private static LoggedMessage msg(long offset, Direction direction, String peer, String startLine) {
        return new LoggedMessage(offset, direction, peer, startLine, startLine + "\r\n\r\n");
    }
}
