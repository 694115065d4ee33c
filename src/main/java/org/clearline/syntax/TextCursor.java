package org.clearline.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * A position in an unfolded header value, with the small lexical steps the
 * header grammars share (§25.1): linear white space, tokens, quoted strings and
 * {@code *( SEMI generic-param )}. Every failure throws {@link SipSyntaxException}.
 */
final class TextCursor {
    final String s;
    int pos;
    final int end;

    TextCursor(String s) {
        this.s = s;
        this.pos = 0;
        this.end = s.length();
    }

    boolean atEnd() {
        return pos >= end;
    }

    char peek() {
        return pos < end ? s.charAt(pos) : '\0';
    }

    /** Skips LWS; CR and LF count too, so a still-folded value reads the same. */
    TextCursor skipLws() {
        while (pos < end) {
            char c = s.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') break;
            pos++;
        }
        return this;
    }

    /** Consumes {@code c} surrounded by optional LWS, or returns false and stays put. */
    boolean eat(char c) {
        int save = pos;
        skipLws();
        if (pos < end && s.charAt(pos) == c) {
            pos++;
            skipLws();
            return true;
        }
        pos = save;
        return false;
    }

    void expect(char c, String what) {
        if (!eat(c)) throw new SipSyntaxException("expected " + what);
    }

    /** A token, or throws naming {@code what}. */
    String token(String what) {
        int start = pos;
        while (pos < end && Tokens.isTokenChar(s.charAt(pos))) pos++;
        if (pos == start) throw new SipSyntaxException("expected " + what);
        return s.substring(start, pos);
    }

    /** Skips a token without making a string of it, or throws naming {@code what}. */
    void skipToken(String what) {
        int start = pos;
        while (pos < end && Tokens.isTokenChar(s.charAt(pos))) pos++;
        if (pos == start) throw new SipSyntaxException("expected " + what);
    }

    /** A quoted-string starting at pos, returned with its quotes and escapes as written. */
    String quotedString() {
        int start = pos;
        if (peek() != '"') throw new SipSyntaxException("expected a quoted string");
        pos++;
        while (pos < end) {
            char c = s.charAt(pos);
            if (c == '\\') {
                // quoted-pair: any octet but CR and LF may follow the backslash
                if (pos + 1 >= end || s.charAt(pos + 1) == '\r' || s.charAt(pos + 1) == '\n') break;
                pos += 2;
            } else if (c == '"') {
                pos++;
                return s.substring(start, pos);
            } else {
                pos++;
            }
        }
        throw new SipSyntaxException("unterminated quoted string");
    }

    /**
     * {@code *( SEMI generic-param )} with gen-value = token / host / quoted-string;
     * stops before a top-level comma or at the end. The value of a flag is null.
     */
    Params headerParams() {
        List<Params.Param> list = null;
        while (eat(';')) {
            String name = token("a parameter name");
            String value = null;
            if (eat('=')) value = paramValue();
            if (list == null) list = new ArrayList<>(4);
            list.add(new Params.Param(name, value));
        }
        return list == null ? Params.EMPTY : Params.wrap(list);
    }

    /** gen-value: token, quoted-string, or an IPv6 reference (host). */
    String paramValue() {
        char c = peek();
        if (c == '"') return quotedString();
        if (c == '[') {
            int close = s.indexOf(']', pos);
            if (close < 0 || !HostSyntax.isHost(s, pos, close + 1)) throw new SipSyntaxException("bad IPv6 reference");
            String v = s.substring(pos, close + 1);
            pos = close + 1;
            return v;
        }
        return token("a parameter value");
    }
}
