package org.clearline.analyzer;

import java.util.List;
import org.clearline.analyzer.input.InputTotals;
import org.clearline.analyzer.report.CallCounts;
import org.clearline.analyzer.report.CallReport;
import org.clearline.analyzer.report.CallSummary;

/**
 * The result of an analysis, as data (renderers: the CLI's text report,
 * {@link org.clearline.analyzer.report.JsonReport},
 * {@link org.clearline.analyzer.report.HtmlReport}).
 *
 * @param sources             what was read
 * @param input               what the readers found in it
 * @param problems            one line per thing that could not be read (empty when all was read)
 * @param counts              calls, registrations... and how many had a problem
 * @param calls               summary rows, in order of their first message
 * @param callsNotListed      calls beyond {@link AnalysisOptions#maxListed()}
 * @param problemCalls        the calls with a problem, told whole
 * @param problemsNotDetailed calls with a problem beyond {@link AnalysisOptions#maxDetailed()}
 */
public record AnalysisReport(List<Source> sources, InputTotals input, List<String> problems, CallCounts counts,
                             List<CallSummary> calls, long callsNotListed, List<CallReport> problemCalls,
                             long problemsNotDetailed) {
    public AnalysisReport {
        sources = List.copyOf(sources);
        problems = List.copyOf(problems);
        calls = List.copyOf(calls);
        problemCalls = List.copyOf(problemCalls);
    }

    /**
     * One input.
     *
     * @param name   the file name as given
     * @param format "pcap", "pcapng", "text log", or "unknown"
     * @param detail the link types of a capture ("Ethernet"), empty otherwise
     */
    public record Source(String name, String format, String detail) {}

    /** The summary row of {@code callId}, if listed. */
    public java.util.Optional<CallSummary> call(String callId) {
        return calls.stream().filter(c -> c.callId().equals(callId)).findFirst();
    }
}
