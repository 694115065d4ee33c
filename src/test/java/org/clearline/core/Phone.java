package org.clearline.core;

import org.clearline.transport.Peer;

/**
 * A SIP phone in a test: its account, password and network address. It only
 * knows how to write the lines a phone would write; the test sends them.
 */
public record Phone(String user, String password, String domain, Peer peer) {
    public static final Phone ALICE = new Phone("alice", "alice-secret", ProxyHarness.DOMAIN, Peer.udp("192.0.2.10", 5060));
    public static final Phone BOB = new Phone("bob", "bob-secret", ProxyHarness.DOMAIN, Peer.udp("192.0.2.20", 5060));
    /** Bob's second phone (same account, another device). */
    public static final Phone BOB_DESK = new Phone("bob", "bob-secret", ProxyHarness.DOMAIN, Peer.udp("192.0.2.21", 5062));
    /** A disabled account. */
    public static final Phone CAROL = new Phone("carol", "carol-secret", ProxyHarness.DOMAIN, Peer.udp("192.0.2.30", 5060));
    /** A caller of another domain: not an account of ours. */
    public static final Phone MALLORY = new Phone("mallory", "x", "evil.example", Peer.udp("198.51.100.7", 5060));

    public String ip() {
        return peer.address().getAddress().getHostAddress();
    }

    public int port() {
        return peer.address().getPort();
    }

    /** Where the phone is reached: sip:user@ip:port. */
    public String contactUri() {
        return "sip:" + user + "@" + ip() + ":" + port();
    }

    /** Its address of record: sip:user@domain. */
    public String aor() {
        return "sip:" + user + "@" + domain;
    }

    public String via(String branch) {
        return "Via: SIP/2.0/UDP " + ip() + ":" + port() + ";branch=" + branch;
    }

    public String from(String tag) {
        return "From: <" + aor() + ">;tag=" + tag;
    }
}
