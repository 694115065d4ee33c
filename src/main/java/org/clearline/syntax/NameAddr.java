package org.clearline.syntax;

/**
 * A name-addr or addr-spec with header parameters, as in From, To, Contact,
 * Route, Record-Route, Path (§20.10, §25.1).
 *
 * @param displayName display name exactly as written (quotes kept), or null
 * @param uri         the address
 * @param params      header parameters after the address (tag, expires, q, ...)
 */
public record NameAddr(String displayName, Uri uri, Params params) {

    /** Parses one name-addr / addr-spec with params; throws {@link SipSyntaxException}. */
    public static NameAddr parse(String text) {
        return AddressParser.parseNameAddr(text);
    }

    /** Parses a comma-separated list (Contact, Route, Record-Route, Path). */
    public static java.util.List<NameAddr> parseList(String text) {
        return AddressParser.parseNameAddrList(text);
    }

    public static NameAddr of(Uri uri) {
        return new NameAddr(null, uri, Params.EMPTY);
    }

    public String tag() {
        return params.get("tag");
    }

    public NameAddr withParams(Params newParams) {
        return new NameAddr(displayName, uri, newParams);
    }

    public NameAddr withUri(Uri newUri) {
        return new NameAddr(displayName, newUri, params);
    }

    /** The URI when it is sip:/sips:, else null. */
    public SipUri sipUri() {
        return uri instanceof SipUri s ? s : null;
    }

    /** Always written in name-addr form (with angle brackets), which is never ambiguous. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(64);
        if (displayName != null && !displayName.isEmpty()) sb.append(displayName).append(' ');
        sb.append('<').append(uri).append('>');
        params.appendTo(sb);
        return sb.toString();
    }
}
