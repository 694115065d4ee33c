package org.clearline.analyzer.input;

/**
 * One side of a message as the trace names it: an IP address and port from a
 * capture, or only a name ("local", "remote") when a log does not say more.
 *
 * @param host an IPv4 address, an IPv6 address without brackets, or a name
 * @param port the port, or -1 when unknown
 */
public record Endpoint(String host, int port) {
    /** The side that wrote a log whose lines do not name its own address. */
    public static final Endpoint LOCAL = new Endpoint("local", -1);
    /** The other side, when a log does not name it either. */
    public static final Endpoint REMOTE = new Endpoint("remote", -1);

    /** True when {@link #host} is a literal IP address (as captures always give). */
    public boolean isIpAddress() {
        return IpAddresses.isLiteral(host);
    }

    /** "192.0.2.1:5060", "[2001:db8::1]:5060", or the bare name. */
    @Override
    public String toString() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return port < 0 ? h : h + ":" + port;
    }

    /**
     * Reads "host:port", "[v6]:port", "v4" or a bare name; the port is -1 when
     * absent. Never fails: text it cannot split stays the host.
     */
    public static Endpoint parse(String text) {
        String t = text.strip();
        if (t.startsWith("[")) {
            int close = t.indexOf(']');
            if (close > 0) {
                String host = t.substring(1, close);
                return new Endpoint(host, close + 1 < t.length() && t.charAt(close + 1) == ':' ? port(t.substring(close + 2)) : -1);
            }
        }
        int colon = t.lastIndexOf(':');
        if (colon > 0 && t.indexOf(':') == colon) {
            int port = port(t.substring(colon + 1));
            if (port >= 0) return new Endpoint(t.substring(0, colon), port);
        }
        return new Endpoint(t, -1);
    }

    private static int port(String s) {
        if (s.isEmpty() || s.length() > 5) return -1;
        int p = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            p = p * 10 + (c - '0');
        }
        return p <= 65535 ? p : -1;
    }
}
