package org.clearline.admin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearline.admin.server.UdpPhone.header;
import static org.clearline.admin.server.UdpPhone.md5;
import static org.clearline.admin.server.UdpPhone.param;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.clearline.core.auth.DigestAlgorithm;
import org.clearline.core.proxy.ProxyConfig;
import org.clearline.core.registrar.RegistrarConfig;
import org.awaitility.Awaitility;
import org.clearline.store.Account;
import org.clearline.store.CallRecord;
import org.clearline.store.LoggedMessage;
import org.clearline.store.JdbcStore;
import org.clearline.time.Clock;
import org.clearline.transaction.TimerConfig;
import org.clearline.transport.TransportConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole stack over real UDP sockets on 127.0.0.1: registration with digest
 * authentication and an authenticated call routed to the registered contact.
 */
class SipStackTest {
    private static final String REALM = "127.0.0.1";

    @TempDir
    Path dir;
    private JdbcStore store;
    private SipStack stack;
    private int port;
    private DatagramSocket alice;
    private DatagramSocket bob;

    @BeforeEach
    void start() throws Exception {
        store = JdbcStore.open(Files.createDirectories(dir.resolve("data")));
        store.accounts().put(account("alice", "secret-alice"));
        store.accounts().put(account("bob", "secret-bob"));
        StackSettings s = new StackSettings(REALM, List.of(), TransportConfig.of("127.0.0.1", 0), TimerConfig.DEFAULT,
                RegistrarConfig.DEFAULT, ProxyConfig.DEFAULT, Duration.ofMinutes(5),
                List.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA_256), "49", "30", Duration.ofSeconds(2),
                StackSettings.GERMAN_PREMIUM, List.of(), StackSettings.DEFAULT_FORWARD_DEPTH);
        stack = SipStack.start(s, store, Clock.SYSTEM);
        port = stack.listeningPoints().get(0).port();
        alice = socket();
        bob = socket();
    }

    @AfterEach
    void stop() {
        if (alice != null) alice.close();
        if (bob != null) bob.close();
        if (stack != null) stack.close();
        if (store != null) store.close();
    }

    @Test
    void registersWithDigestAndRoutesAnAuthenticatedCall() throws Exception {
        register(bob, "bob", "secret-bob");

        String forwarded = ringBob("c1@test");
        assertThat(forwarded).startsWith("INVITE sip:bob@127.0.0.1:" + bob.getLocalPort() + " SIP/2.0");
        assertThat(forwarded).contains("Record-Route: <sip:127.0.0.1:" + port + ";lr>");
        assertThat(forwarded).contains("Max-Forwards: 69");
        assertThat(forwarded).doesNotContain("Proxy-Authorization");
        assertThat(header(forwarded, "Via")).startsWith("SIP/2.0/UDP 127.0.0.1:" + port + ";branch=z9hG4bK");

        send(bob, response(forwarded, "200 OK", "totag1"));
        String ok = receive(alice);
        assertThat(ok).startsWith("SIP/2.0 200 OK");
        assertThat(ok).contains("Record-Route: <sip:127.0.0.1:" + port + ";lr>");
        assertThat(ok.split("\r\n")).filteredOn(l -> l.startsWith("Via:")).hasSize(1);

        // the BYE follows the route set to bob's phone, which shares the proxy's IP address
        String bye = "BYE sip:bob@127.0.0.1:" + bob.getLocalPort() + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + alice.getLocalPort() + ";branch=z9hG4bKbye1;rport\r\n"
                + "Route: <sip:127.0.0.1:" + port + ";lr>\r\nMax-Forwards: 70\r\n"
                + "From: <sip:alice@" + REALM + ">;tag=caller\r\nTo: <sip:bob@" + REALM + ">;tag=totag1\r\n"
                + "Call-ID: c1@test\r\nCSeq: 3 BYE\r\nContent-Length: 0\r\n\r\n";
        send(alice, bye);
        assertThat(receive(bob)).startsWith("BYE sip:bob@127.0.0.1:" + bob.getLocalPort() + " SIP/2.0");
    }

    @Test
    void aCallStillRingingWhenTheServerStopsGets503AndItsPhoneACancel() throws Exception {
        register(bob, "bob", "secret-bob");
        String forwarded = ringBob("c-stop@test");

        Thread stopping = Thread.ofPlatform().name("test-sigterm").start(stack::drainAndStop);
        // the drain time (2 s here) passes first: a call may still be answered in it
        String cancel = receive(bob);
        assertThat(cancel).startsWith("CANCEL sip:bob@127.0.0.1:" + bob.getLocalPort() + " SIP/2.0");
        assertThat(header(cancel, "Via")).as("§9.1: the CANCEL names the INVITE's branch")
                .isEqualTo(header(forwarded, "Via"));
        send(bob, response(cancel, "200 OK", "totag1"));
        send(bob, response(forwarded, "487 Request Terminated", "totag1"));

        String answer = receiveFinal(alice);
        assertThat(answer).startsWith("SIP/2.0 503 Service Unavailable").contains("Retry-After: 5")
                .contains("CSeq: 2 INVITE");
        send(alice, ack(answer, alice).replace("CSeq: 1 ACK", "CSeq: 2 ACK"));
        stopping.join(10_000);
        assertThat(stopping.isAlive()).isFalse();
        stack = null;  // stopped

        CallRecord call = Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> store.callLog().find("c-stop@test"), java.util.Optional::isPresent).orElseThrow();
        assertThat(call.code()).isEqualTo(503);
        assertThat(call.situation()).isEqualTo("server.stopped-during-setup");
        assertThat(call.messages()).extracting(m -> m.direction() + " " + m.startLine())
                .contains("OUT SIP/2.0 180 Ringing", "OUT SIP/2.0 503 Service Unavailable")
                .anyMatch(l -> l.startsWith("OUT CANCEL sip:bob@"));
    }

    @Test
    void aCallAnsweredWithinTheDrainTimeIsNotCut() throws Exception {
        register(bob, "bob", "secret-bob");
        String forwarded = ringBob("c-drain@test");

        Thread stopping = Thread.ofPlatform().name("test-sigterm").start(stack::drainAndStop);
        send(bob, response(forwarded, "200 OK", "totag1"));
        assertThat(receiveFinal(alice)).startsWith("SIP/2.0 200 OK");
        stopping.join(10_000);
        assertThat(stopping.isAlive()).isFalse();
        stack = null;
        bob.setSoTimeout(300);
        assertThat(drain(bob)).as("no CANCEL for an answered call").noneMatch(m -> m.startsWith("CANCEL"));
    }

    @Test
    void anAccountRemovedFromTheStoreLosesItsLiveBindings() throws Exception {
        register(bob, "bob", "secret-bob");
        register(alice, "alice", "secret-alice");
        long now = System.currentTimeMillis();
        assertThat(stack.location().lookup("bob", now)).hasSize(1);

        // as `clearline account remove bob` does, from another process
        assertThat(store.accounts().remove("bob")).isTrue();
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> stack.location().lookup("bob", System.currentTimeMillis()).isEmpty());
        assertThat(stack.location().lookup("alice", System.currentTimeMillis())).hasSize(1);
    }

    @Test
    void aCallToAnOfflinePhoneIsLoggedWithItsSituationAndLadder() throws Exception {
        String invite = request("INVITE", "sip:bob@" + REALM, alice, "alice", "c2@test", 1, "");
        send(alice, invite);
        String challenge = receiveFinal(alice);
        assertThat(challenge).startsWith("SIP/2.0 407 ");
        send(alice, ack(challenge, alice));
        String auth = authorization("Proxy-Authorization", challenge, "Proxy-Authenticate", "alice",
                "secret-alice", "INVITE", "sip:bob@" + REALM);
        send(alice, request("INVITE", "sip:bob@" + REALM, alice, "alice", "c2@test", 2, auth + "\r\n"));
        String offline = receiveFinal(alice);
        assertThat(offline).startsWith("SIP/2.0 480 ");
        send(alice, ack(offline, alice));

        CallRecord logged = Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> store.callLog().find("c2@test"), java.util.Optional::isPresent).orElseThrow();
        assertThat(logged.code()).isEqualTo(480);
        assertThat(logged.situation()).isEqualTo("callee.offline");
        assertThat(logged.callerUser()).isEqualTo("alice");
        assertThat(logged.callee()).isEqualTo("bob");
        assertThat(logged.source()).isEqualTo("udp:127.0.0.1:" + alice.getLocalPort());
        assertThat(logged.messages()).extracting(m -> m.direction() + " " + m.startLine()).containsExactly(
                "IN INVITE sip:bob@" + REALM + " SIP/2.0",
                "OUT SIP/2.0 100 Trying",
                "OUT SIP/2.0 407 Proxy Authentication Required",
                "IN ACK sip:bob@" + REALM + " SIP/2.0",
                "IN INVITE sip:bob@" + REALM + " SIP/2.0",
                "OUT SIP/2.0 100 Trying",
                "OUT SIP/2.0 480 Temporarily Unavailable",
                "IN ACK sip:bob@" + REALM + " SIP/2.0");
        assertThat(logged.messages()).extracting(LoggedMessage::atMillis).isSorted();
        assertThat(logged.messages().get(4).text()).contains("Proxy-Authorization: Digest");
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() throws Exception {
        String wrong = registerOnce(alice, "alice", "not-the-password");
        String unknown = registerOnce(alice, "mallory", "whatever");
        assertThat(wrong).startsWith("SIP/2.0 401 Unauthorized");
        assertThat(unknown).startsWith("SIP/2.0 401 Unauthorized");
        assertThat(headerNames(wrong)).isEqualTo(headerNames(unknown));
    }

    // ------------------------------------------------------------------ helpers

    /** Alice calls bob with her credentials and bob's phone rings; returns the INVITE bob's phone got. */
    private String ringBob(String callId) throws Exception {
        send(alice, request("INVITE", "sip:bob@" + REALM, alice, "alice", callId, 1, ""));
        String challenge = receiveFinal(alice);
        assertThat(challenge).startsWith("SIP/2.0 407 ");
        send(alice, ack(challenge, alice));
        String auth = authorization("Proxy-Authorization", challenge, "Proxy-Authenticate", "alice",
                "secret-alice", "INVITE", "sip:bob@" + REALM);
        send(alice, request("INVITE", "sip:bob@" + REALM, alice, "alice", callId, 2, auth + "\r\n"));
        assertThat(receive(alice)).startsWith("SIP/2.0 100 Trying");
        String forwarded = receive(bob);
        send(bob, response(forwarded, "180 Ringing", "totag1"));
        assertThat(receive(alice)).startsWith("SIP/2.0 180 Ringing");
        return forwarded;
    }

    /** Whatever arrives on {@code s} until it stays quiet for its timeout. */
    private static List<String> drain(DatagramSocket s) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        byte[] buf = new byte[65535];
        while (true) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                s.receive(p);
            } catch (SocketTimeoutException e) {
                return out;
            }
            out.add(new String(buf, 0, p.getLength(), StandardCharsets.ISO_8859_1));
        }
    }

    private void register(DatagramSocket s, String user, String password) throws Exception {
        assertThat(registerOnce(s, user, password)).startsWith("SIP/2.0 200 OK")
                .contains("Contact: <sip:" + user + "@127.0.0.1:" + s.getLocalPort() + ">;expires=");
    }

    /** REGISTER, answer the challenge with these credentials, return the final response. */
    private String registerOnce(DatagramSocket s, String user, String password) throws Exception {
        String callId = "reg-" + user + "-" + System.nanoTime();
        send(s, registerRequest(s, user, callId, 1, ""));
        String challenge = receiveFinal(s);
        assertThat(challenge).startsWith("SIP/2.0 401 ");
        String auth = authorization("Authorization", challenge, "WWW-Authenticate", user, password, "REGISTER",
                "sip:" + REALM);
        send(s, registerRequest(s, user, callId, 2, auth + "\r\n"));
        return receiveFinal(s);
    }

    private String registerRequest(DatagramSocket s, String user, String callId, int cseq, String extra) {
        int p = s.getLocalPort();
        return "REGISTER sip:" + REALM + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + p + ";branch=z9hG4bK" + callId + cseq + ";rport\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:" + user + "@" + REALM + ">;tag=f" + cseq + "\r\n"
                + "To: <sip:" + user + "@" + REALM + ">\r\nCall-ID: " + callId + "\r\nCSeq: " + cseq + " REGISTER\r\n"
                + "Contact: <sip:" + user + "@127.0.0.1:" + p + ">\r\nExpires: 600\r\n" + extra
                + "Content-Length: 0\r\n\r\n";
    }

    private static String request(String method, String ruri, DatagramSocket s, String user, String callId, int cseq,
                                  String extra) {
        int p = s.getLocalPort();
        String body = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP 0\r\n";
        return method + " " + ruri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + p + ";branch=z9hG4bK" + callId.hashCode() + "x" + cseq + ";rport\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:" + user + "@" + REALM + ">;tag=caller\r\n"
                + "To: <" + ruri + ">\r\nCall-ID: " + callId + "\r\nCSeq: " + cseq + " " + method + "\r\n"
                + "Contact: <sip:" + user + "@127.0.0.1:" + p + ">\r\n" + extra
                + "Content-Type: application/sdp\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
    }

    private static String ack(String response, DatagramSocket s) {
        String via = header(response, "Via");
        return "ACK sip:bob@" + REALM + " SIP/2.0\r\nVia: " + via + "\r\nMax-Forwards: 70\r\n"
                + "From: " + header(response, "From") + "\r\nTo: " + header(response, "To") + "\r\n"
                + "Call-ID: " + header(response, "Call-ID") + "\r\nCSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n";
    }

    private static String response(String request, String status, String toTag) {
        StringBuilder sb = new StringBuilder("SIP/2.0 ").append(status).append("\r\n");
        for (String line : request.split("\r\n")) {
            if (line.isEmpty()) break;
            if (line.startsWith("Via:") || line.startsWith("Record-Route:") || line.startsWith("From:")
                    || line.startsWith("Call-ID:") || line.startsWith("CSeq:")) {
                sb.append(line).append("\r\n");
            } else if (line.startsWith("To:")) {
                sb.append(line).append(";tag=").append(toTag).append("\r\n");
            }
        }
        return sb.append("Contact: <sip:bob@127.0.0.1>\r\nContent-Length: 0\r\n\r\n").toString();
    }

    /** RFC 2617 §3.2.2 with qop=auth, computed here independently of the server's code. */
    private static String authorization(String name, String challenge, String challengeHeader, String user,
                                        String password, String method, String uri) throws Exception {
        String ch = header(challenge, challengeHeader);
        String realm = param(ch, "realm");
        String nonce = param(ch, "nonce");
        String ha1 = md5(user + ":" + realm + ":" + password);
        String ha2 = md5(method + ":" + uri);
        String response = md5(ha1 + ":" + nonce + ":00000001:abcdef:auth:" + ha2);
        return name + ": Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce
                + "\", uri=\"" + uri + "\", response=\"" + response + "\", algorithm=MD5, cnonce=\"abcdef\", "
                + "qop=auth, nc=00000001";
    }

    private static List<String> headerNames(String msg) {
        return java.util.Arrays.stream(msg.split("\r\n")).skip(1).takeWhile(l -> !l.isEmpty())
                .map(l -> l.substring(0, l.indexOf(':'))).toList();
    }

    private static DatagramSocket socket() throws Exception {
        DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        s.setSoTimeout(5000);
        return s;
    }

    private void send(DatagramSocket s, String msg) throws Exception {
        byte[] b = msg.getBytes(StandardCharsets.ISO_8859_1);
        s.send(new DatagramPacket(b, b.length, new InetSocketAddress("127.0.0.1", port)));
    }

    private static String receive(DatagramSocket s) throws Exception {
        byte[] buf = new byte[65535];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        try {
            s.receive(p);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no message within 5 s", e);
        }
        return new String(buf, 0, p.getLength(), StandardCharsets.ISO_8859_1);
    }

    /** The next response that is not 100 Trying. */
    private static String receiveFinal(DatagramSocket s) throws Exception {
        while (true) {
            String m = receive(s);
            if (!m.startsWith("SIP/2.0 100 ")) return m;
        }
    }

    private static Account account(String user, String password) {
        return new Account(user, user, DigestAlgorithm.MD5.ha1(user, REALM, password),
                DigestAlgorithm.SHA_256.ha1(user, REALM, password), true);
    }
}
