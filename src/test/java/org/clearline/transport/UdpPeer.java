package org.clearline.transport;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A plain UDP socket on 127.0.0.1 playing the other SIP element. */
final class UdpPeer implements AutoCloseable {
    final DatagramSocket socket;

    UdpPeer() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        socket.setSoTimeout(5_000);
    }

    UdpPeer(int port) throws IOException {
        socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", port));
        socket.setSoTimeout(5_000);
    }

    int port() {
        return socket.getLocalPort();
    }

    void send(byte[] data, int port) throws IOException {
        socket.send(new DatagramPacket(data, data.length, new InetSocketAddress("127.0.0.1", port)));
    }

    void send(String text, int port) throws IOException {
        send(text.getBytes(StandardCharsets.ISO_8859_1), port);
    }

    /** The next datagram as text; fails after 5 s. */
    String receive() throws IOException {
        byte[] buf = new byte[65_536];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        socket.receive(p);
        return new String(buf, 0, p.getLength(), StandardCharsets.ISO_8859_1);
    }

    /** True when nothing arrives within {@code millis}. */
    boolean silentFor(int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            receive();
            return false;
        } catch (SocketTimeoutException e) {
            return true;
        } finally {
            socket.setSoTimeout(5_000);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
