import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.clearline.store.CallRecord;
import org.clearline.store.LoggedMessage;
import org.clearline.store.LoggedMessage.Direction;

/**
 * Realistic log records for the probes: the benchmark's call through Clearline
 * (18 messages: INVITE/407/ACK, INVITE with credentials, 100, the INVITE to the
 * callee, 100/180/200 both ways, ACK both ways, BYE/200 both ways, with SDP,
 * Record-Route) and registration attempts (REGISTER, 401, REGISTER with
 * credentials, 200), with fresh random Call-IDs, tags, branches and nonces so
 * compression sees what it would in production, not one call repeated. Uses
 * only the record constructors every version of the log has, so the same
 * records can be written to the store of an older build (CompatProbe).
 */
final class SipLadders {
    private static final HexFormat HEX = HexFormat.of();

    private SipLadders() {}

    /** A call as the log records it; without its messages when {@code withLadder} is false. */
    static CallRecord call(SplittableRandom r, long at, boolean withLadder) {
        String caller = String.format("u%05d", r.nextInt(9000));
        String callee = String.format("u%05d", 9000 + r.nextInt(1000));
        String callId = r.nextInt(100000) + "-" + r.nextInt(10000) + "@127.0.0.1";
        String fromTag = r.nextInt(100000) + "SIPpTag00" + r.nextInt(100000);
        String toTag = r.nextInt(100000) + "SIPpTag01" + r.nextInt(100000);
        String nonce = token(r, 16);
        String uac = "udp:127.0.0.1:5061";
        String uas = "udp:127.0.0.1:5070";
        List<LoggedMessage> m = new ArrayList<>(18);
        if (withLadder) {
            String b1 = "z9hG4bK-" + token(r, 6);
            String b2 = "z9hG4bK-" + token(r, 6);
            String ours = "z9hG4bK" + token(r, 10);
            String sdp = "v=0\r\no=caller 53655765 2353687637 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                    + "m=audio 6000 RTP/AVP 0 8\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n";
            String answer = sdp.replace("caller", "callee").replace("6000", "6002");
            String from = "From: <sip:" + caller + "@127.0.0.1>;tag=" + fromTag + "\r\n";
            String to = "To: <sip:" + callee + "@127.0.0.1>\r\n";
            String toT = "To: <sip:" + callee + "@127.0.0.1>;tag=" + toTag + "\r\n";
            String cid = "Call-ID: " + callId + "\r\n";
            String viaC = "Via: SIP/2.0/UDP 127.0.0.1:5061;branch=%s;rport=5061;received=127.0.0.1\r\n";
            String viaS = "Via: SIP/2.0/UDP 127.0.0.1:5080;branch=" + ours + "\r\n";
            String rr = "Record-Route: <sip:127.0.0.1:5080;lr>\r\n";
            String inv = "INVITE sip:" + callee + "@127.0.0.1:5080 SIP/2.0\r\n";
            String auth = "Proxy-Authorization: Digest username=\"" + caller + "\",realm=\"127.0.0.1\",cnonce=\""
                    + token(r, 4) + "\",nc=00000001,qop=auth,uri=\"sip:" + callee + "@127.0.0.1:5080\",nonce=\""
                    + nonce + "\",response=\"" + token(r, 16) + "\",algorithm=MD5\r\n";
            long t = at;
            m.add(msg(t, Direction.IN, uac, inv + String.format(viaC, b1) + "Max-Forwards: 70\r\n" + from + to + cid
                    + "CSeq: 1 INVITE\r\nContact: <sip:" + caller + "@127.0.0.1:5061>\r\nUser-Agent: sipp-anchor\r\n"
                    + "Content-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp));
            m.add(msg(t + 1, Direction.OUT, uac, "SIP/2.0 100 Trying\r\n" + String.format(viaC, b1) + from + to + cid
                    + "CSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n"));
            m.add(msg(t + 1, Direction.OUT, uac, "SIP/2.0 407 Proxy Authentication Required\r\n"
                    + String.format(viaC, b1) + from + toT + cid + "CSeq: 1 INVITE\r\nProxy-Authenticate: Digest"
                    + " realm=\"127.0.0.1\", nonce=\"" + nonce + "\", algorithm=MD5, qop=\"auth\"\r\n"
                    + "Content-Length: 0\r\n\r\n"));
            m.add(msg(t + 2, Direction.IN, uac, "ACK sip:" + callee + "@127.0.0.1:5080 SIP/2.0\r\n"
                    + String.format(viaC, b1) + "Max-Forwards: 70\r\n" + from + toT + cid
                    + "CSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n"));
            m.add(msg(t + 3, Direction.IN, uac, inv + String.format(viaC, b2) + "Max-Forwards: 70\r\n" + from + to + cid
                    + "CSeq: 2 INVITE\r\nContact: <sip:" + caller + "@127.0.0.1:5061>\r\n" + auth
                    + "User-Agent: sipp-anchor\r\nContent-Type: application/sdp\r\nContent-Length: " + sdp.length()
                    + "\r\n\r\n" + sdp));
            m.add(msg(t + 4, Direction.OUT, uac, "SIP/2.0 100 Trying\r\n" + String.format(viaC, b2) + from + to + cid
                    + "CSeq: 2 INVITE\r\nContent-Length: 0\r\n\r\n"));
            String fwd = "INVITE sip:" + callee + "@127.0.0.1:5070 SIP/2.0\r\n" + viaS + String.format(viaC, b2)
                    + rr + "Max-Forwards: 69\r\n" + from + to + cid + "CSeq: 2 INVITE\r\nContact: <sip:" + caller
                    + "@127.0.0.1:5061>\r\nUser-Agent: sipp-anchor\r\nContent-Type: application/sdp\r\n"
                    + "Content-Length: " + sdp.length() + "\r\n\r\n" + sdp;
            m.add(msg(t + 4, Direction.OUT, uas, fwd));
            String calleeResp = viaS + String.format(viaC, b2) + rr + from + toT + cid + "CSeq: 2 INVITE\r\n"
                    + "Contact: <sip:" + callee + "@127.0.0.1:5070>\r\n";
            String callerResp = String.format(viaC, b2) + rr + from + toT + cid + "CSeq: 2 INVITE\r\n"
                    + "Contact: <sip:" + callee + "@127.0.0.1:5070>\r\n";
            m.add(msg(t + 5, Direction.IN, uas, "SIP/2.0 100 Trying\r\n" + calleeResp + "Content-Length: 0\r\n\r\n"));
            m.add(msg(t + 6, Direction.IN, uas, "SIP/2.0 180 Ringing\r\n" + calleeResp + "Content-Length: 0\r\n\r\n"));
            m.add(msg(t + 6, Direction.OUT, uac, "SIP/2.0 180 Ringing\r\n" + callerResp + "Content-Length: 0\r\n\r\n"));
            String ok = "Content-Type: application/sdp\r\nContent-Length: " + answer.length() + "\r\n\r\n" + answer;
            m.add(msg(t + 8, Direction.IN, uas, "SIP/2.0 200 OK\r\n" + calleeResp + ok));
            m.add(msg(t + 8, Direction.OUT, uac, "SIP/2.0 200 OK\r\n" + callerResp + ok));
            String ackLine = "ACK sip:" + callee + "@127.0.0.1:5070 SIP/2.0\r\n";
            m.add(msg(t + 9, Direction.IN, uac, ackLine + "Via: SIP/2.0/UDP 127.0.0.1:5061;branch=z9hG4bK-"
                    + token(r, 6) + ";rport=5061;received=127.0.0.1\r\nRoute: <sip:127.0.0.1:5080;lr>\r\n"
                    + "Max-Forwards: 70\r\n" + from + toT + cid + "CSeq: 2 ACK\r\nContent-Length: 0\r\n\r\n"));
            m.add(msg(t + 9, Direction.OUT, uas, ackLine + "Via: SIP/2.0/UDP 127.0.0.1:5080;branch=z9hG4bK"
                    + token(r, 10) + "\r\nVia: SIP/2.0/UDP 127.0.0.1:5061;branch=z9hG4bK-" + token(r, 6)
                    + ";rport=5061;received=127.0.0.1\r\nMax-Forwards: 69\r\n" + from + toT + cid
                    + "CSeq: 2 ACK\r\nContent-Length: 0\r\n\r\n"));
            String byeVia = "Via: SIP/2.0/UDP 127.0.0.1:5061;branch=z9hG4bK-" + token(r, 6)
                    + ";rport=5061;received=127.0.0.1\r\n";
            String byeOurs = "Via: SIP/2.0/UDP 127.0.0.1:5080;branch=z9hG4bK" + token(r, 10) + "\r\n";
            m.add(msg(t + 1_010, Direction.IN, uac, "BYE sip:" + callee + "@127.0.0.1:5070 SIP/2.0\r\n" + byeVia
                    + "Route: <sip:127.0.0.1:5080;lr>\r\nMax-Forwards: 70\r\n" + from + toT + cid
                    + "CSeq: 3 BYE\r\nContent-Length: 0\r\n\r\n"));
            m.add(msg(t + 1_010, Direction.OUT, uas, "BYE sip:" + callee + "@127.0.0.1:5070 SIP/2.0\r\n" + byeOurs
                    + byeVia + "Max-Forwards: 69\r\n" + from + toT + cid + "CSeq: 3 BYE\r\nContent-Length: 0\r\n\r\n"));
            m.add(msg(t + 1_011, Direction.IN, uas, "SIP/2.0 200 OK\r\n" + byeOurs + byeVia + from + toT + cid
                    + "CSeq: 3 BYE\r\nContent-Length: 0\r\n\r\n"));
            m.add(msg(t + 1_011, Direction.OUT, uac, "SIP/2.0 200 OK\r\n" + byeVia + from + toT + cid
                    + "CSeq: 3 BYE\r\nContent-Length: 0\r\n\r\n"));
        }
        return new CallRecord(callId, at, uac, "sip:" + caller + "@127.0.0.1", caller, callee, null, 200, null, 6, 2,
                1_002, 0, m);
    }

    /** The messages of one registration attempt (REGISTER, 401, REGISTER with credentials, 200). */
    static List<LoggedMessage> registration(SplittableRandom r, long at) {
        String user = String.format("u%05d", r.nextInt(10000));
        String callId = r.nextInt(100000) + "-" + r.nextInt(10000) + "@127.0.0.1";
        String tag = r.nextInt(100000) + "SIPpTag00" + r.nextInt(100000);
        String nonce = token(r, 16);
        String peer = "udp:127.0.0.1:5062";
        String head = "From: <sip:" + user + "@127.0.0.1>;tag=" + tag + "\r\nTo: <sip:" + user + "@127.0.0.1>\r\n"
                + "Call-ID: " + callId + "\r\n";
        String via1 = "Via: SIP/2.0/UDP 127.0.0.1:5062;branch=z9hG4bK-" + token(r, 6) + ";rport\r\n";
        String via2 = "Via: SIP/2.0/UDP 127.0.0.1:5062;branch=z9hG4bK-" + token(r, 6) + ";rport\r\n";
        String reg = "REGISTER sip:127.0.0.1:5080 SIP/2.0\r\n";
        String contact = "Contact: <sip:" + user + "@127.0.0.1:5062>\r\nExpires: 3600\r\nUser-Agent: sipp-anchor\r\n";
        List<LoggedMessage> m = List.of(
                msg(at, Direction.IN, peer, reg + via1 + "Max-Forwards: 70\r\n" + head + "CSeq: 1 REGISTER\r\n"
                        + contact + "Content-Length: 0\r\n\r\n"),
                msg(at + 1, Direction.OUT, peer, "SIP/2.0 401 Unauthorized\r\n" + via1.replace(";rport",
                        ";rport=5062;received=127.0.0.1") + head.replace("@127.0.0.1>\r\nCall", "@127.0.0.1>;tag="
                        + token(r, 4) + "\r\nCall") + "CSeq: 1 REGISTER\r\nWWW-Authenticate: Digest realm=\"127.0.0.1\","
                        + " nonce=\"" + nonce + "\", algorithm=MD5, qop=\"auth\"\r\nContent-Length: 0\r\n\r\n"),
                msg(at + 2, Direction.IN, peer, reg + via2 + "Max-Forwards: 70\r\n" + head + "CSeq: 2 REGISTER\r\n"
                        + contact + "Authorization: Digest username=\"" + user + "\",realm=\"127.0.0.1\",cnonce=\""
                        + token(r, 4) + "\",nc=00000001,qop=auth,uri=\"sip:127.0.0.1:5080\",nonce=\"" + nonce
                        + "\",response=\"" + token(r, 16) + "\",algorithm=MD5\r\nContent-Length: 0\r\n\r\n"),
                msg(at + 3, Direction.OUT, peer, "SIP/2.0 200 OK\r\n" + via2.replace(";rport",
                        ";rport=5062;received=127.0.0.1") + head + "CSeq: 2 REGISTER\r\nContact: <sip:" + user
                        + "@127.0.0.1:5062>;expires=3600\r\nDate: Thu, 01 Jan 2026 00:00:00 GMT\r\n"
                        + "Content-Length: 0\r\n\r\n"));
        return m;
    }

    static LoggedMessage msg(long at, Direction d, String peer, String text) {
        return new LoggedMessage(at, d, peer, text.substring(0, text.indexOf("\r\n")), text);
    }

    static String token(SplittableRandom r, int bytes) {
        byte[] b = new byte[bytes];
        r.nextBytes(b);
        return HEX.formatHex(b);
    }
}
