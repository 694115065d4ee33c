package org.clearline.transport;

import java.util.function.UnaryOperator;
import org.clearline.time.Clock;

/** A started {@link NettyTransportLayer} on 127.0.0.1 with an OS-chosen port and a recording handler. */
final class RunningTransport implements AutoCloseable {
    final NettyTransportLayer transport;
    final RecordingHandler handler = new RecordingHandler();
    final int port;

    RunningTransport() throws Exception {
        this(c -> c);
    }

    RunningTransport(UnaryOperator<TransportConfig> tweak) throws Exception {
        this(tweak, MessageTap.NONE);
    }

    /** With {@code tap} shown every message (set before the start: the receive paths take it then). */
    RunningTransport(MessageTap tap) throws Exception {
        this(c -> c, tap);
    }

    private RunningTransport(UnaryOperator<TransportConfig> tweak, MessageTap tap) throws Exception {
        transport = new NettyTransportLayer(tweak.apply(TransportConfig.of("127.0.0.1", 0)), Clock.SYSTEM);
        transport.setHandler(handler);
        transport.setTap(tap);
        transport.start();
        port = transport.listeningPoint(TransportProtocol.UDP).port();
    }

    TransportStats.Snapshot stats() {
        return transport.stats().snapshot();
    }

    @Override
    public void close() {
        transport.stop();
    }
}
