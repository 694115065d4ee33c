package org.clearline.syntax;

/**
 * A URI as it appears in a Request-URI or a name-addr (§19, §25.1):
 * {@link SipUri} for sip:/sips:, {@link TelUri} for tel: (RFC 3966),
 * {@link OtherUri} for every other absoluteURI (kept as text; a
 * Request-URI with one is answered 416).
 */
public sealed interface Uri permits SipUri, TelUri, OtherUri {
    /** Lower-case scheme: "sip", "sips", "tel", ... */
    String scheme();

    /** Parses any absoluteURI; throws {@link SipSyntaxException} when malformed. */
    static Uri parse(String text) {
        return UriParser.parseUri(text);
    }
}
