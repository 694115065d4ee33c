package org.clearline.analyzer.capture;

/**
 * The LINKTYPE_ values (tcpdump.org link-layer header types) the analyzer
 * reads, and a name for messages about the others.
 */
public final class LinkTypes {
    private LinkTypes() {}

    /** BSD loopback: 4-byte address family in the writer's byte order. */
    public static final int NULL = 0;
    public static final int ETHERNET = 1;
    /** Raw IP as some systems number it (DLT_RAW is 12 or 14 there). */
    public static final int RAW_OPENBSD = 12;
    public static final int RAW_BSD = 14;
    /** Raw IPv4 or IPv6, no link header. */
    public static final int RAW = 101;
    /** OpenBSD loopback: 4-byte address family in network byte order. */
    public static final int LOOP = 108;
    /** Linux "cooked" capture (tcpdump -i any), version 1: 16-byte header. */
    public static final int LINUX_SLL = 113;
    public static final int IPV4 = 228;
    public static final int IPV6 = 229;
    /** Linux "cooked" capture version 2: 20-byte header. */
    public static final int LINUX_SLL2 = 276;

    public static boolean isKnown(int linkType) {
        return switch (linkType) {
            case NULL, ETHERNET, RAW_OPENBSD, RAW_BSD, RAW, LOOP, LINUX_SLL, IPV4, IPV6, LINUX_SLL2 -> true;
            default -> false;
        };
    }

    /** "Ethernet", "Linux cooked (SLL2)", or "link type 147". */
    public static String name(int linkType) {
        return switch (linkType) {
            case NULL -> "BSD loopback";
            case ETHERNET -> "Ethernet";
            case RAW_OPENBSD, RAW_BSD, RAW -> "raw IP";
            case LOOP -> "OpenBSD loopback";
            case LINUX_SLL -> "Linux cooked (SLL)";
            case IPV4 -> "raw IPv4";
            case IPV6 -> "raw IPv6";
            case LINUX_SLL2 -> "Linux cooked (SLL2)";
            default -> "link type " + linkType;
        };
    }
}
