package org.clearline.syntax.sdp;

/**
 * One {@code a=} line (RFC 4566 §5.13): a property attribute ({@code a=sendrecv})
 * has a null value; a value attribute ({@code a=ptime:20}) has the text after the
 * first colon, possibly empty.
 */
public record Attribute(String name, String value) {

    static Attribute parse(String line) {
        int colon = line.indexOf(':');
        String name = colon < 0 ? line : line.substring(0, colon);
        if (name.isEmpty()) throw new SdpSyntaxException("a= line has no attribute name");
        if (!SdpText.isToken(name)) throw new SdpSyntaxException("attribute name " + SdpText.quote(name) + " is not a token");
        return new Attribute(name, colon < 0 ? null : line.substring(colon + 1));
    }

    public boolean isProperty() {
        return value == null;
    }
}
