package org.clearline.syntax;

import java.util.List;

/** name-addr / addr-spec with header params (§20.10, §25.1). */
final class AddressParser {
    private AddressParser() {}

    static NameAddr parseNameAddr(String text) { throw new SipSyntaxException("pending: AddressParser"); }

    static List<NameAddr> parseNameAddrList(String text) { throw new SipSyntaxException("pending: AddressParser"); }
}
