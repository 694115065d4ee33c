package org.clearline.analyzer.packet;

import org.clearline.analyzer.capture.Bytes;
import org.clearline.analyzer.capture.LinkTypes;

/** Where the IP header starts behind each link-layer header the analyzer reads. */
final class LinkLayer {
    static final int ETHERTYPE_IPV4 = 0x0800;
    static final int ETHERTYPE_IPV6 = 0x86DD;
    private static final int ETHERTYPE_VLAN = 0x8100;
    private static final int ETHERTYPE_QINQ = 0x88A8;
    private static final int ETHERTYPE_QINQ_OLD = 0x9100;
    private static final int ETHERTYPE_PPPOE_SESSION = 0x8864;
    private static final int PPP_IPV4 = 0x0021;
    private static final int PPP_IPV6 = 0x0057;
    static final int SLL_HEADER = 16;
    static final int SLL2_HEADER = 20;
    /** Not an IP packet (ARP, LLDP, ...). */
    static final int NOT_IP = -1;

    private LinkLayer() {}

    /** The offset of the IP header in {@code d}, or {@link #NOT_IP}. */
    static int ipStart(int linkType, byte[] d, int length) {
        return switch (linkType) {
            // the address family is in the writer's byte order (NULL) or network order (LOOP);
            // the IP version nibble behind it tells IPv4 from IPv6 either way
            case LinkTypes.NULL, LinkTypes.LOOP -> length > 4 ? 4 : NOT_IP;
            case LinkTypes.ETHERNET -> ethernet(d, length);
            case LinkTypes.RAW, LinkTypes.RAW_BSD, LinkTypes.RAW_OPENBSD, LinkTypes.IPV4, LinkTypes.IPV6 -> 0;
            case LinkTypes.LINUX_SLL -> length > SLL_HEADER ? ipIf(Bytes.u16(d, 14), SLL_HEADER) : NOT_IP;
            case LinkTypes.LINUX_SLL2 -> length > SLL2_HEADER ? ipIf(Bytes.u16(d, 0), SLL2_HEADER) : NOT_IP;
            default -> NOT_IP;
        };
    }

    private static int ethernet(byte[] d, int length) {
        if (length < 14) return NOT_IP;
        int type = Bytes.u16(d, 12);
        int p = 14;
        // IEEE 802.1Q and 802.1ad tags: 4 bytes each, the real type follows
        while ((type == ETHERTYPE_VLAN || type == ETHERTYPE_QINQ || type == ETHERTYPE_QINQ_OLD) && p + 4 <= length) {
            type = Bytes.u16(d, p + 2);
            p += 4;
        }
        if (type == ETHERTYPE_PPPOE_SESSION) {
            // RFC 2516 §4: 6-byte PPPoE header, then the 2-byte PPP protocol
            if (p + 8 > length) return NOT_IP;
            int ppp = Bytes.u16(d, p + 6);
            p += 8;
            type = ppp == PPP_IPV4 ? ETHERTYPE_IPV4 : ppp == PPP_IPV6 ? ETHERTYPE_IPV6 : -1;
        }
        return p < length ? ipIf(type, p) : NOT_IP;
    }

    private static int ipIf(int etherType, int offset) {
        return etherType == ETHERTYPE_IPV4 || etherType == ETHERTYPE_IPV6 ? offset : NOT_IP;
    }
}
