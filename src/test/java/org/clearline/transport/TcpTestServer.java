package org.clearline.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A plain TCP listener on 127.0.0.1 that collects every message its peers send. */
final class TcpTestServer implements AutoCloseable {
    private final ServerSocket server;
    final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    final AtomicInteger accepted = new AtomicInteger();
    private final Thread acceptor;
    private final java.util.List<Socket> sockets = new java.util.concurrent.CopyOnWriteArrayList<>();

    TcpTestServer() throws IOException {
        this(0);
    }

    TcpTestServer(int port) throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress("127.0.0.1", port));
        acceptor = Thread.ofVirtual().start(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    String nextMessage() throws InterruptedException {
        return messages.poll(5, TimeUnit.SECONDS);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                accepted.incrementAndGet();
                sockets.add(s);
                Thread.ofVirtual().start(() -> readLoop(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void readLoop(Socket s) {
        try (TcpPeer peer = new TcpPeer(s)) {
            s.setSoTimeout(0);
            while (true) messages.add(peer.readMessage());
        } catch (IOException e) {
            // peer or server closed
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
        for (Socket s : sockets) s.close();
        acceptor.join(5_000);
    }
}
