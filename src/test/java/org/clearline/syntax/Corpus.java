package org.clearline.syntax;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The RFC 4475 and RFC 5118 torture messages under src/test/resources/corpora, with their INDEX.tsv rows. */
final class Corpus {
    static final String RFC4475 = "rfc4475";
    static final String RFC5118 = "rfc5118";

    /** One INDEX.tsv row and the message bytes. */
    record Entry(String corpus, String file, String section, boolean valid, String expected, byte[] bytes) {
        String tag() {
            return file.substring(0, file.length() - 4);
        }

        @Override
        public String toString() {
            return corpus + "/" + file;
        }
    }

    private Corpus() {}

    static List<Entry> all() {
        List<Entry> out = new ArrayList<>(index(RFC4475));
        out.addAll(index(RFC5118));
        return out;
    }

    static List<Entry> index(String corpus) {
        String tsv = new String(resource(corpus, "INDEX.tsv"), StandardCharsets.UTF_8);
        List<Entry> out = new ArrayList<>();
        String[] rows = tsv.split("\n");
        for (int i = 1; i < rows.length; i++) {
            if (rows[i].isBlank()) continue;
            String[] col = rows[i].split("\t");
            if (!col[2].equals("valid") && !col[2].equals("invalid")) throw new IllegalStateException("validity? " + rows[i]);
            out.add(new Entry(corpus, col[0], col[1], col[2].equals("valid"), col[4], resource(corpus, col[0])));
        }
        return out;
    }

    static Entry get(String corpus, String tag) {
        return index(corpus).stream().filter(e -> e.tag().equals(tag)).findFirst().orElseThrow();
    }

    static byte[] resource(String corpus, String file) {
        String path = "/corpora/" + corpus + "/" + file;
        try (InputStream in = Corpus.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing test resource " + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Index just past the CRLFCRLF that ends the header section, or -1. */
    static int headerEnd(byte[] b) {
        for (int i = 0; i + 3 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') return i + 4;
        }
        return -1;
    }
}
