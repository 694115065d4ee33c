package org.clearline.syntax;

import java.util.List;

/** Via grammar (§20.42, §25.1; IPv6 per RFC 5118). */
final class ViaParser {
    private ViaParser() {}

    static Via parseOne(String text) { throw new SipSyntaxException("pending: ViaParser"); }

    static List<Via> parseList(String text) { throw new SipSyntaxException("pending: ViaParser"); }
}
