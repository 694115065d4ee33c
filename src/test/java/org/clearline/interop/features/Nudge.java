package org.clearline.interop.features;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import org.clearline.interop.harness.SipText;
import org.clearline.interop.harness.SipUdpClient;
import org.clearline.interop.harness.SippTrace;
import org.clearline.interop.harness.TraceMessage;

/**
 * Tells a caller running uac_answered.xml with {@link DemoPhones#UNTIL_NUDGED}
 * to hang up: an OPTIONS sent straight to the caller's SIPp, inside its dialog
 * (its Call-ID, the callee's tag in From, the caller's in To, RFC 3261 §12.2);
 * once SIPp has taken it, the scenario goes on to its BYE. The test decides
 * when a call ends, so nothing depends on how long a pause lasts.
 */
final class Nudge {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private Nudge() {}

    /** Waits until the caller has the call up (it sent the ACK of the 200) and returns the 200. */
    static TraceMessage awaitAnswered(PeerRun caller) {
        await("call of " + caller.dir() + " answered and acknowledged").atMost(WAIT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> acked(caller.traceSoFar()).isPresent());
        return acked(caller.traceSoFar()).orElseThrow();
    }

    /** Sends the hang-up OPTIONS to {@code caller}, whose answer {@link #awaitAnswered} returned. */
    static void hangUp(PeerRun caller, TraceMessage answer) {
        SippTrace trace = caller.traceSoFar();
        TraceMessage invite = trace.sent().stream().filter(m -> "INVITE".equals(m.method())).findFirst().orElseThrow();
        try (SipUdpClient socket = new SipUdpClient(caller.localPort())) {
            socket.send("OPTIONS sip:caller@127.0.0.1:" + caller.localPort() + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + socket.localPort() + ";branch=" + SipText.newBranch() + "\r\n"
                    + "Max-Forwards: 70\r\n"
                    + "From: " + answer.header("To") + "\r\n"
                    + "To: " + invite.header("From") + "\r\n"
                    + "Call-ID: " + answer.callId() + "\r\n"
                    + "CSeq: 100 OPTIONS\r\n"
                    + "Content-Length: 0\r\n\r\n");
        }
        await("caller of " + caller.dir() + " took the hang-up nudge").atMost(WAIT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !caller.traceSoFar().requestsReceived("OPTIONS").isEmpty());
    }

    private static Optional<TraceMessage> acked(SippTrace trace) {
        boolean ackSent = trace.sent().stream().anyMatch(m -> "ACK".equals(m.method())
                && m.message().cseq() != null && m.message().cseq().startsWith("2 "));
        if (!ackSent) return Optional.empty();
        return trace.received().stream().filter(m -> m.isResponse() && m.status() == 200
                && "INVITE".equals(m.cseqMethod())).findFirst();
    }
}
