package org.clearline.interop.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The messages of a SIPp message log, in order, with the questions the tests
 * ask of them. SIPp 3.6 writes each message as a block:
 * a dashed separator with a time stamp, "UDP message sent (N bytes):" or
 * "UDP message received [N] bytes :", a blank line, then the message.
 */
public record SippTrace(List<TraceMessage> messages) {
    private static final Pattern SEPARATOR =
            Pattern.compile("-{40,} \\d{4}-\\d{2}-\\d{2} [0-9:.]+\\r?\\n");
    /** -lost: SIPp's note that it ignored the message above, or did not send one it does not log. */
    private static final Pattern LOSS_NOTE =
            Pattern.compile("(UDP|TCP|TLS) message (voluntary lost \\(while sending\\)|lost \\(recv\\))\\.\\s*\\z");
    private static final Pattern BLOCK_HEAD =
            Pattern.compile("^(UDP|TCP|TLS) message (sent|received) (?:\\(\\d+ bytes\\)|\\[\\d+\\] bytes ?):$");

    public SippTrace {
        messages = List.copyOf(messages);
    }

    public static SippTrace read(Path messageLog) {
        if (!Files.exists(messageLog)) return new SippTrace(List.of());
        String text;
        try {
            text = Files.readString(messageLog, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<TraceMessage> out = new ArrayList<>();
        // SIPp appends its loss notes ("UDP message lost (recv).") to the block they
        // concern without a line break, so a separator need not start a line
        for (String block : SEPARATOR.split(text)) {
            int eol = block.indexOf('\n');
            if (eol < 0) continue;
            Matcher m = BLOCK_HEAD.matcher(block.substring(0, eol).strip());
            if (!m.matches()) continue; // "ignoring ..." notes
            String body = block.substring(eol + 1).replaceFirst("\\A\\r?\\n", "");
            Matcher note = LOSS_NOTE.matcher(body);
            boolean dropped = false;
            if (note.find()) {
                // "lost (recv)" follows the received message SIPp then ignores; a message it
                // pretends to send is never logged, so its note says nothing about this block
                dropped = note.group(2).startsWith("lost");
                body = body.substring(0, note.start());
            }
            // SIPp logs with bare LF in places; normalise so header lookup works
            String msg = body.replace("\r\n", "\n").replace("\n", "\r\n");
            out.add(new TraceMessage(m.group(2).equals("sent"), dropped, new RawResponse(msg)));
        }
        return new SippTrace(out);
    }

    /**
     * Messages that reached SIPp, including those it then ignored to simulate loss
     * (-lost): the peer did send them.
     */
    public List<TraceMessage> received() {
        return messages.stream().filter(m -> !m.outgoing()).toList();
    }

    /** Messages SIPp sent (one it only pretended to send under -lost is not in its log at all). */
    public List<TraceMessage> sent() {
        return messages.stream().filter(TraceMessage::outgoing).toList();
    }

    /**
     * Per Call-ID, the distinct status codes received for requests of {@code method},
     * in order of first arrival (retransmissions collapse into one entry).
     */
    public Map<String, List<Integer>> receivedStatusesByCall(String method) {
        return statusesByCall(received(), m -> method.equals(m.cseqMethod()));
    }

    /**
     * Per Call-ID, the distinct status codes received for one request of the
     * dialog, named by its whole CSeq (e.g. "2 INVITE": the authenticated INVITE).
     */
    public Map<String, List<Integer>> receivedStatusesForCseq(String cseq) {
        String wanted = cseq.strip().replaceAll("\\s+", " ");
        return statusesByCall(received(), m -> m.message().cseq() != null
                && m.message().cseq().strip().replaceAll("\\s+", " ").equals(wanted));
    }

    private static Map<String, List<Integer>> statusesByCall(List<TraceMessage> from,
            java.util.function.Predicate<TraceMessage> which) {
        Map<String, LinkedHashSet<Integer>> by = new LinkedHashMap<>();
        for (TraceMessage m : from) {
            if (m.isResponse() && which.test(m)) {
                by.computeIfAbsent(m.callId(), k -> new LinkedHashSet<>()).add(m.status());
            }
        }
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        by.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }

    /** Per Call-ID, the distinct status codes we sent for requests of {@code method}. */
    public Map<String, List<Integer>> sentStatusesByCall(String method) {
        return statusesByCall(sent(), m -> method.equals(m.cseqMethod()));
    }

    /** Final (>= 200) statuses received for {@code method}, per Call-ID, distinct and in order. */
    public Map<String, List<Integer>> finalStatusesByCall(String method) {
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        receivedStatusesByCall(method).forEach((k, v) -> out.put(k, v.stream().filter(c -> c >= 200).toList()));
        return out;
    }

    /** Requests of {@code method} received, with retransmissions. */
    public List<TraceMessage> requestsReceived(String method) {
        return received().stream().filter(m -> method.equals(m.method())).toList();
    }

    /** Distinct Call-IDs of received requests of {@code method}. */
    public long callsReceived(String method) {
        return requestsReceived(method).stream().map(TraceMessage::callId).distinct().count();
    }

    /** One line per message, for failure messages. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        for (TraceMessage m : messages) sb.append(m).append(" [").append(m.callId()).append("]\n");
        return sb.toString();
    }
}
