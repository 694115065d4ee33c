package org.clearline.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.clearline.syntax.Responses;
import org.clearline.syntax.SipMessage;
import org.clearline.syntax.SipRequest;
import org.junit.jupiter.api.Test;

/**
 * The tap sees each message with the bytes it went over the wire as: received
 * ones before received/rport are stamped (a datagram's own array, a stream
 * buffer's bytes to copy), sent ones exactly as encoded.
 */
class MessageTapTest {
    /** What the tap was shown: direction, the bytes as text, whether the array was the message's own. */
    private record Seen(String direction, String text, boolean owned) {}

    private static final class RecordingTap implements MessageTap {
        final List<Seen> seen = new CopyOnWriteArrayList<>();

        @Override
        public void inbound(SipMessage message, Peer from, long epochMillis) {
            seen.add(new Seen("in-without-bytes", "", false));
        }

        @Override
        public void inbound(SipMessage message, byte[] wire, int offset, int length, boolean owned, Peer from,
                            long epochMillis) {
            seen.add(new Seen("in", new String(wire, offset, length, StandardCharsets.ISO_8859_1), owned));
        }

        @Override
        public void outbound(SipMessage message, byte[] encoded, Peer to, long epochMillis) {
            seen.add(new Seen("out", new String(encoded, StandardCharsets.ISO_8859_1), true));
        }
    }

    @Test
    void aDatagramIsShownAsItArrivedInItsOwnArrayAndTheAnswerAsSent() throws Exception {
        RecordingTap tap = new RecordingTap();
        try (RunningTransport server = new RunningTransport(tap); UdpPeer phone = new UdpPeer()) {
            String register = SipText.register("SIP/2.0/UDP 10.1.1.1:4540;rport;branch=z9hG4bKtap1", "tap1@h");
            phone.send(register, server.port);
            Inbound in = server.handler.nextMessage();
            server.transport.sendResponse(Responses.create((SipRequest) in.message(), 200, "OK", "t1"), in.source(),
                    failure -> {});
            String answer = phone.receive();

            await().atMost(Duration.ofSeconds(5)).until(() -> tap.seen.size() == 2);
            assertThat(tap.seen.get(0)).isEqualTo(new Seen("in", register, true));
            assertThat(in.message().topVia().received()).as("the message was stamped, the bytes were not")
                    .isEqualTo("127.0.0.1");
            assertThat(tap.seen.get(1)).isEqualTo(new Seen("out", answer, true));
        }
    }

    @Test
    void aStreamFrameIsShownAsBytesOfASharedBuffer() throws Exception {
        RecordingTap tap = new RecordingTap();
        try (RunningTransport server = new RunningTransport(tap); TcpPeer phone = new TcpPeer(server.port)) {
            String first = SipText.register("SIP/2.0/TCP 10.1.1.1:4540;branch=z9hG4bKtap2", "tap2@h");
            String second = SipText.register("SIP/2.0/TCP 10.1.1.1:4540;branch=z9hG4bKtap3", "tap3@h");
            phone.write(first + second);  // two frames in one read: the second does not start at offset 0

            await().atMost(Duration.ofSeconds(5)).until(() -> tap.seen.size() == 2);
            assertThat(tap.seen).containsExactly(new Seen("in", first, false), new Seen("in", second, false));
        }
    }
}
