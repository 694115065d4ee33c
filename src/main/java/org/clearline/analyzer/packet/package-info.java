/**
 * From captured frames to SIP messages: link-layer headers (Ethernet with VLAN
 * tags and PPPoE, Linux cooked SLL/SLL2, BSD loopback, raw IP), IPv4 and IPv6
 * with extension headers, fragment reassembly (RFC 791 §3.2, RFC 8200 §4.5),
 * UDP datagrams and TCP streams reassembled in sequence order and framed by
 * Content-Length (RFC 3261 §18.3). Every table is bounded; nothing here throws
 * on bad packets: they are counted or noted and skipped.
 */
package org.clearline.analyzer.packet;
