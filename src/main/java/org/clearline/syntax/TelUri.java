package org.clearline.syntax;

/**
 * tel: URI (RFC 3966). {@code number} is the telephone-subscriber without
 * visual separators ("+4930123", or a local number); params keep
 * {@code ;phone-context=} and the rest.
 */
public record TelUri(String number, Params params) implements Uri {
    @Override
    public String scheme() {
        return "tel";
    }

    public boolean isGlobal() {
        return number.startsWith("+");
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("tel:").append(number);
        params.appendTo(sb);
        return sb.toString();
    }
}
