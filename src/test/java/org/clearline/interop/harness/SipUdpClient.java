package org.clearline.interop.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A raw UDP peer on 127.0.0.1 for probing the server byte by byte (no SIP stack of ours). */
public final class SipUdpClient implements AutoCloseable {
    private static final int MAX_DATAGRAM = 65_535;

    private final DatagramSocket socket;
    private final InetSocketAddress server;

    public SipUdpClient(int serverPort) {
        try {
            this.socket = new DatagramSocket(new InetSocketAddress(FreePorts.loopback(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.server = new InetSocketAddress(FreePorts.loopback(), serverPort);
    }

    public int localPort() {
        return socket.getLocalPort();
    }

    public void send(byte[] bytes) {
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, server));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void send(String text) {
        send(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The next datagram within {@code wait}, if any. */
    public Optional<RawResponse> receive(Duration wait) {
        byte[] buf = new byte[MAX_DATAGRAM];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        try {
            socket.setSoTimeout((int) Math.max(1, wait.toMillis()));
            socket.receive(p);
            return Optional.of(RawResponse.of(buf, p.getLength()));
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every datagram that arrives until {@code quiet} passes without one (bounded by {@code max}). */
    public List<RawResponse> drain(Duration quiet, Duration max) {
        List<RawResponse> out = new ArrayList<>();
        long end = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < end) {
            Optional<RawResponse> r = receive(quiet);
            if (r.isEmpty()) break;
            out.add(r.get());
        }
        return out;
    }

    /**
     * Sends an OPTIONS to the server itself and returns the final response to it
     * (provisional responses and stray datagrams are skipped), if one arrives in time.
     */
    public Optional<RawResponse> options(Duration wait) {
        String callId = SipText.newCallId();
        send(SipText.optionsToServer(server.getPort(), "UDP", localPort(), callId));
        return finalResponseFor(callId, wait);
    }

    /** The first final response carrying {@code callId}, within {@code wait}. */
    public Optional<RawResponse> finalResponseFor(String callId, Duration wait) {
        long end = System.nanoTime() + wait.toNanos();
        while (true) {
            long left = end - System.nanoTime();
            if (left <= 0) return Optional.empty();
            Optional<RawResponse> r = receive(Duration.ofNanos(left));
            if (r.isEmpty()) return r;
            if (callId.equals(r.get().callId()) && r.get().status() >= 200) return r;
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
