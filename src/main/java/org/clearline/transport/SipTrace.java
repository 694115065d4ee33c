package org.clearline.transport;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every SIP message in and out, whole, at DEBUG on the logger
 * {@code org.clearline.sip.trace} (off by default: it costs a string per message).
 */
final class SipTrace {
    private static final Logger trace = LoggerFactory.getLogger("org.clearline.sip.trace");

    private SipTrace() {}

    static boolean on() {
        return trace.isDebugEnabled();
    }

    static void received(Peer from, byte[] data, int offset, int length) {
        if (trace.isDebugEnabled()) {
            trace.debug("recv {} bytes from {}\n{}", length, from,
                    new String(data, offset, length, StandardCharsets.ISO_8859_1));
        }
    }

    static void sent(String protocol, InetSocketAddress to, byte[] bytes) {
        if (trace.isDebugEnabled()) {
            trace.debug("send {} bytes to {}:{}:{}\n{}", bytes.length, protocol, to.getAddress().getHostAddress(),
                    to.getPort(), new String(bytes, StandardCharsets.ISO_8859_1));
        }
    }
}
