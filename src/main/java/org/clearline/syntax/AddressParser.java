package org.clearline.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * (name-addr / addr-spec) *( SEMI param ), alone or as a comma list
 * (From, To, Contact, Route, Record-Route, Path; §20.10, §25.1).
 *
 * <p>In the addr-spec form (no angle brackets) the URI ends at the first
 * semicolon, comma or white space, so every parameter after it is a header
 * parameter (§20.10: "sip:a@b;tag=x" carries a tag, not a URI parameter). A URI
 * holding '?' must be bracketed. {@code *} (Contact wildcard) is not an address:
 * callers look at the raw header value for it.
 */
final class AddressParser {
    private AddressParser() {}

    static NameAddr parseNameAddr(String text) {
        TextCursor c = new TextCursor(text);
        NameAddr na = element(c.skipLws());
        c.skipLws();
        if (!c.atEnd()) throw new SipSyntaxException("unexpected text after the address");
        return na;
    }

    static List<NameAddr> parseNameAddrList(String text) {
        TextCursor c = new TextCursor(text);
        List<NameAddr> out = new ArrayList<>(2);
        c.skipLws();
        while (true) {
            out.add(element(c));
            c.skipLws();
            if (c.atEnd()) return out;
            if (c.peek() != ',') throw new SipSyntaxException("expected ',' between addresses");
            c.pos++;
            c.skipLws();
        }
    }

    private static NameAddr element(TextCursor c) {
        if (c.atEnd()) throw new SipSyntaxException("empty address");
        String display = null;
        char first = c.peek();
        if (first == '"') {
            display = c.quotedString();
            c.skipLws();
            if (c.peek() != '<') throw new SipSyntaxException("expected '<' after the display name");
        } else if (first != '<') {
            display = tokenDisplayName(c);
        }
        Uri uri;
        if (c.peek() == '<') {
            // LAQUOT = SWS "<" and RAQUOT = ">" SWS: no white space inside the brackets
            int close = c.s.indexOf('>', c.pos + 1);
            if (close < 0) throw new SipSyntaxException("missing '>'");
            uri = UriParser.parseUri(c.s.substring(c.pos + 1, close));
            c.pos = close + 1;
        } else {
            int start = c.pos;
            while (!c.atEnd()) {
                char ch = c.peek();
                if (ch == ';' || ch == ',' || ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n') break;
                if (ch == '?') throw new SipSyntaxException("a URI with '?' must be enclosed in <>");
                c.pos++;
            }
            uri = UriParser.parseUri(c.s.substring(start, c.pos));
        }
        return new NameAddr(display, uri, c.headerParams());
    }

    /**
     * display-name = *(token LWS) when it is not quoted. Returns the tokens as
     * written if a '<' follows them, else rewinds (it is an addr-spec) and returns null.
     */
    private static String tokenDisplayName(TextCursor c) {
        int start = c.pos;
        int lastEnd = start;
        while (!c.atEnd() && Tokens.isTokenChar(c.peek())) {
            while (!c.atEnd() && Tokens.isTokenChar(c.peek())) c.pos++;
            lastEnd = c.pos;
            c.skipLws();
        }
        if (c.peek() == '<' && lastEnd > start) return c.s.substring(start, lastEnd);
        c.pos = start;
        return null;
    }
}
