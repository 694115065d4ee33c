package org.clearline.syntax;

/** URI grammar of §19.1 / §25.1 and RFC 3966 (owned by the syntax work package). */
final class UriParser {
    private UriParser() {}

    static Uri parseUri(String text) { throw new SipSyntaxException("pending: UriParser"); }

    static SipUri parseSipUri(String text) { throw new SipSyntaxException("pending: UriParser"); }

    static String unescape(String s) { throw new SipSyntaxException("pending: UriParser"); }

    static boolean equivalent(SipUri a, SipUri b) { throw new SipSyntaxException("pending: UriParser"); }
}
