package org.clearline.admin.web;

import java.util.ArrayList;
import java.util.List;
import org.clearline.ladder.Ladder;
import org.clearline.ladder.LadderMessage;
import org.clearline.ladder.Lane;
import org.clearline.store.CallRecord;
import org.clearline.store.LoggedMessage;
import org.clearline.store.RegistrationRecord;

/**
 * A logged call as a ladder: the caller's lane first (the address the INVITE came
 * from), Clearline's second, then one lane per callee or trunk address in the
 * order the call reached them. A registration attempt is drawn the same way, the
 * phone's lane first.
 */
final class CallLadder {
    /** Clearline's own lane; peers are "udp:…"/"tcp:…", so the name cannot clash with one. */
    static final String SERVER = "clearline";

    private CallLadder() {}

    static Ladder of(CallRecord call) {
        return of(call.source(), "caller", "proxy", call.messages(), call.startedAt());
    }

    static Ladder of(RegistrationRecord attempt) {
        return of(attempt.source(), "phone", "registrar", attempt.messages(), attempt.atMillis());
    }

    private static Ladder of(String source, String sourceName, String role, List<LoggedMessage> messages, long start) {
        List<Lane> lanes = new ArrayList<>();
        lanes.add(new Lane(source, sourceName, source));
        lanes.add(new Lane(SERVER, "Clearline", role));
        List<LadderMessage> arrows = new ArrayList<>(messages.size());
        for (LoggedMessage m : messages) {
            if (!m.peer().equals(source) && lanes.stream().noneMatch(l -> l.endpoint().equals(m.peer()))) {
                lanes.add(new Lane(m.peer(), "callee", m.peer()));
            }
            boolean in = m.direction() == LoggedMessage.Direction.IN;
            arrows.add(new LadderMessage(m.atMillis(), in ? m.peer() : SERVER, in ? SERVER : m.peer(),
                    LadderMessage.labelOf(m.startLine()), m.text(), isFailure(m.startLine())));
        }
        return Ladder.of(lanes, arrows, start);
    }

    /**
     * A final response that refuses something (§21.3–21.6); digest challenges (401,
     * 407) are a normal step of a call (§22.2), so they are drawn plain.
     */
    static boolean isFailure(String startLine) {
        int code = status(startLine);
        return code >= 300 && code != 401 && code != 407;
    }

    /** The status code of a response start line, or -1 for a request. */
    static int status(String startLine) {
        if (startLine == null || !startLine.startsWith("SIP/2.0 ") || startLine.length() < 11) return -1;
        String digits = startLine.substring(8, 11);
        return digits.chars().allMatch(Character::isDigit) ? Integer.parseInt(digits) : -1;
    }
}
