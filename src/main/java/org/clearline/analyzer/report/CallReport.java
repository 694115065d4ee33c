package org.clearline.analyzer.report;

import org.clearline.ladder.Ladder;

/**
 * A call with a problem, told whole: its summary and its messages as a ladder
 * (participants by address, arrows with the full message as detail).
 */
public record CallReport(CallSummary summary, Ladder ladder) {}
