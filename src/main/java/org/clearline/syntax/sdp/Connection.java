package org.clearline.syntax.sdp;

/**
 * Connection data, {@code c=<nettype> <addrtype> <connection-address>} (RFC 4566 §5.7).
 *
 * @param address as written, including a multicast {@code /ttl/count} suffix
 */
public record Connection(String netType, String addressType, String address) {

    /** The address without a multicast {@code /ttl} or {@code /count} suffix. */
    public String host() {
        int slash = address.indexOf('/');
        return slash < 0 ? address : address.substring(0, slash);
    }

    /**
     * RFC 3264 §8.4: an offer with {@code c=IN IP4 0.0.0.0} is the older way of
     * putting a stream on hold (now {@code a=sendonly}/{@code a=inactive}).
     */
    public boolean isUnspecified() {
        String h = host();
        return h.equals("0.0.0.0") || h.equals("::");
    }

    static Connection parse(String value) {
        String[] f = SdpText.fields(value);
        if (f.length != 3) {
            throw new SdpSyntaxException("c= needs 3 fields (nettype addrtype connection-address), found " + SdpText.fieldCount(f.length));
        }
        return new Connection(f[0], f[1], f[2]);
    }
}
