package org.clearline.calllog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.clearline.syntax.MessageParser;
import org.clearline.syntax.ParseResult;
import org.clearline.syntax.SipMessage;
import org.clearline.syntax.SipRequest;
import org.clearline.syntax.SyntaxLimits;
import org.clearline.transport.Peer;

/** Raw SIP text of the recorder tests and the plumbing to feed it in as the transport would. */
final class LogFixtures {
    static final Peer ALICE = Peer.udp("192.0.2.10", 5060);
    static final String ALICE_SOURCE = "udp:192.0.2.10:5060";

    private LogFixtures() {}

    static SipMessage parse(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return switch (new MessageParser(SyntaxLimits.DEFAULT).parse(b, 0, b.length)) {
            case ParseResult.Success s -> s.message();
            case ParseResult.Failure f -> throw new AssertionError(f.toString());
        };
    }

    /** Delivers {@code text} to the recorder the way the transport does: parsed, with its wire bytes. */
    static SipRequest receive(CallLogRecorder recorder, String text, Peer from, long at) {
        SipMessage m = parse(text);
        byte[] wire = text.getBytes(StandardCharsets.UTF_8);
        recorder.inbound(m, wire, 0, wire.length, true, from, at);
        return m instanceof SipRequest r ? r : null;
    }

    /** Shows the recorder a message the transport sends. */
    static void send(CallLogRecorder recorder, String text, Peer to, long at) {
        recorder.outbound(parse(text), text.getBytes(StandardCharsets.UTF_8), to, at);
    }

    /**
     * What the recorder has closed, after letting every failed call's linger for its ACK
     * run out (the housekeeping's {@link CallLogRecorder#closeLingering} with a time far ahead).
     */
    static List<Pending> drainClosed(CallLogRecorder recorder, LogQueue queue) throws InterruptedException {
        recorder.closeLingering(Long.MAX_VALUE / 2);
        return drain(queue);
    }

    static List<Pending> drain(LogQueue queue) throws InterruptedException {
        List<Pending> out = new ArrayList<>();
        queue.drain(out, 100, 0);
        return out;
    }

    static String register(String callId, int cseq, String extra) {
        return "REGISTER sip:example.com SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKr" + cseq + ";rport\r\n"
                + "Max-Forwards:   70\r\n"  // spacing the parser drops: only the wire bytes keep it
                + "From: <sip:alice@example.com>;tag=r1\r\nTo: <sip:alice@example.com>\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: " + cseq + " REGISTER\r\nContact: <sip:alice@192.0.2.10>\r\n"
                + extra + "Content-Length: 0\r\n\r\n";
    }

    static String registerResponse(String callId, int cseq, String status, String extra) {
        return "SIP/2.0 " + status + "\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKr" + cseq + ";rport=5060;received=192.0.2.10\r\n"
                + "From: <sip:alice@example.com>;tag=r1\r\nTo: <sip:alice@example.com>;tag=srv\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: " + cseq + " REGISTER\r\n" + extra + "Content-Length: 0\r\n\r\n";
    }

    static String invite(String callId, int cseq) {
        return "INVITE sip:+4930123456@example.com SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK" + callId + cseq + "\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:alice@example.com>;tag=f1\r\nTo: <sip:+4930123456@example.com>\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: " + cseq + " INVITE\r\nContact: <sip:alice@192.0.2.10>\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    /** The caller's BYE of the dialog {@link #invite} set up (the callee's tag is t1). */
    static String bye(String callId, int cseq) {
        return invite(callId, 1).replace("INVITE sip:+4930123456@example.com", "BYE sip:alice@192.0.2.10")
                .replace("1 INVITE", cseq + " BYE")
                .replace("To: <sip:+4930123456@example.com>", "To: <sip:+4930123456@example.com>;tag=t1");
    }

    static String inviteResponse(String callId, int cseq, String status) {
        return "SIP/2.0 " + status + "\r\nVia: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK" + callId + cseq + "\r\n"
                + "From: <sip:alice@example.com>;tag=f1\r\nTo: <sip:+4930123456@example.com>;tag=t1\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: " + cseq + " INVITE\r\nContent-Length: 0\r\n\r\n";
    }
}
