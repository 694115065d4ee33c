package org.clearline.admin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.clearline.analyzer.AnalysisOptions;
import org.clearline.analyzer.AnalysisReport;
import org.clearline.analyzer.Analyzer;
import org.clearline.analyzer.diagnosis.FindingTexts;
import org.clearline.analyzer.report.HtmlReport;
import org.clearline.analyzer.report.JsonReport;
import org.clearline.failures.Audience;
import org.clearline.failures.Explanations;
import org.clearline.failures.Language;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code analyze FILE...}: reads captures and logs of any SIP system and tells
 * why each failed call failed, with the server's own catalogue. Works without a
 * store or a running server.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Explain failed calls and registrations in packet captures (pcap, pcapng) and SIP text logs.")
final class AnalyzeCommand implements Callable<Integer> {
    static final int DEFAULT_ROWS = 100;

    private final CliContext context;

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "pcap or pcapng captures (also .gz), or text logs with SIP messages (SIPp, sngrep, Kamailio, Asterisk)")
    List<Path> files = new ArrayList<>();

    @Option(names = "--json", description = "write the analysis as JSON")
    boolean json;

    @Option(names = "--html", description = "write one self-contained HTML page with SVG ladders")
    boolean html;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write to FILE instead of the terminal")
    Path output;

    @Option(names = "--lang", paramLabel = "en|de", description = "language of the texts (default: en)")
    String lang = "en";

    @Option(names = "--audience", paramLabel = "caller|owner|admin",
            description = "whose view of the catalogue's texts to show (default: admin)")
    String audience = "admin";

    @Option(names = "--rows", paramLabel = "N", description = "summary rows in the text report (default: " + DEFAULT_ROWS + ")")
    int rows = DEFAULT_ROWS;

    AnalyzeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (json && html) throw new CliException("analyze: give --json or --html, not both");
        if (rows < 1) throw new CliException("analyze: --rows must be at least 1, got " + rows);
        Language language = Language.byTag(lang).orElseThrow(
                () -> new CliException("analyze: --lang must be en or de, got '" + lang + "'"));
        Audience who = Audience.byKey(audience).orElseThrow(
                () -> new CliException("analyze: --audience must be caller, owner or admin, got '" + audience + "'"));
        AnalysisReport report;
        try {
            report = new Analyzer(AnalysisOptions.DEFAULT).analyze(files);
        } catch (OutOfMemoryError e) {
            // what is kept is bounded, but the bounds need some heap: say so on one line
            throw new CliException("analyze: out of memory (Java heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + " MB); give it more, e.g. CLEARLINE_JAVA_OPTS=-Xmx512m");
        }
        if (report.input().sipMessages() == 0 && !report.problems().isEmpty()) {
            // nothing could be analysed: the reason is the whole answer, on one line
            int more = report.problems().size() - 1;
            throw new CliException(report.problems().getFirst() + (more > 0 ? " (and " + more + " more problems)" : ""));
        }
        Explanations texts = Explanations.load(language);
        FindingTexts findings = FindingTexts.load(language);
        if (output == null) {
            write(context.out(), report, texts, findings, who);
        } else {
            try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8);
                 PrintWriter out = new PrintWriter(w)) {
                write(out, report, texts, findings, who);
            } catch (IOException e) {
                throw new CliException("analyze: cannot write " + output + ": " + e.getMessage());
            }
            context.out().println("analyze: wrote " + output);
        }
        context.out().flush();
        return 0;
    }

    private void write(PrintWriter out, AnalysisReport report, Explanations texts, FindingTexts findings, Audience who) {
        if (json) {
            JsonReport.write(out, report, texts, findings, who);
        } else if (html) {
            out.print(HtmlReport.render(report, texts, findings, who));
        } else {
            new AnalysisText(texts, findings, who).print(out, report, rows);
        }
        out.flush();
    }
}
