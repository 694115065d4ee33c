package org.clearline.analyzer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The trace analyzer's entry point: captures (pcap, pcapng, also gzip-compressed)
 * and text logs with SIP messages in, an {@link AnalysisReport} out. Input is
 * read as a stream, and what is kept is bounded ({@link AnalysisOptions}), so a
 * capture of any size needs bounded memory. Never throws for bad input: what
 * cannot be read is named in {@link AnalysisReport#problems()} and everything
 * read before it is analysed. Thread-safe: each call is its own analysis.
 */
public final class Analyzer {
    private final AnalysisOptions options;

    public Analyzer() {
        this(AnalysisOptions.DEFAULT);
    }

    public Analyzer(AnalysisOptions options) {
        this.options = options;
    }

    /** Analyses one file. */
    public AnalysisReport analyze(Path file) {
        return analyze(List.of(file));
    }

    /** Analyses several files as one trace (a call may be split over them). */
    public AnalysisReport analyze(List<Path> files) {
        AnalysisRun run = new AnalysisRun(options);
        for (Path file : files) {
            String name = file.toString();
            if (!Files.exists(file)) {
                run.problem(name, "no such file");
            } else if (!Files.isRegularFile(file)) {
                run.problem(name, "not a regular file");
            } else {
                try (InputStream in = Files.newInputStream(file)) {
                    run.read(in, name);
                } catch (IOException e) {
                    run.problem(name, "cannot be opened: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                            : e.getMessage()));
                }
            }
        }
        return run.finish();
    }

    /**
     * Analyses one stream (an upload); {@code name} names it in the report.
     * The stream is read to its end but not closed.
     */
    public AnalysisReport analyze(InputStream in, String name) {
        AnalysisRun run = new AnalysisRun(options);
        run.read(in, name);
        return run.finish();
    }
}
