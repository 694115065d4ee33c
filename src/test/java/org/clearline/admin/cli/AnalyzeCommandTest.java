package org.clearline.admin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clearline.admin.cli.CliHarness.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clearline analyze}: the text report, --json, --html to a file, and one-line errors. */
class AnalyzeCommandTest {
    @TempDir Path dir;

    private static final String INVITE = """
            INVITE sip:bob@example.com SIP/2.0\r
            Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK1\r
            From: <sip:alice@example.com>;tag=a\r
            To: <sip:bob@example.com>\r
            Call-ID: busy@x\r
            CSeq: 1 INVITE\r
            Content-Length: 0\r
            \r
            """;
    private static final String BUSY = """
            SIP/2.0 486 Busy Here\r
            Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK1\r
            From: <sip:alice@example.com>;tag=a\r
            To: <sip:bob@example.com>;tag=b\r
            Call-ID: busy@x\r
            CSeq: 1 INVITE\r
            Content-Length: 0\r
            \r
            """;

    private Path log() throws Exception {
        return Files.writeString(dir.resolve("sngrep.txt"),
                "2026/01/10 10:00:00.000000 192.0.2.10:5060 -> 198.51.100.1:5060\n" + INVITE + "\n\n"
                        + "2026/01/10 10:00:00.250000 198.51.100.1:5060 -> 192.0.2.10:5060\n" + BUSY + "\n\n",
                StandardCharsets.ISO_8859_1);
    }

    private Result analyze(String... args) {
        String[] full = new String[args.length + 1];
        full[0] = "analyze";
        System.arraycopy(args, 0, full, 1, args.length);
        return new CliHarness(dir.resolve("data")).runRaw("", full);
    }

    @Test
    void theTextReportSummarisesExplainsAndDrawsEachFailedCall() throws Exception {
        Result r = analyze(log().toString());
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("Trace analysis: " + dir.resolve("sngrep.txt") + " (text log)")
                .contains("calls: 1, registrations: 0, other requests: 0; with a problem: 1")
                .contains("2026-01-10 10:00:00.000  busy@x   call  alice  bob  486 Busy Here  code.486")
                .contains("1. call busy@x: 486 Busy Here")
                .contains("486 Busy Here: Busy")
                .contains("+0.250s   |<- 486 Busy Here -");
        assertThat(r.out().lines()).filteredOn(l -> !l.startsWith("+") && !l.startsWith(" ".repeat(10)))
                .allMatch(l -> l.length() <= 140);
        assertThat(Files.exists(dir.resolve("data"))).isFalse(); // works without a store
    }

    @Test
    void germanTextsAndJson() throws Exception {
        Result de = analyze(log().toString(), "--lang", "de");
        assertThat(de.out()).contains("Trace-Analyse:", "Besetzt");
        Result json = analyze(log().toString(), "--json");
        assertThat(json.exit()).isZero();
        assertThat(json.out()).startsWith("{").contains("\"callId\" : \"busy@x\"").contains("\"label\" : \"code.486\"");
    }

    @Test
    void htmlGoesToTheNamedFile() throws Exception {
        Path page = dir.resolve("report.html");
        Result r = analyze(log().toString(), "--html", "-o", page.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("analyze: wrote " + page + "\n");
        assertThat(Files.readString(page)).startsWith("<!DOCTYPE html>").contains("<svg");
    }

    @Test
    void nothingReadableIsOneLineOnStandardError() throws Exception {
        Result missing = analyze(dir.resolve("nope.pcap").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("clearline: " + dir.resolve("nope.pcap") + ": no such file\n");
        Path junk = Files.write(dir.resolve("junk.bin"), new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8});
        Result garbage = analyze(junk.toString(), dir.resolve("nope.pcap").toString());
        assertThat(garbage.err()).isEqualTo("clearline: " + junk + ": not a capture (pcap, pcapng) or a text log: the"
                + " file starts with bytes 00 01 02 03 04 05 06 07; not read (and 1 more problems)\n");
        assertThat(garbage.out()).isEmpty();
    }

    @Test
    void aPartlyReadableInputIsAnalysedAndItsProblemReported() throws Exception {
        Result r = analyze(log().toString(), dir.resolve("nope.pcap").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Could not be read:", dir.resolve("nope.pcap") + ": no such file", "busy@x");
    }

    @Test
    void badOptionsAreOneLine() throws Exception {
        Result both = analyze(log().toString(), "--json", "--html");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).isEqualTo("clearline: analyze: give --json or --html, not both\n");
        assertThat(analyze(log().toString(), "--lang", "fr").err())
                .isEqualTo("clearline: analyze: --lang must be en or de, got 'fr'\n");
        assertThat(analyze().err()).startsWith("clearline: analyze: missing required parameter");
    }
}
