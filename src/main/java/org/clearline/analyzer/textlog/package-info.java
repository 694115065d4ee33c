/**
 * SIP messages found in text logs: SIPp's message trace ({@code -trace_msg}),
 * sngrep's text export, Kamailio's sipdump files, Asterisk's pjsip and chan_sip
 * loggers, and any log that prints messages whole. Messages are found by their
 * start lines (RFC 3261 §7.1, §7.2) and ended by the blank line and
 * Content-Length; the lines around them give time, direction and addresses
 * where the format has them.
 */
package org.clearline.analyzer.textlog;
