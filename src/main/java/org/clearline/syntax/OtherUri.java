package org.clearline.syntax;

/** An absoluteURI of a scheme we do not interpret (http:, isbn:, ...), kept verbatim. */
public record OtherUri(String scheme, String text) implements Uri {
    @Override
    public String toString() {
        return text;
    }
}
