package org.clearline.admin.web;

import java.util.ArrayList;
import java.util.List;
import org.clearline.store.CallRecord;
import org.clearline.store.LoggedMessage;
import org.clearline.store.LoggedMessage.Direction;

/**
 * Call log records as the recorder writes them, with whole SIP messages: a call
 * to an offline line refused by Clearline after a digest challenge, a call a
 * callee's phone refused (relayed 486), and an answered call.
 */
final class CallFixtures {
    static final long NOW = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
    static final String ALICE = "udp:192.0.2.10:5060";
    static final String BOB_PHONE = "udp:192.0.2.20:5062";
    /** A From display name an attacker chose: it must show as text. */
    static final String EVIL_NAME = "<script>alert('pwned')</script>";

    private CallFixtures() {}

    /** alice calls ken, who has no phone registered: 407, then 480 callee.offline. Six messages. */
    static CallRecord offline(String callId, long at) {
        List<LoggedMessage> m = new ArrayList<>();
        String invite1 = invite(callId, "ken", 1, "z9hG4bK-1", "");
        m.add(in(at, ALICE, invite1));
        m.add(out(at + 1, ALICE, response(invite1, "407 Proxy Authentication Required",
                "Proxy-Authenticate: Digest realm=\"example.com\", nonce=\"abc\", algorithm=MD5\r\n")));
        m.add(in(at + 3, ALICE, "ACK sip:ken@example.com SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-1\r\n"
                + "From: \"" + EVIL_NAME + "\" <sip:alice@example.com>;tag=a1\r\nTo: <sip:ken@example.com>;tag=srv\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n"));
        String invite2 = invite(callId, "ken", 2, "z9hG4bK-2",
                "Proxy-Authorization: Digest username=\"alice\", realm=\"example.com\", nonce=\"abc\", uri=\"sip:ken@example.com\", response=\"0123\"\r\n");
        m.add(in(at + 4, ALICE, invite2));
        m.add(out(at + 5, ALICE, response(invite2, "100 Trying", "")));
        m.add(out(at + 9, ALICE, response(invite2, "480 Temporarily Unavailable", "")));
        return new CallRecord(callId, at, ALICE, "sip:alice@example.com", "alice", "ken", null, 480, "callee.offline",
                -1, -1, -1, 0, m);
    }

    /** alice calls bob, whose phone answers 486; Clearline relays it (no situation). Seven messages. */
    static CallRecord busy(String callId, long at) {
        List<LoggedMessage> m = new ArrayList<>();
        String invite = invite(callId, "bob", 2, "z9hG4bK-b", "");
        m.add(in(at, ALICE, invite));
        m.add(out(at + 1, ALICE, response(invite, "100 Trying", "")));
        String forwarded = "INVITE sip:bob@192.0.2.20:5062 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-p1\r\n"
                + invite.substring(invite.indexOf("Via:"));
        m.add(out(at + 2, BOB_PHONE, forwarded));
        m.add(in(at + 40, BOB_PHONE, response(forwarded, "486 Busy Here", "")));
        m.add(out(at + 41, BOB_PHONE, "ACK sip:bob@192.0.2.20:5062 SIP/2.0\r\nCall-ID: " + callId + "\r\nCSeq: 2 ACK\r\n\r\n"));
        m.add(out(at + 41, ALICE, response(invite, "486 Busy Here", "")));
        m.add(in(at + 45, ALICE, "ACK sip:bob@example.com SIP/2.0\r\nCall-ID: " + callId + "\r\nCSeq: 2 ACK\r\n\r\n"));
        return new CallRecord(callId, at, ALICE, "sip:alice@example.com", "alice", "bob", null, 486, null, 40, 1, -1,
                0, m);
    }

    /** bob calls +493012345001 (alice's number), answered and talked for 65 s; no messages kept. */
    static CallRecord answered(String callId, long at) {
        return new CallRecord(callId, at, BOB_PHONE, "sip:bob@example.com", "bob", "+493012345001", "+493012345001",
                200, null, 120, 2000, 65_000, 0, List.of());
    }

    private static String invite(String callId, String callee, int cseq, String branch, String extra) {
        return "INVITE sip:" + callee + "@example.com SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=" + branch + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: \"" + EVIL_NAME + "\" <sip:alice@example.com>;tag=a1\r\n"
                + "To: <sip:" + callee + "@example.com>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " INVITE\r\n"
                + "Contact: <sip:alice@192.0.2.10:5060>\r\n"
                + extra
                + "Content-Type: application/sdp\r\nContent-Length: 0\r\n\r\n";
    }

    private static String response(String request, String status, String extra) {
        StringBuilder b = new StringBuilder("SIP/2.0 " + status + "\r\n");
        for (String line : request.split("\r\n")) {
            if (line.startsWith("Via:") || line.startsWith("From:") || line.startsWith("Call-ID:")
                    || line.startsWith("CSeq:")) {
                b.append(line).append("\r\n");
            } else if (line.startsWith("To:")) {
                b.append(line).append(status.startsWith("100") ? "" : ";tag=srv").append("\r\n");
            }
        }
        return b.append(extra).append("Content-Length: 0\r\n\r\n").toString();
    }

    private static LoggedMessage in(long at, String peer, String text) {
        return new LoggedMessage(at, Direction.IN, peer, text.substring(0, text.indexOf("\r\n")), text);
    }

    private static LoggedMessage out(long at, String peer, String text) {
        return new LoggedMessage(at, Direction.OUT, peer, text.substring(0, text.indexOf("\r\n")), text);
    }
}
