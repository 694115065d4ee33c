package org.clearline.interop.features;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clearline.interop.harness.RawResponse;

/**
 * A SIPp message log read with the time stamps SIPp writes on each block's
 * separator line ("----- 2026-11-25 20:00:20.459032"), so a test can order
 * messages seen by two SIPp processes on this machine's one clock.
 */
record TimedTrace(List<Entry> entries) {
    private static final Pattern SEPARATOR =
            Pattern.compile("(?m)^-{20,} (\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{6})\\n");
    private static final Pattern HEAD = Pattern.compile("^(UDP|TCP) message (sent|received)");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    /** One message: when SIPp logged it, which way it went, its text. */
    record Entry(LocalDateTime at, boolean outgoing, RawResponse message) {}

    TimedTrace {
        entries = List.copyOf(entries);
    }

    static TimedTrace read(Path dir) {
        Path log = dir.resolve("messages.log");
        String text;
        try {
            text = Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Entry> out = new ArrayList<>();
        Matcher m = SEPARATOR.matcher(text);
        List<int[]> spans = new ArrayList<>();
        List<String> stamps = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
            stamps.add(m.group(1));
        }
        for (int i = 0; i < spans.size(); i++) {
            int from = spans.get(i)[1];
            int to = i + 1 < spans.size() ? spans.get(i + 1)[0] : text.length();
            String block = text.substring(from, to);
            int eol = block.indexOf('\n');
            if (eol < 0) continue;
            Matcher head = HEAD.matcher(block.substring(0, eol).strip());
            if (!head.find()) continue;
            String msg = block.substring(eol + 1).replaceFirst("\\A\\r?\\n", "").replace("\r\n", "\n").replace("\n", "\r\n");
            out.add(new Entry(LocalDateTime.parse(stamps.get(i), STAMP), head.group(2).equals("sent"), new RawResponse(msg)));
        }
        return new TimedTrace(out);
    }

    /** The first message that went this way whose start line begins with {@code startLine}. */
    Entry first(boolean outgoing, String startLine) {
        return entries.stream().filter(e -> e.outgoing() == outgoing && e.message().startLine().startsWith(startLine))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + (outgoing ? "sent " : "received ") + startLine));
    }

    /** The first response received with {@code status} to the request with CSeq {@code cseq}. */
    Entry firstResponse(int status, String cseq) {
        return entries.stream().filter(e -> !e.outgoing() && e.message().status() == status
                        && e.message().cseq() != null && e.message().cseq().strip().equals(cseq))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + status + " received for " + cseq));
    }
}
