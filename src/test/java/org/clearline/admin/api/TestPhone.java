package org.clearline.admin.api;

import java.time.Duration;
import java.util.Map;
import org.clearline.interop.harness.DigestClient;
import org.clearline.interop.harness.RawResponse;
import org.clearline.interop.harness.SipUdpClient;
import org.clearline.interop.harness.SipText;

/**
 * A phone on a UDP socket of 127.0.0.1 that registers one account with the
 * server under test: REGISTER, answer the digest challenge (RFC 3261 §22.4), and
 * report the final status. Written from the RFC, not from the server's code.
 */
final class TestPhone implements AutoCloseable {
    static final String USER_AGENT = "clearline-api-test";
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final SipUdpClient ua;
    private final String user;
    private int cseq;

    TestPhone(int serverPort, String user) {
        this.ua = new SipUdpClient(serverPort);
        this.user = user;
    }

    int port() {
        return ua.localPort();
    }

    /** The final status of a REGISTER with this password (after the 401 challenge, if one comes). */
    int register(String password) {
        String callId = SipText.newCallId();
        ua.send(request(callId, null));
        RawResponse first = finalResponse(callId);
        if (first.status() != 401) return first.status();
        Map<String, String> challenge = DigestClient.parseChallenge(first.header("WWW-Authenticate", null));
        String auth = DigestClient.authorization(challenge, "REGISTER", "sip:" + ApiHarness.DOMAIN, user, password,
                "c" + Long.toHexString(System.nanoTime()));
        ua.send(request(callId, auth));
        return finalResponse(callId).status();
    }

    private RawResponse finalResponse(String callId) {
        return ua.finalResponseFor(callId, WAIT).orElseThrow(() -> new AssertionError("no answer to REGISTER"));
    }

    private String request(String callId, String authorization) {
        String aor = "sip:" + user + "@" + ApiHarness.DOMAIN;
        return "REGISTER sip:" + ApiHarness.DOMAIN + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + port() + ";branch=" + SipText.newBranch() + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <" + aor + ">;tag=t" + Integer.toHexString(callId.hashCode()) + "\r\n"
                + "To: <" + aor + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + (++cseq) + " REGISTER\r\n"
                + "Contact: <sip:" + user + "@127.0.0.1:" + port() + ">\r\n"
                + "Expires: 600\r\n"
                + "User-Agent: " + USER_AGENT + "\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                + "Content-Length: 0\r\n\r\n";
    }

    @Override
    public void close() {
        ua.close();
    }
}
