package org.clearline.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * via-parm = sent-protocol LWS sent-by *( SEMI via-params ) (§20.42, §25.1),
 * with LWS allowed around '/', ':', ';', '=' and ','. IPv6 sent-by and
 * received values are bracketed references (RFC 5118 §4.5 tolerates brackets
 * in received); rport may be a flag or a port (RFC 3581).
 */
final class ViaParser {
    private ViaParser() {}

    static Via parseOne(String text) {
        TextCursor c = new TextCursor(text);
        Via v = viaParm(c.skipLws());
        c.skipLws();
        if (!c.atEnd()) throw new SipSyntaxException("unexpected text after the via-parm");
        return v;
    }

    static List<Via> parseList(String text) {
        TextCursor c = new TextCursor(text);
        List<Via> out = new ArrayList<>(1);
        c.skipLws();
        while (true) {
            out.add(viaParm(c));
            c.skipLws();
            if (c.atEnd()) return out;
            if (c.peek() != ',') throw new SipSyntaxException("expected ',' between via-parms");
            c.pos++;
            c.skipLws();
        }
    }

    private static Via viaParm(TextCursor c) {
        c.skipToken("protocol name");
        c.expect('/', "'/' after the protocol name");
        c.skipToken("protocol version");
        c.expect('/', "'/' before the transport");
        String transport = upper(c.token("transport"));
        int beforeLws = c.pos;
        c.skipLws();
        if (c.pos == beforeLws) throw new SipSyntaxException("expected white space before sent-by");
        int hostStart = c.pos;
        if (c.peek() == '[') {
            int close = c.s.indexOf(']', c.pos);
            if (close < 0) throw new SipSyntaxException("unterminated IPv6 reference");
            c.pos = close + 1;
        } else {
            while (!c.atEnd() && Chars.is(c.peek(), Chars.HOSTNAME)) c.pos++;
        }
        if (!HostSyntax.isHost(c.s, hostStart, c.pos)) throw new SipSyntaxException("bad sent-by host");
        String host = c.s.substring(hostStart, c.pos);
        int port = -1;
        if (c.eat(':')) {
            int start = c.pos;
            while (!c.atEnd() && Chars.is(c.peek(), Chars.DIGIT)) c.pos++;
            long v = Chars.digits(c.s, start, c.pos, 65535);
            if (v < 0) throw new SipSyntaxException("bad sent-by port");
            port = (int) v;
        }
        Params params = c.headerParams();
        check(params);
        return new Via(transport, host, port, params);
    }

    /** The via-params whose values the RFCs constrain. */
    private static void check(Params params) {
        for (Params.Param p : params.list()) {
            String name = p.name();
            String v = p.value();
            if (name.equalsIgnoreCase("branch")) {
                if (v == null || !Tokens.isToken(v)) throw new SipSyntaxException("bad branch");
            } else if (name.equalsIgnoreCase("ttl")) {
                if (v == null || Chars.digits(v, 0, v.length(), 255) < 0) throw new SipSyntaxException("bad ttl");
            } else if (name.equalsIgnoreCase("received") || name.equalsIgnoreCase("maddr")) {
                if (v == null || !HostSyntax.isHost(v, 0, v.length())) throw new SipSyntaxException("bad " + name);
            } else if (name.equalsIgnoreCase("rport")) {
                if (v != null && Chars.digits(v, 0, v.length(), 65535) < 0) throw new SipSyntaxException("bad rport");
            }
        }
    }

    private static String upper(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= 'a' && c <= 'z') return t.toUpperCase(Locale.ROOT);
        }
        return t;
    }
}
