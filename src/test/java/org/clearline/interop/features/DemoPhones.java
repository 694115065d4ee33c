package org.clearline.interop.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.clearline.interop.harness.SippResult;
import org.clearline.interop.harness.TraceMessage;

/**
 * The SIPp flows of the demo lines: phones registering for a line, callers
 * placing calls, callees answering. Passwords follow the demo's rule
 * ("secret-" + SIP ID). Every run is bounded by {@code -m} and {@code -timeout}.
 */
final class DemoPhones {
    /** An offer or answer with G.711 µ-law only (static payload type 0, RFC 3551). */
    static final String PCMU = "m=audio [media_port] RTP/AVP 0\na=rtpmap:0 PCMU/8000";
    /** An offer with G.722 only: static payload type 9, no rtpmap needed (RFC 3551 §6). */
    static final String G722 = "m=audio [media_port] RTP/AVP 9";

    /** The caller waits this long with the call up before its BYE. */
    static final String PAUSE = "<pause milliseconds=\"300\"/>";
    /**
     * The caller keeps the call up until an OPTIONS arrives in its dialog (sent
     * by {@link Nudge}), then hangs up: no guessing how long to wait. The OPTIONS
     * is the test's signal, not SIP traffic of the call, so it is not answered
     * (a SIPp UAC would send the answer to the proxy, not to the test).
     */
    static final String UNTIL_NUDGED = "<recv request=\"OPTIONS\"/>";

    private static final Duration RUN_BOUND = Duration.ofSeconds(30);

    private DemoPhones() {}

    static String password(String sipId) {
        return "secret-" + sipId;
    }

    /** A phone of {@code sipId} at {@code contactPort}; unregistered again on close. */
    static Registration register(DemoServer server, String sipId, int contactPort) {
        SippResult r = registration(server, sipId, password(sipId), contactPort, 3600, 200);
        assertThat(r.succeeded()).as("registering %s: %s", sipId, r.diagnostics()).isTrue();
        assertThat(r.trace().finalStatusesByCall("REGISTER").values())
                .as("401 challenge, then 200").singleElement().isEqualTo(List.of(401, 200));
        return new Registration(server, sipId, contactPort);
    }

    /** One REGISTER exchange (challenge, then credentials) expecting {@code expectedFinal}. */
    static SippResult registration(DemoServer server, String sipId, String password, int contactPort,
            int expires, int expectedFinal) {
        return Peer.feature("register_line.xml").label("register-" + sipId + "-" + expires)
                .remote(server.address())
                .key("domain", server.domain())
                .replace("@FINAL@", Integer.toString(expectedFinal))
                .inject(List.of(List.of(sipId, password, Integer.toString(contactPort), Integer.toString(expires))))
                .timeout(RUN_BOUND)
                .run();
    }

    /** A caller of {@code caller} dialling {@code dialled}, refused with {@code expectedFinal}. */
    static Peer refused(DemoServer server, String caller, String dialled, int expectedFinal, String media) {
        return Peer.feature("uac_refused.xml").label("refused-" + caller + "-" + dialled)
                .remote(server.address())
                .key("domain", server.domain())
                .replace("@FINAL@", Integer.toString(expectedFinal))
                .replace("@MEDIA@", media)
                .inject(List.of(List.of(caller, password(caller), dialled)))
                .timeout(RUN_BOUND);
    }

    /** A caller of {@code caller} dialling {@code dialled}, answered; {@code hold} is {@link #PAUSE} or {@link #UNTIL_NUDGED}. */
    static Peer answered(DemoServer server, String caller, String dialled, String media, String hold) {
        return Peer.feature("uac_answered.xml").label("answered-" + caller + "-" + dialled)
                .remote(server.address())
                .key("domain", server.domain())
                .replace("@MEDIA@", media)
                .replace("@HOLD@", hold)
                .inject(List.of(List.of(caller, password(caller), dialled)))
                .timeout(RUN_BOUND);
    }

    /** A caller that sends no credentials, expecting {@code expectedFinal} at once. */
    static Peer unauthenticated(DemoServer server, String caller, String dialled, int expectedFinal) {
        return Peer.feature("uac_unauthenticated.xml").label("unauthenticated-" + caller + "-" + dialled)
                .remote(server.address())
                .key("domain", server.domain())
                .replace("@FINAL@", Integer.toString(expectedFinal))
                .inject(List.of(List.of(caller, password(caller), dialled)))
                .timeout(RUN_BOUND);
    }

    /** The statuses the caller received for one request of its single call, e.g. "2 INVITE". */
    static List<Integer> statuses(SippResult caller, String cseq) {
        Map<String, List<Integer>> byCall = caller.trace().receivedStatusesForCseq(cseq);
        assertThat(byCall).as("one call with %s: %s", cseq, caller.diagnostics()).hasSize(1);
        return byCall.values().iterator().next();
    }

    /** The final statuses (>= 200) the caller received for {@code cseq}. */
    static List<Integer> finals(SippResult caller, String cseq) {
        return statuses(caller, cseq).stream().filter(c -> c >= 200).toList();
    }

    /** The first response with {@code status} the peer received for {@code cseq}. */
    static TraceMessage response(SippResult peer, String cseq, int status) {
        String wanted = cseq.replaceAll("\\s+", " ");
        return peer.trace().received().stream()
                .filter(m -> m.isResponse() && m.status() == status && m.message().cseq() != null
                        && m.message().cseq().strip().replaceAll("\\s+", " ").equals(wanted))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + status + " for " + cseq + ": " + peer.diagnostics()));
    }

    /** The body of a traced message (after the blank line), with CRLF line ends. */
    static String body(TraceMessage m) {
        String text = m.message().text();
        int end = text.indexOf("\r\n\r\n");
        return end < 0 ? "" : text.substring(end + 4);
    }

    /** A registered phone of a demo line; closing it removes the binding (§10.2.2, Expires: 0). */
    record Registration(DemoServer server, String sipId, int contactPort) implements AutoCloseable {
        @Override
        public void close() {
            if (!server.isAlive()) return;
            SippResult r = registration(server, sipId, password(sipId), contactPort, 0, 200);
            assertThat(r.succeeded()).as("unregistering %s: %s", sipId, r.diagnostics()).isTrue();
        }
    }
}
