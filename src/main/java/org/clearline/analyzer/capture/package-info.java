/**
 * Capture files read as streams without a capture library: the classic libpcap
 * format and pcapng (sections, interfaces, enhanced/simple/obsolete packet
 * blocks), in either byte order and any time resolution. Damage (a file cut
 * short, an impossible length, an unknown link type) ends reading with one
 * note; the packets before it are still delivered.
 */
package org.clearline.analyzer.capture;
