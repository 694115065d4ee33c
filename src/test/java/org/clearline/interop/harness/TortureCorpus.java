package org.clearline.interop.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The RFC 4475 messages present in src/test/resources/corpora/rfc4475/ and our
 * wire expectations for them (src/test/resources/interop/rfc4475-wire.tsv).
 */
public final class TortureCorpus {
    /** One message file and what must happen to it over UDP and TCP. */
    public record Entry(String file, byte[] bytes, String udp, String tcp, String why) {}

    private TortureCorpus() {}

    /** Every .sip file of the corpus with its expectation; a file without one is an error. */
    public static List<Entry> entries() {
        Map<String, String[]> expectations = expectations();
        Path dir = Workspace.resource("/corpora/rfc4475/INDEX.tsv").getParent();
        List<Entry> out = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".sip")).sorted().toList()) {
                String name = p.getFileName().toString();
                String[] e = expectations.get(name);
                if (e == null) {
                    unexpected.add(name);
                    continue;
                }
                out.add(new Entry(name, Files.readAllBytes(p), e[0], e[1], e[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!unexpected.isEmpty()) {
            throw new AssertionError("corpus files without a wire expectation in interop/rfc4475-wire.tsv: " + unexpected);
        }
        return out;
    }

    private static Map<String, String[]> expectations() {
        Map<String, String[]> out = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(Workspace.resource("/interop/rfc4475-wire.tsv"), StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cols = line.split("\t");
                if (cols.length != 4) throw new IllegalStateException("rfc4475-wire.tsv: 4 columns expected: " + line);
                out.put(cols[0], new String[] {cols[1], cols[2], cols[3]});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
