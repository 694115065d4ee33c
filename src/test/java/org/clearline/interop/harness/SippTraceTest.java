package org.clearline.interop.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SippTraceTest {
    private static final String SEPARATOR = "----------------------------------------------- 2026-11-25 19:08:45.799202\n";

    private static String block(String head, String message) {
        return SEPARATOR + head + "\n\n" + message.replace("\n", "\r\n") + "\n";
    }

    @Test
    void readsDirectionsStatusesAndCallIdsFromASippMessageLog(@TempDir Path dir) throws IOException {
        String log = block("UDP message sent (300 bytes):", "INVITE sip:bob@127.0.0.1 SIP/2.0\nCall-ID: c1\nCSeq: 1 INVITE\n\n")
                + block("UDP message received [200] bytes :", "SIP/2.0 407 Proxy Authentication Required\nCall-ID: c1\nCSeq: 1 INVITE\n\n")
                + block("UDP message sent (100 bytes):", "ACK sip:bob@127.0.0.1 SIP/2.0\nCall-ID: c1\nCSeq: 1 ACK\n\n")
                + "UDP message voluntary lost (while sending)."
                + block("UDP message received [200] bytes :", "SIP/2.0 100 Trying\nCall-ID: c1\nCSeq: 2 INVITE\n\n")
                + "UDP message lost (recv)."
                + block("UDP message received [200] bytes :", "SIP/2.0 200 OK\nCall-ID: c1\nCSeq: 2 INVITE\n\n")
                + block("UDP message received [200] bytes :", "SIP/2.0 200 OK\nCall-ID: c1\nCSeq: 2 INVITE\n\n")
                + block("UDP message received [200] bytes :", "SIP/2.0 200 OK\ni: c2\nCSeq: 3 BYE\n\n");
        Path file = dir.resolve("messages.log");
        Files.writeString(file, log);

        SippTrace trace = SippTrace.read(file);

        assertThat(trace.messages()).hasSize(7);
        // a note about a message SIPp pretended to send does not concern the ACK above it
        assertThat(trace.sent()).extracting(TraceMessage::method).containsExactly("INVITE", "ACK");
        assertThat(trace.sent()).noneMatch(TraceMessage::droppedBySipp);
        // the 100 that SIPp pretended to lose did arrive: it still counts as the server's answer
        assertThat(trace.received().get(1).droppedBySipp()).isTrue();
        assertThat(trace.receivedStatusesForCseq("2 INVITE")).containsEntry("c1", List.of(100, 200));
        assertThat(trace.finalStatusesByCall("INVITE")).containsEntry("c1", List.of(407, 200));
        assertThat(trace.finalStatusesByCall("BYE")).containsEntry("c2", List.of(200));
    }

    @Test
    void aMissingLogIsAnEmptyTrace(@TempDir Path dir) {
        assertThat(SippTrace.read(dir.resolve("absent.log")).messages()).isEmpty();
    }
}
