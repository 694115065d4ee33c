package org.clearline.analyzer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.clearline.analyzer.calls.CallGrouper;
import org.clearline.analyzer.capture.LinkTypes;
import org.clearline.analyzer.capture.PcapReader;
import org.clearline.analyzer.capture.PcapngReader;
import org.clearline.analyzer.input.CountingInputStream;
import org.clearline.analyzer.input.InputCounters;
import org.clearline.analyzer.input.Problems;
import org.clearline.analyzer.packet.PacketDecoder;
import org.clearline.analyzer.report.ReportCollector;
import org.clearline.analyzer.textlog.TextLogReader;

/**
 * One analysis: every source is read into the same grouper, so a call split
 * over several files (a rotated capture, a client's and a server's trace)
 * comes together. Whatever goes wrong while reading a source becomes a note in
 * {@link Problems} and the sources' messages read so far still count.
 */
final class AnalysisRun {
    private static final int BUFFER = 64 * 1024;

    private final AnalysisOptions options;
    private final Problems problems = new Problems();
    private final InputCounters counters = new InputCounters();
    private final ReportCollector collector;
    private final CallGrouper grouper;
    private final List<AnalysisReport.Source> sources = new ArrayList<>();
    private long sipBefore;

    AnalysisRun(AnalysisOptions options) {
        this.options = options;
        this.collector = new ReportCollector(options.maxListed(), options.maxDetailed());
        this.grouper = new CallGrouper(options.grouping(), collector);
    }

    void problem(String source, String text) {
        problems.add(source, text);
        sources.add(new AnalysisReport.Source(source, InputFormat.UNKNOWN.label, ""));
    }

    void read(InputStream raw, String name) {
        CountingInputStream counted = new CountingInputStream(raw);
        sipBefore = counters.totals().sipMessages();
        try {
            read(new BufferedInputStream(counted, BUFFER), name, false);
        } catch (IOException e) {
            problems.add(name, "reading stopped: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + "; what was read before is analysed");
        } catch (RuntimeException e) {
            // a defect of ours must not lose the analysis of everything else
            problems.add(name, "reading stopped by an internal error (" + e.getClass().getSimpleName()
                    + "); what was read before is analysed");
        } finally {
            counters.bytes(counted.count());
        }
    }

    private void read(BufferedInputStream in, String name, boolean unzipped) throws IOException {
        byte[] head = new byte[InputFormat.SAMPLE];
        in.mark(InputFormat.SAMPLE);
        int n = in.readNBytes(head, 0, head.length);
        in.reset();
        InputFormat format = InputFormat.of(head, n);
        switch (format) {
            case EMPTY -> {
                problems.add(name, "the file is empty");
                sources.add(new AnalysisReport.Source(name, format.label, ""));
            }
            case GZIP -> {
                if (unzipped) {
                    problems.add(name, "compressed twice; not read");
                    return;
                }
                read(new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER), name, true);
            }
            case PCAP -> {
                PacketDecoder decoder = decoder(name);
                sources.add(new AnalysisReport.Source(name, label(format, unzipped), ""));
                int linkType;
                try {
                    linkType = PcapReader.read(in, name, decoder, problems);
                } finally {
                    decoder.finish();
                }
                sources.set(sources.size() - 1, new AnalysisReport.Source(name, label(format, unzipped),
                        linkType < 0 ? "" : LinkTypes.name(linkType)));
                noSip(name, "capture");
            }
            case PCAPNG -> {
                PacketDecoder decoder = decoder(name);
                sources.add(new AnalysisReport.Source(name, label(format, unzipped), ""));
                List<Integer> linkTypes;
                try {
                    linkTypes = PcapngReader.read(in, name, decoder, problems);
                } finally {
                    decoder.finish();
                }
                Set<String> names = new LinkedHashSet<>();
                for (int lt : linkTypes) names.add(LinkTypes.name(lt));
                sources.set(sources.size() - 1, new AnalysisReport.Source(name, label(format, unzipped),
                        String.join(", ", names)));
                noSip(name, "capture");
            }
            case TEXT -> {
                sources.add(new AnalysisReport.Source(name, label(format, unzipped), ""));
                new TextLogReader(name, options.syntax(), grouper, problems, counters).read(in);
                noSip(name, "log");
            }
            case UNKNOWN -> {
                problems.add(name, "not a capture (pcap, pcapng) or a text log: the file starts with bytes "
                        + InputFormat.firstBytes(head, n) + "; not read");
                sources.add(new AnalysisReport.Source(name, format.label, ""));
            }
        }
    }

    private PacketDecoder decoder(String name) {
        return new PacketDecoder(name, options.syntax(), grouper, problems, counters);
    }

    private static String label(InputFormat format, boolean unzipped) {
        return unzipped ? format.label + " (gzip)" : format.label;
    }

    private void noSip(String name, String what) {
        if (counters.totals().sipMessages() == sipBefore) {
            problems.add(name, "no SIP messages found in this " + what);
        }
    }

    AnalysisReport finish() {
        grouper.finish();
        if (grouper.messagesWithoutCallId() > 0) {
            problems.add("(all)", grouper.messagesWithoutCallId() + " SIP messages without a Call-ID were skipped");
        }
        return new AnalysisReport(sources, counters.totals(), problems.lines(), collector.counts(), collector.listed(),
                collector.notListed(), collector.detailed(), collector.notDetailed());
    }
}
