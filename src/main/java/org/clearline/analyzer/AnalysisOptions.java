package org.clearline.analyzer;

import org.clearline.analyzer.calls.GroupingLimits;
import org.clearline.syntax.SyntaxLimits;

/**
 * Limits of one analysis (named, with their units in the types they come from).
 *
 * @param syntax      message size limits of the parser
 * @param grouping    how many calls and messages are kept while reading
 * @param maxListed   summary rows kept (the rest are counted)
 * @param maxDetailed calls with a problem told whole, ladder included (the rest are counted)
 */
public record AnalysisOptions(SyntaxLimits syntax, GroupingLimits grouping, int maxListed, int maxDetailed) {
    /** 10 000 summary rows and 200 detailed calls: a report a person can still read. */
    public static final AnalysisOptions DEFAULT = new AnalysisOptions(SyntaxLimits.DEFAULT, GroupingLimits.DEFAULT,
            10_000, 200);

    public AnalysisOptions {
        if (maxListed < 0 || maxDetailed < 0) throw new IllegalArgumentException("limits must not be negative");
    }
}
