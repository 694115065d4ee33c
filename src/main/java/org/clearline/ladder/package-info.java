/**
 * Ladder diagrams (the "call flow" drawings of RFC 3665): one vertical lane per
 * endpoint, one arrow per message in time order. Plain Java that knows nothing
 * of SIP parsing, the store or the web server, so the dashboard's call page and
 * the trace analyzer's report draw the same picture from their own records.
 * Everything it writes is escaped: labels and message texts come from the wire.
 */
package org.clearline.ladder;
