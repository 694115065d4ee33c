package org.clearline.calllog;

import org.clearline.transport.Peer;

/**
 * One message of an exchange in progress as it went over the wire: its bytes
 * (received, or encoded for sending), never a parsed message, so the recorder
 * keeps a few hundred bytes per message instead of a parsed object graph.
 */
record WireMessage(byte[] wire, boolean inbound, Peer peer, long atMillis) {}
