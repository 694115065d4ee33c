package org.clearline.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * URI grammar of §19.1 / §25.1 (SIP-URI, SIPS-URI, absoluteURI) and RFC 3966
 * (tel:). The text must be the URI alone: no surrounding white space and no
 * angle brackets. Parts are kept exactly as written (escapes included), so a
 * URI prints back as it arrived; comparison goes through {@link #equivalent}.
 */
final class UriParser {
    private UriParser() {}

    static Uri parseUri(String text) {
        if (text == null) throw new SipSyntaxException("missing URI");
        int colon = schemeEnd(text);
        String scheme = text.substring(0, colon);
        if (scheme.equalsIgnoreCase("sip")) return parseSip(text, colon + 1, false);
        if (scheme.equalsIgnoreCase("sips")) return parseSip(text, colon + 1, true);
        if (scheme.equalsIgnoreCase("tel")) return parseTel(text, colon + 1);
        return parseOther(text, scheme, colon + 1);
    }

    static SipUri parseSipUri(String text) {
        if (parseUri(text) instanceof SipUri sip) return sip;
        throw new SipSyntaxException("not a sip: or sips: URI");
    }

    /** scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ); returns the index of the ':' after it. */
    private static int schemeEnd(String text) {
        int n = text.length();
        if (n == 0 || !Chars.is(text.charAt(0), Chars.ALPHA)) throw new SipSyntaxException("URI must start with a scheme");
        for (int i = 1; i < n; i++) {
            char c = text.charAt(i);
            if (c == ':') return i;
            if (!Chars.is(c, Chars.ALPHA | Chars.DIGIT) && c != '+' && c != '-' && c != '.') break;
        }
        throw new SipSyntaxException("URI must start with a scheme");
    }

    // ------------------------------------------------------------------ sip:

    private static SipUri parseSip(String s, int from, boolean secure) {
        int n = s.length();
        String user = null;
        String password = null;
        // '@' is legal nowhere in a SIP URI but as the end of userinfo (it is not in
        // param or header characters), so the first one ends the userinfo, even
        // when the user part holds ';' or '?' (§19.1.1, RFC 4475 semiuri/intmeth).
        int at = s.indexOf('@', from);
        int hostStart = from;
        if (at >= 0) {
            int colon = s.indexOf(':', from);
            int userEnd = colon >= 0 && colon < at ? colon : at;
            if (!Chars.allEscapedOr(s, from, userEnd, Chars.UNRESERVED | Chars.USER_UNRESERVED, false)) {
                throw new SipSyntaxException("bad user part");
            }
            user = s.substring(from, userEnd);
            if (userEnd < at) {
                if (!Chars.allEscapedOr(s, userEnd + 1, at, Chars.UNRESERVED | Chars.PASSWORD, true)) {
                    throw new SipSyntaxException("bad password");
                }
                password = s.substring(userEnd + 1, at);
            }
            hostStart = at + 1;
        }
        int hostEnd;
        if (hostStart < n && s.charAt(hostStart) == '[') {
            int close = s.indexOf(']', hostStart);
            if (close < 0) throw new SipSyntaxException("unterminated IPv6 reference");
            hostEnd = close + 1;
        } else {
            hostEnd = hostStart;
            while (hostEnd < n && Chars.is(s.charAt(hostEnd), Chars.HOSTNAME)) hostEnd++;
        }
        if (!HostSyntax.isHost(s, hostStart, hostEnd)) throw new SipSyntaxException("bad host");
        String host = s.substring(hostStart, hostEnd);
        int port = -1;
        int p = hostEnd;
        if (p < n && s.charAt(p) == ':') {
            int portEnd = p + 1;
            while (portEnd < n && Chars.is(s.charAt(portEnd), Chars.DIGIT)) portEnd++;
            long v = Chars.digits(s, p + 1, portEnd, 65535);
            if (v < 0) throw new SipSyntaxException("bad port");
            port = (int) v;
            p = portEnd;
        }
        List<Params.Param> params = null;
        while (p < n && s.charAt(p) == ';') {
            int nameStart = p + 1;
            int q = nameStart;
            while (q < n && s.charAt(q) != ';' && s.charAt(q) != '?' && s.charAt(q) != '=') q++;
            if (!Chars.allEscapedOr(s, nameStart, q, Chars.UNRESERVED | Chars.PARAM_UNRESERVED, false)) {
                throw new SipSyntaxException("bad URI parameter");
            }
            String name = s.substring(nameStart, q);
            String value = null;
            if (q < n && s.charAt(q) == '=') {
                int valueStart = q + 1;
                q = valueStart;
                while (q < n && s.charAt(q) != ';' && s.charAt(q) != '?') q++;
                if (!Chars.allEscapedOr(s, valueStart, q, Chars.UNRESERVED | Chars.PARAM_UNRESERVED, false)) {
                    throw new SipSyntaxException("bad URI parameter value");
                }
                value = s.substring(valueStart, q);
            }
            if (params == null) params = new ArrayList<>(4);
            params.add(new Params.Param(name, value));
            p = q;
        }
        String headers = null;
        if (p < n && s.charAt(p) == '?') {
            checkHeaders(s, p + 1, n);
            headers = s.substring(p + 1);
            p = n;
        }
        if (p != n) throw new SipSyntaxException("unexpected character in URI");
        return new SipUri(secure, user, password, host, port,
                params == null ? Params.EMPTY : Params.wrap(params), headers);
    }

    /** headers = header *( "&" header ); header = hname "=" hvalue (§25.1). */
    private static void checkHeaders(String s, int from, int to) {
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || s.charAt(i) == '&') {
                int eq = s.indexOf('=', start);
                if (eq < 0 || eq >= i
                        || !Chars.allEscapedOr(s, start, eq, Chars.UNRESERVED | Chars.HNV_UNRESERVED, false)
                        || !Chars.allEscapedOr(s, eq + 1, i, Chars.UNRESERVED | Chars.HNV_UNRESERVED, true)) {
                    throw new SipSyntaxException("bad URI header");
                }
                start = i + 1;
            }
        }
    }

    // ------------------------------------------------------------------ tel:

    /**
     * RFC 3966 §3: telephone-subscriber *par. Visual separators are dropped from
     * the number; a local number without phone-context is tolerated, since it
     * is the core that decides what a number means.
     */
    private static TelUri parseTel(String s, int from) {
        int n = s.length();
        int semi = s.indexOf(';', from);
        int numEnd = semi < 0 ? n : semi;
        boolean global = from < numEnd && s.charAt(from) == '+';
        StringBuilder number = new StringBuilder(numEnd - from);
        if (global) number.append('+');
        int significant = 0;
        for (int i = global ? from + 1 : from; i < numEnd; i++) {
            char c = s.charAt(i);
            if (c == '-' || c == '.' || c == '(' || c == ')') continue;
            boolean ok = global ? Chars.is(c, Chars.DIGIT) : Chars.is(c, Chars.HEX) || c == '*' || c == '#';
            if (!ok) throw new SipSyntaxException("bad telephone number");
            number.append(c);
            significant++;
        }
        if (significant == 0) throw new SipSyntaxException("empty telephone number");
        List<Params.Param> params = new ArrayList<>(2);
        int p = numEnd;
        while (p < n) {
            int q = s.indexOf(';', p + 1);
            if (q < 0) q = n;
            int eq = s.indexOf('=', p + 1);
            int nameEnd = eq >= 0 && eq < q ? eq : q;
            if (nameEnd == p + 1) throw new SipSyntaxException("empty tel parameter");
            for (int i = p + 1; i < nameEnd; i++) {
                char c = s.charAt(i);
                if (!Chars.is(c, Chars.ALPHA | Chars.DIGIT) && c != '-') throw new SipSyntaxException("bad tel parameter");
            }
            String value = null;
            if (nameEnd < q) {
                if (!Chars.allEscapedOr(s, nameEnd + 1, q, Chars.UNRESERVED | Chars.PARAM_UNRESERVED, false)) {
                    throw new SipSyntaxException("bad tel parameter value");
                }
                value = s.substring(nameEnd + 1, q);
            }
            params.add(new Params.Param(s.substring(p + 1, nameEnd), value));
            p = q;
        }
        return new TelUri(number.toString(), Params.wrap(params));
    }

    // ---------------------------------------------------------------- other

    private static OtherUri parseOther(String s, String scheme, int from) {
        if (from >= s.length()) throw new SipSyntaxException("empty URI after the scheme");
        if (!Chars.allEscapedOr(s, from, s.length(), Chars.URIC, false)) throw new SipSyntaxException("bad URI character");
        return new OtherUri(scheme.toLowerCase(java.util.Locale.ROOT), s);
    }

    // -------------------------------------------------------------- escapes

    /**
     * Decodes %HH escapes, each to the character with that octet value (the
     * ISO-8859-1 view used for all header text); a malformed escape stays as written.
     */
    static String unescape(String s) {
        int pct = s.indexOf('%');
        if (pct < 0) return s;
        StringBuilder sb = new StringBuilder(s.length());
        sb.append(s, 0, pct);
        for (int i = pct; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                int hi = Chars.hexValue(s.charAt(i + 1));
                int lo = Chars.hexValue(s.charAt(i + 2));
                if (hi >= 0 && lo >= 0) {
                    sb.append((char) (hi << 4 | lo));
                    i += 2;
                    continue;
                }
            }
            sb.append(c);
        }
        return sb.toString();
    }

    static boolean equivalent(SipUri a, SipUri b) {
        return UriEquivalence.equivalent(a, b);
    }
}
