package org.clearline.syntax;

/**
 * One header field line as received or as we will send it. {@code name} is the
 * canonical long form (compact names expanded, see {@link HeaderNames});
 * {@code value} is the unfolded field value, decoded byte-for-byte as
 * ISO-8859-1 so that a header we do not touch is forwarded with exactly the
 * octets it arrived with.
 */
public record Header(String name, String value) {
    public boolean is(String otherName) {
        return name.equalsIgnoreCase(otherName);
    }

    @Override
    public String toString() {
        return name + ": " + value;
    }
}
