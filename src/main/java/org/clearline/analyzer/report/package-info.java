/**
 * The analysis as data and as documents: a summary row per call, the
 * explained details and ladder of each call with a problem, and renderers for
 * JSON ({@link org.clearline.analyzer.report.JsonReport}) and one
 * self-contained HTML page with SVG ladders
 * ({@link org.clearline.analyzer.report.HtmlReport}). The text report is the
 * command line's (it prints explanations the way {@code clearline explain} does).
 */
package org.clearline.analyzer.report;
