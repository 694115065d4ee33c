/**
 * The trace analyzer (issue 6): reads packet captures (pcap, pcapng) and text
 * logs that hold SIP messages, groups the messages into calls and
 * registrations, and diagnoses each with the server's own failure catalogue
 * ({@link org.clearline.failures}) plus findings only a trace can show
 * (retransmissions without answer, a missing ACK, a private address behind
 * NAT...). Beside failures: it uses syntax and failures only, never the
 * server's transport, transactions or core, so it explains traces of any SIP
 * system. {@link org.clearline.analyzer.Analyzer} is the entry point; input
 * streams, so a capture of any size needs only bounded memory.
 */
package org.clearline.analyzer;
