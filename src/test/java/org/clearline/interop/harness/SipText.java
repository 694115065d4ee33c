package org.clearline.interop.harness;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Small hand-written requests the raw test clients send. CRLF line ends, Content-Length always given. */
public final class SipText {
    private SipText() {}

    public static String newCallId() {
        return UUID.randomUUID() + "@127.0.0.1";
    }

    /** RFC 3261 §8.1.1.7: branch starts with the magic cookie and is unique per transaction. */
    public static String newBranch() {
        return "z9hG4bK-it-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    }

    /** OPTIONS addressed to the server itself (Request-URI = its address), §11. */
    public static String optionsToServer(int serverPort, String transport, int localPort, String callId) {
        return "OPTIONS sip:127.0.0.1:" + serverPort + " SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " 127.0.0.1:" + localPort + ";branch=" + newBranch() + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:probe@127.0.0.1>;tag=" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + "\r\n"
                + "To: <sip:127.0.0.1:" + serverPort + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Accept: application/sdp\r\n"
                + "Content-Length: 0\r\n"
                + "\r\n";
    }
}
