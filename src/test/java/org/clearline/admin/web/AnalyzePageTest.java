package org.clearline.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 6 in the dashboard: a capture uploaded in the browser comes back as the analyzer's report. */
class AnalyzePageTest {
    private static final Path CAPTURE = Path.of("src/test/resources/analyzer/captures/clearline-udp.pcap");
    private DashboardHarness web;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        web = new DashboardHarness(dir);
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void theFormIsInTheNavigationAndUploadsAFile() throws Exception {
        String page = web.page("/analyze", 200);
        assertThat(page).contains("<form method=\"post\" action=\"/analyze\" enctype=\"multipart/form-data\">")
                .contains("name=\"capture\"").contains("href=\"/analyze\"");
    }

    @Test
    void anUploadedCaptureIsExplainedCallByCallWithLadders() throws Exception {
        HttpResponse<String> r = web.upload("/analyze", "capture", "clearline-udp.pcap", Files.readAllBytes(CAPTURE));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        // every call the running server logged for this capture is in the report, with its code
        for (String line : Files.readAllLines(CAPTURE.resolveSibling("clearline-udp.server-calls.txt"))) {
            String[] f = line.split(" ");
            assertThat(r.body()).as("call %s", f[0]).contains(f[0]);
        }
        assertThat(r.body()).contains("number.no-route").contains("callee.moved-permanently")
                .contains("trace.redirect-not-followed");
        assertThat(r.body()).contains("<svg");
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).startsWith("default-src 'none'").doesNotContain("script"));
    }

    @Test
    void garbageGetsAPlainAnswerAndTheFormAgain() throws Exception {
        HttpResponse<String> r = web.upload("/analyze", "capture", "noise.bin",
                "this is not a capture and holds no SIP".getBytes(StandardCharsets.UTF_8));

        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("noise.bin: ").contains("<form method=\"post\" action=\"/analyze\"")
                .doesNotContain("Exception");
    }
}
