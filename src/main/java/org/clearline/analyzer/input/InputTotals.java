package org.clearline.analyzer.input;

/**
 * What the analysis read.
 *
 * @param bytes                bytes of input read
 * @param packets              packets in the captures (0 for text logs)
 * @param sipMessages          SIP messages found (captures and logs)
 * @param otherPackets         packets that carried no SIP (RTP, DNS...), skipped
 * @param unreadableMessages   SIP messages the parser refused
 * @param reassembledDatagrams IP datagrams put together from fragments
 * @param tcpStreams           TCP connection directions that carried SIP
 * @param cutShort             packets the capture's snap length cut short
 */
public record InputTotals(long bytes, long packets, long sipMessages, long otherPackets, long unreadableMessages,
                          long reassembledDatagrams, long tcpStreams, long cutShort) {}
