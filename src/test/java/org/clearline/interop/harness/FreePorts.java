package org.clearline.interop.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Free loopback ports chosen by the OS (bind to port 0, read the port, close).
 * The port is released before the peer binds it, so a tiny race remains; the
 * OS hands out ephemeral ports round-robin, which keeps it negligible here.
 */
public final class FreePorts {
    private static final int ATTEMPTS = 50;

    private FreePorts() {}

    public static InetAddress loopback() {
        return InetAddress.getLoopbackAddress();
    }

    /** A port free for both UDP and TCP (a SIP server listens on both, RFC 3261 §18). */
    public static int udpAndTcp() {
        for (int i = 0; i < ATTEMPTS; i++) {
            try (ServerSocket tcp = new ServerSocket()) {
                tcp.setReuseAddress(false);
                tcp.bind(new InetSocketAddress(loopback(), 0));
                int port = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback(), port))) {
                    return udp.getLocalPort();
                } catch (IOException taken) {
                    // UDP side busy: try another
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no loopback port free for both UDP and TCP after " + ATTEMPTS + " tries");
    }

    /** A free UDP port (SIPp and baresip use UDP here). */
    public static int udp() {
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback(), 0))) {
            return udp.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
