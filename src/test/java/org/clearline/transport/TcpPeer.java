package org.clearline.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** A plain TCP socket on 127.0.0.1 that writes raw bytes and reads whole SIP messages. */
final class TcpPeer implements AutoCloseable {
    final Socket socket;
    private final InputStream in;

    TcpPeer(int port) throws IOException {
        this(new Socket());
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    }

    TcpPeer(Socket connected) throws IOException {
        socket = connected;
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(5_000);
        in = connected.isConnected() ? connected.getInputStream() : null;
    }

    int localPort() {
        return socket.getLocalPort();
    }

    void write(byte[] data) throws IOException {
        socket.getOutputStream().write(data);
        socket.getOutputStream().flush();
    }

    void write(String text) throws IOException {
        write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Reads one message framed by Content-Length (§18.3), skipping leading CRLFs. */
    String readMessage() throws IOException {
        InputStream s = input();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int c;
        while ((c = s.read()) == '\r' || c == '\n') { /* keep-alive */ }
        if (c < 0) throw new IOException("connection closed");
        head.write(c);
        while (!endsWithBlankLine(head)) {
            c = s.read();
            if (c < 0) throw new IOException("connection closed in headers");
            head.write(c);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        int length = contentLength(headers);
        byte[] body = s.readNBytes(length);
        return headers + new String(body, StandardCharsets.ISO_8859_1);
    }

    /** True once the server closed (EOF or reset) within 5 s. */
    boolean closedByServer() throws IOException {
        InputStream s = input();
        try {
            while (true) {
                if (s.read() < 0) return true;
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true;  // reset
        }
    }

    private InputStream input() throws IOException {
        return in != null ? in : socket.getInputStream();
    }

    private static boolean endsWithBlankLine(ByteArrayOutputStream b) {
        byte[] a = b.toByteArray();
        int n = a.length;
        return n >= 4 && a[n - 4] == '\r' && a[n - 3] == '\n' && a[n - 2] == '\r' && a[n - 1] == '\n';
    }

    static int contentLength(String headers) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) continue;
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            if (name.equals("content-length") || name.equals("l")) {
                return Integer.parseInt(line.substring(colon + 1).trim());
            }
        }
        return 0;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
