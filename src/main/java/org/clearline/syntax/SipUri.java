package org.clearline.syntax;

/**
 * sip: or sips: URI (§19.1).
 *
 * @param secure   true for sips:
 * @param user     user part exactly as written (escapes kept), or null
 * @param password password part as written, or null
 * @param host     hostname, IPv4 address, or IPv6 reference with brackets ("[::1]")
 * @param port     port, or -1 when absent
 * @param params   uri-parameters (transport, lr, maddr, user, ...)
 * @param headers  the "?h=v&..." part as written (without '?'), or null
 */
public record SipUri(boolean secure, String user, String password, String host, int port,
                     Params params, String headers) implements Uri {

    public static SipUri parse(String text) {
        return UriParser.parseSipUri(text);
    }

    /** sip:user@host[:port] with no params. */
    public static SipUri of(String user, String host, int port) {
        return new SipUri(false, user, null, host, port, Params.EMPTY, null);
    }

    @Override
    public String scheme() {
        return secure ? "sips" : "sip";
    }

    /** User part with %-escapes decoded (for comparison and lookup, §19.1.4). */
    public String userUnescaped() {
        return user == null ? null : UriParser.unescape(user);
    }

    /** Port to use when none is given: 5061 for sips, else 5060 (§19.1.2). */
    public int portOrDefault() {
        return port >= 0 ? port : (secure ? 5061 : 5060);
    }

    /** The {@code transport} parameter in lower case, or null. */
    public String transport() {
        String t = params.get("transport");
        return t == null ? null : t.toLowerCase(java.util.Locale.ROOT);
    }

    public boolean looseRouting() {
        return params.has("lr");
    }

    public SipUri withParams(Params newParams) {
        return new SipUri(secure, user, password, host, port, newParams, headers);
    }

    public SipUri withUser(String newUser) {
        return new SipUri(secure, newUser, password, host, port, params, headers);
    }

    public SipUri withHostPort(String newHost, int newPort) {
        return new SipUri(secure, user, password, newHost, newPort, params, headers);
    }

    /** Equality as §19.1.4 defines it (case rules, escapes, params present in both). */
    public boolean equivalent(SipUri other) {
        return UriParser.equivalent(this, other);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(48);
        sb.append(secure ? "sips:" : "sip:");
        if (user != null) {
            sb.append(user);
            if (password != null) sb.append(':').append(password);
            sb.append('@');
        }
        sb.append(host);
        if (port >= 0) sb.append(':').append(port);
        params.appendTo(sb);
        if (headers != null) sb.append('?').append(headers);
        return sb.toString();
    }
}
