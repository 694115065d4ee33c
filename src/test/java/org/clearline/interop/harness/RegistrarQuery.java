package org.clearline.interop.harness;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Asks the registrar for an AOR's current bindings over the wire: a REGISTER
 * without Contact (RFC 3261 §10.2.3) answered by a 200 that lists them
 * (§10.3 step 8). Authenticated with MD5 like any REGISTER.
 */
public final class RegistrarQuery {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private RegistrarQuery() {}

    /** The Contact header values of the 200, or an AssertionError naming what came instead. */
    public static List<String> bindings(ClearlineProcess server, TestAccount account) {
        try (SipUdpClient ua = new SipUdpClient(server.port())) {
            String callId = SipText.newCallId();
            ua.send(query(server, ua, account, callId, 1, null));
            RawResponse challenge = ua.finalResponseFor(callId, WAIT)
                    .orElseThrow(() -> new AssertionError("no answer to a REGISTER query"));
            if (challenge.status() != 401) throw new AssertionError("expected 401, got " + challenge.startLine());
            Map<String, String> md5 = challenge.headers("WWW-Authenticate").stream()
                    .map(DigestClient::parseChallenge)
                    .filter(p -> "MD5".equalsIgnoreCase(p.getOrDefault("algorithm", "MD5")))
                    .findFirst().orElseThrow(() -> new AssertionError("no MD5 challenge"));
            String auth = DigestClient.authorization(md5, "REGISTER", "sip:" + server.domain(),
                    account.sipId(), account.password(), "q" + Long.toHexString(System.nanoTime()));
            ua.send(query(server, ua, account, callId, 2, auth));
            RawResponse ok = ua.finalResponseFor(callId, WAIT)
                    .orElseThrow(() -> new AssertionError("no answer to the authenticated REGISTER query"));
            if (ok.status() != 200) throw new AssertionError("expected 200, got " + ok.startLine());
            return ok.headers("Contact").stream()
                    .flatMap(v -> java.util.Arrays.stream(v.split(",(?=\\s*<)")))
                    .map(String::strip).toList();
        }
    }

    private static String query(ClearlineProcess server, SipUdpClient ua, TestAccount a, String callId, int cseq,
            String authorization) {
        String aor = "sip:" + a.sipId() + "@" + server.domain();
        return "REGISTER sip:" + server.domain() + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + ua.localPort() + ";branch=" + SipText.newBranch() + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <" + aor + ">;tag=q" + Integer.toHexString(callId.hashCode()) + "\r\n"
                + "To: <" + aor + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " REGISTER\r\n"
                + (authorization != null ? "Authorization: " + authorization + "\r\n" : "")
                + "Content-Length: 0\r\n\r\n";
    }
}
