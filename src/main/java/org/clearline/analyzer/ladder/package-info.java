/**
 * Ladder diagrams of SIP messages: one column per participant, one arrow per
 * message in time order. The model is filled by whoever knows the messages (the
 * analyzer, the call log) and drawn as text ({@link org.clearline.analyzer.ladder.TextLadder})
 * or as SVG ({@link org.clearline.analyzer.ladder.SvgLadder}); it depends on nothing
 * but the JDK so the CLI and the dashboard draw calls the same way.
 */
package org.clearline.analyzer.ladder;
