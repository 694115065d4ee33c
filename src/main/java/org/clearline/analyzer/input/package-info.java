/**
 * What every reader hands on and reports: a {@link org.clearline.analyzer.input.CapturedMessage}
 * (a parsed SIP message with its time, addresses and transport), the
 * {@link org.clearline.analyzer.input.Problems} that could not be read (one line
 * each, counted, bounded) and the counters of what was read.
 */
package org.clearline.analyzer.input;
