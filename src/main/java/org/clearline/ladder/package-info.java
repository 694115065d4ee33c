/**
 * Ladder diagrams (the "call flow" drawings of RFC 3665): one vertical lane per
 * endpoint, one arrow per message in time order. One model ({@link org.clearline.ladder.Ladder}),
 * drawn as SVG ({@link org.clearline.ladder.LadderSvg}) or as text
 * ({@link org.clearline.ladder.TextLadder}). Plain Java that knows nothing of SIP
 * parsing, the store or the web server, so the dashboard's call page, the trace
 * analyzer's reports and the CLI draw the same picture from their own records.
 * Everything it writes is escaped: labels and message texts come from the wire.
 */
package org.clearline.ladder;
