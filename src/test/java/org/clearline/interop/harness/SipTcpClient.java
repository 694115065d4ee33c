package org.clearline.interop.harness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A raw TCP peer on 127.0.0.1. Reads responses framed by Content-Length
 * (RFC 3261 §18.3) and tells whether the server closed the connection.
 */
public final class SipTcpClient implements AutoCloseable {
    private static final Pattern CONTENT_LENGTH =
            Pattern.compile("(?im)^(?:content-length|l)[ \\t]*:[ \\t]*(\\d+)");

    private final Socket socket;
    private final InputStream in;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private volatile boolean closedByPeer;

    public SipTcpClient(int serverPort) {
        try {
            socket = new Socket();
            socket.connect(new InetSocketAddress(FreePorts.loopback(), serverPort), 5_000);
            socket.setTcpNoDelay(true);
            in = socket.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int localPort() {
        return socket.getLocalPort();
    }

    /** Sends bytes; false when the server has already closed or reset the connection. */
    public boolean send(byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            return true;
        } catch (IOException e) {
            closedByPeer = true;
            return false;
        }
    }

    public boolean send(String text) {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The next complete message within {@code wait}, if any. */
    public Optional<RawResponse> receive(Duration wait) {
        long end = System.nanoTime() + wait.toNanos();
        byte[] buf = new byte[8192];
        while (true) {
            Optional<RawResponse> framed = takeFramed();
            if (framed.isPresent()) return framed;
            long left = end - System.nanoTime();
            if (left <= 0 || closedByPeer) return Optional.empty();
            try {
                socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
                int n = in.read(buf);
                if (n < 0) {
                    closedByPeer = true;
                } else {
                    pending.write(buf, 0, n);
                }
            } catch (SocketTimeoutException e) {
                return Optional.empty();
            } catch (IOException e) {
                closedByPeer = true;
            }
        }
    }

    /** Every message until {@code quiet} passes without one, or the peer closes. */
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

    /** True once a read saw end-of-stream or a reset. */
    public boolean closedByPeer() {
        return closedByPeer;
    }

    /** Waits up to {@code wait} for the server to close the connection (discarding data). */
    public boolean awaitClosedByPeer(Duration wait) {
        long end = System.nanoTime() + wait.toNanos();
        while (!closedByPeer && System.nanoTime() < end) {
            receive(Duration.ofMillis(200));
        }
        return closedByPeer;
    }

    public Optional<RawResponse> options(int serverPort, Duration wait) {
        String callId = SipText.newCallId();
        send(SipText.optionsToServer(serverPort, "TCP", localPort(), callId));
        long end = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < end) {
            Optional<RawResponse> r = receive(Duration.ofNanos(Math.max(1, end - System.nanoTime())));
            if (r.isEmpty()) return r;
            if (callId.equals(r.get().callId()) && r.get().status() >= 200) return r;
        }
        return Optional.empty();
    }

    private Optional<RawResponse> takeFramed() {
        byte[] data = pending.toByteArray();
        String text = new String(data, StandardCharsets.ISO_8859_1);
        // skip keep-alive CRLFs between messages (RFC 5626 §3.5.1)
        int start = 0;
        while (start + 1 < text.length() && text.startsWith("\r\n", start)) start += 2;
        int headEnd = text.indexOf("\r\n\r\n", start);
        if (headEnd < 0) return Optional.empty();
        String head = text.substring(start, headEnd);
        Matcher m = CONTENT_LENGTH.matcher(head);
        int bodyLength = m.find() ? Integer.parseInt(m.group(1).toLowerCase(Locale.ROOT)) : 0;
        int end = headEnd + 4 + bodyLength;
        if (end > text.length()) return Optional.empty();
        pending.reset();
        pending.write(data, end, data.length - end);
        return Optional.of(new RawResponse(text.substring(start, end)));
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a test socket: nothing left to do
        }
    }
}
