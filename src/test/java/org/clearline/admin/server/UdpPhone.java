package org.clearline.admin.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A phone on a UDP socket of 127.0.0.1 that registers with digest authentication (RFC 2617 §3.2.2, computed here). */
final class UdpPhone implements AutoCloseable {
    private final DatagramSocket socket;
    private final String realm;
    private final int serverPort;

    UdpPhone(String realm, int serverPort) throws Exception {
        this.socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        socket.setSoTimeout(5000);
        this.realm = realm;
        this.serverPort = serverPort;
    }

    /** "udp:127.0.0.1:PORT", as the server names this phone. */
    String source() {
        return "udp:127.0.0.1:" + socket.getLocalPort();
    }

    /** REGISTER, answer the challenge with these credentials, return the final response. */
    String register(String user, String password, String callId) throws Exception {
        send(registerRequest(user, callId, 1, ""));
        String challenge = receiveFinal();
        assertThat(challenge).startsWith("SIP/2.0 401 ");
        send(registerRequest(user, callId, 2, authorization(challenge, user, password) + "\r\n"));
        return receiveFinal();
    }

    private String registerRequest(String user, String callId, int cseq, String extra) {
        int p = socket.getLocalPort();
        return "REGISTER sip:" + realm + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + p + ";branch=z9hG4bK" + Integer.toHexString(callId.hashCode())
                + "x" + cseq + ";rport\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:" + user + "@" + realm + ">;tag=f" + cseq + "\r\n"
                + "To: <sip:" + user + "@" + realm + ">\r\nCall-ID: " + callId + "\r\nCSeq: " + cseq + " REGISTER\r\n"
                + "Contact: <sip:" + user + "@127.0.0.1:" + p + ">\r\nExpires: 600\r\n" + extra
                + "Content-Length: 0\r\n\r\n";
    }

    private String authorization(String challenge, String user, String password) throws Exception {
        String ch = header(challenge, "WWW-Authenticate");
        String nonce = param(ch, "nonce");
        String uri = "sip:" + realm;
        String ha1 = md5(user + ":" + param(ch, "realm") + ":" + password);
        String response = md5(ha1 + ":" + nonce + ":00000001:abcdef:auth:" + md5("REGISTER:" + uri));
        return "Authorization: Digest username=\"" + user + "\", realm=\"" + param(ch, "realm") + "\", nonce=\""
                + nonce + "\", uri=\"" + uri + "\", response=\"" + response + "\", algorithm=MD5, cnonce=\"abcdef\", "
                + "qop=auth, nc=00000001";
    }

    private void send(String msg) throws Exception {
        byte[] b = msg.getBytes(StandardCharsets.ISO_8859_1);
        socket.send(new DatagramPacket(b, b.length, new InetSocketAddress("127.0.0.1", serverPort)));
    }

    /** The next response that is not 100 Trying. */
    private String receiveFinal() throws Exception {
        byte[] buf = new byte[65535];
        while (true) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no answer within 5 s", e);
            }
            String m = new String(buf, 0, p.getLength(), StandardCharsets.ISO_8859_1);
            if (!m.startsWith("SIP/2.0 100 ")) return m;
        }
    }

    static String md5(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    static String param(String header, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(header);
        assertThat(m.find()).as("%s in %s", name, header).isTrue();
        return m.group(1);
    }

    /** The first header line of that name, its value stripped. */
    static String header(String msg, String name) {
        for (String line : msg.split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).strip();
            }
        }
        throw new AssertionError("no " + name + " in\n" + msg);
    }

    @Override
    public void close() {
        socket.close();
    }
}
