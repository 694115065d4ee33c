package org.clearline.syntax;

import java.util.List;

/**
 * One via-parm (§20.42): {@code SIP/2.0/UDP host:port;branch=...}.
 *
 * @param transport transport token in upper case (UDP, TCP, TLS, WS, ...)
 * @param host      sent-by host (IPv6 with brackets)
 * @param port      sent-by port or -1
 * @param params    via params in order (branch, received, rport, maddr, ttl, ...)
 */
public record Via(String transport, String host, int port, Params params) {
    /** RFC 3261 §8.1.1.7: branches of compliant elements start with this. */
    public static final String MAGIC_COOKIE = "z9hG4bK";

    public static Via parse(String text) {
        return ViaParser.parseOne(text);
    }

    /** Parses a header value that may hold several comma-separated via-parms. */
    public static List<Via> parseList(String text) {
        return ViaParser.parseList(text);
    }

    public String branch() {
        return params.get("branch");
    }

    /** True when the branch carries the RFC 3261 magic cookie. */
    public boolean rfc3261Branch() {
        String b = branch();
        return b != null && b.startsWith(MAGIC_COOKIE);
    }

    public String received() {
        return params.get("received");
    }

    public boolean hasRport() {
        return params.has("rport");
    }

    /** rport value, or -1 when absent or empty. */
    public int rport() {
        String v = params.get("rport");
        if (v == null || v.isEmpty()) return -1;
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** "host:port" as written (port omitted if absent); used in transaction keys. */
    public String sentBy() {
        return port >= 0 ? host + ":" + port : host;
    }

    public Via withParams(Params newParams) {
        return new Via(transport, host, port, newParams);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(64);
        sb.append("SIP/2.0/").append(transport).append(' ').append(host);
        if (port >= 0) sb.append(':').append(port);
        params.appendTo(sb);
        return sb.toString();
    }
}
